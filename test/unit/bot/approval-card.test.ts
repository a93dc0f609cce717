import { LIMITS } from '../../../api/domain/limits';
import {
  APPROVAL_CARD_PREVIEW,
  APPROVAL_POLICY_LABELS,
  buildApprovalCard,
  costDeltaLabel,
  REFRESH_USER_IDS_LIMIT,
  refreshUserIds,
  scheduleDeltaLabel,
} from '../../../bot/cards/build-cards';
import type { AdaptiveCardJson, ApprovalCardView } from '../../../bot/cards/card-views';
import type { ApprovalDecisionData, ApprovalRefreshData } from '../../../bot/cards/card-verbs';
import { CARD_VERBS } from '../../../bot/cards/card-verbs';
import {
  allActions,
  approvalView,
  asRead,
  cardBytes,
  cardProblems,
  expectWellFormed,
  HOSTILE,
  inputById,
  maxApprovalView,
  nodesOfType,
  SIZE_BUDGET,
  siblingsAfter,
  userId,
  visibleTexts,
} from './card-test-kit';

/** The buttons a person can press: every action but the card's own refresh. */
const buttons = (card: AdaptiveCardJson) => allActions(card).filter((a) => a !== card.refresh?.action);

const inputs = (card: AdaptiveCardJson) =>
  nodesOfType(card, 'Input.Text').concat(
    nodesOfType(card, 'Input.ChoiceSet'),
    nodesOfType(card, 'Input.Number'),
  );

const runs = (card: unknown) => nodesOfType(card, 'TextRun').map((r) => asRead(String(r.text)));

/** The attention TextBlocks right after the comment box. */
const errorsUnderComment = (card: AdaptiveCardJson) => {
  const messages: string[] = [];
  for (const node of siblingsAfter(card, inputById(card, 'comment'))) {
    if (node.type !== 'TextBlock' || node.color !== 'attention') break;
    expect(node.wrap).toBe(true);
    messages.push(String(node.text));
  }
  return messages;
};

const withState = (state: ApprovalCardView['changeRequest']['state'], over: Partial<ApprovalCardView> = {}) =>
  approvalView({ changeRequest: { ...approvalView().changeRequest, state }, mode: 'readOnly', ...over });

describe('buildApprovalCard', () => {
  const STATES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'expired'] as const;

  it.each<[string, () => AdaptiveCardJson]>([
    ['decide', () => buildApprovalCard(approvalView())],
    ['read only', () => buildApprovalCard(approvalView({ mode: 'readOnly' }))],
    [
      'with a notice',
      () => buildApprovalCard(approvalView({ notice: { tone: 'good', text: 'You approved.' } })),
    ],
    [
      'no approvers, no refresh ids',
      () => buildApprovalCard(approvalView({ approvers: [], refreshUserIds: [] })),
    ],
    ['at maximum, deciding', () => buildApprovalCard(maxApprovalView())],
    ['at maximum, read only', () => buildApprovalCard(maxApprovalView({ mode: 'readOnly' }))],
    ...STATES.map((state): [string, () => AdaptiveCardJson] => [
      `state ${state}`,
      () => buildApprovalCard(withState(state)),
    ]),
  ])('%s: parses as Adaptive Card 1.5 with no problems', (_name, build) => {
    expectWellFormed(build());
  });

  it.each([
    ['deciding', maxApprovalView()],
    ['read only', maxApprovalView({ mode: 'readOnly' })],
  ])('should stay under the size budget at maximum lengths with ten approvers (%s)', (_name, view) => {
    const card = buildApprovalCard(view);
    expect(view.approvers).toHaveLength(LIMITS.sponsors);
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(SIZE_BUDGET);
  });

  it('should use only Action.Execute with a known verb', () => {
    for (const card of [
      buildApprovalCard(maxApprovalView()),
      buildApprovalCard(approvalView({ mode: 'readOnly' })),
    ]) {
      for (const action of allActions(card)) {
        expect(action.type).toBe('Action.Execute');
        expect(CARD_VERBS).toContain(action.verb);
      }
    }
  });

  it('should be the same card for the same view', () => {
    expect(buildApprovalCard(maxApprovalView())).toEqual(buildApprovalCard(maxApprovalView()));
  });

  describe('refresh', () => {
    it.each(['decide', 'readOnly'] as const)(
      'should carry a refresh for every viewer in %s mode, with verb approvalRefresh and the request',
      (mode) => {
        const card = buildApprovalCard(approvalView({ mode }));
        expect(card.refresh).toEqual({
          action: {
            type: 'Action.Execute',
            title: 'Refresh',
            verb: 'approvalRefresh',
            data: { changeRequestId: 'cr-1' } satisfies ApprovalRefreshData,
          },
          userIds: [userId(1), userId(2), userId(3), userId(4)],
        });
      },
    );

    it('should keep the first 60 user ids, in order, as Teams allows', () => {
      const card = buildApprovalCard(maxApprovalView());
      expect(REFRESH_USER_IDS_LIMIT).toBe(60);
      expect(card.refresh?.userIds).toEqual(Array.from({ length: 60 }, (_, i) => userId(i)));
    });

    it('should drop blanks and repeats before counting', () => {
      expect(refreshUserIds([userId(1), '', userId(1), ' ', userId(2)])).toEqual([userId(1), userId(2)]);
      const many = [
        ...Array.from({ length: 70 }, () => userId(0)),
        ...Array.from({ length: 70 }, (_, i) => userId(i)),
      ];
      expect(refreshUserIds(many)).toHaveLength(60);
      expect(new Set(refreshUserIds(many)).size).toBe(60);
    });

    it('should keep an empty list (refresh by hand only) rather than drop it', () => {
      const card = buildApprovalCard(approvalView({ refreshUserIds: [] }));
      expect(card.refresh?.userIds).toEqual([]);
      expectWellFormed(card);
    });
  });

  describe('decide mode', () => {
    it('should have the comment box: multi-line, up to the reason limit, saying a rejection needs a reason', () => {
      const input = inputById(buildApprovalCard(approvalView()), 'comment');
      expect(input).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: LIMITS.reason });
      expect(input.isRequired).toBeUndefined();
      expect(input.label).toMatch(/reject/i);
      expect(input.label).toMatch(/why/i);
      expect(input).not.toHaveProperty('value');
    });

    it('should have Approve and Reject, each Action.Execute with the request and the version seen', () => {
      const data: ApprovalDecisionData = { changeRequestId: 'cr-1', version: 3 };
      expect(buttons(buildApprovalCard(approvalView()))).toEqual([
        { type: 'Action.Execute', title: 'Approve', verb: 'approvalApprove', style: 'positive', data },
        { type: 'Action.Execute', title: 'Reject', verb: 'approvalReject', style: 'destructive', data },
      ]);
    });

    it('should have no input id that collides with the action data', () => {
      const card = buildApprovalCard(approvalView());
      for (const input of inputs(card)) expect(['changeRequestId', 'version']).not.toContain(input.id);
    });
  });

  describe('read-only mode', () => {
    it('should have no input and no button, only the refresh', () => {
      const card = buildApprovalCard(approvalView({ mode: 'readOnly' }));
      expect(inputs(card)).toEqual([]);
      expect(buttons(card)).toEqual([]);
      expect(card.actions ?? []).toEqual([]);
      expect(allActions(card)).toHaveLength(1);
    });

    it('should ignore a typed comment (there is no box to put it in)', () => {
      const card = buildApprovalCard(approvalView({ mode: 'readOnly', commentValue: 'Fine' }));
      expect(inputs(card)).toEqual([]);
    });
  });

  describe('what it shows', () => {
    it('should show the project, the request, its impact, the justification and who asked when', () => {
      const card = buildApprovalCard(approvalView());
      const text = runs(card);
      expect(text).toEqual(
        expect.arrayContaining([
          'CRM-7',
          ' · New CRM rollout',
          'Add the EU warehouse',
          'Open a warehouse in Rotterdam for EU orders.',
          'EU fulfilment is now in scope.',
          'Next-day delivery for EU customers.',
          'EU customers need next-day delivery.',
          'Dana Whitfield',
          ' · Thu 26 Nov, 16:40',
        ]),
      );
      const facts = nodesOfType(card, 'FactSet')[0].facts as Array<{ title: string; value: string }>;
      expect(facts).toEqual([
        { title: 'Cost', value: '+50,000 EUR' },
        { title: 'Schedule', value: '+14 days' },
      ]);
    });

    it('should sign the deltas and say "No change" for zero', () => {
      expect(costDeltaLabel(50_000, 'EUR')).toBe('+50,000 EUR');
      expect(costDeltaLabel(-1234.5, 'CHF')).toBe('−1,234.5 CHF');
      expect(costDeltaLabel(0, 'EUR')).toBe('No change');
      expect(scheduleDeltaLabel(14)).toBe('+14 days');
      expect(scheduleDeltaLabel(-1)).toBe('−1 day');
      expect(scheduleDeltaLabel(0)).toBe('No change');
    });

    it('should say "None given." for an empty scope change or benefit, and leave out an empty description', () => {
      const base = approvalView().changeRequest;
      const card = buildApprovalCard(
        approvalView({ changeRequest: { ...base, description: ' ', scopeChange: '', benefitImpact: '' } }),
      );
      expectWellFormed(card);
      expect(runs(card).filter((t) => t === 'None given.')).toHaveLength(2);
      expect(runs(card)).not.toContain(' ');
    });

    it.each(['sequential', 'all', 'any'] as const)('should say the %s policy in words', (policy) => {
      const card = buildApprovalCard(
        approvalView({ changeRequest: { ...approvalView().changeRequest, policy } }),
      );
      expect(runs(card)).toContain(APPROVAL_POLICY_LABELS[policy]);
    });

    it("should list each approver with their decision, comment and time, in the request's order", () => {
      const card = buildApprovalCard(approvalView());
      const rows = nodesOfType(card, 'ColumnSet').map((row) => visibleTexts(row).map((t) => asRead(t)));
      expect(rows).toEqual([
        ['Sam Okafor', 'Fine by me.', 'Approved', 'Fri 27 Nov, 09:12'],
        ['Priya Natarajan', 'Decision awaited'],
        ['Lee Chen', 'Not their turn yet'],
      ]);
      const status = (label: string) => nodesOfType(card, 'TextBlock').find((t) => t.text === label);
      expect(status('Approved')?.color).toBe('good');
      expect(status('Decision awaited')?.color).toBe('warning');
      expect(status('Not their turn yet')?.isSubtle).toBe(true);
    });

    it('should show a rejection in attention colour with its reason', () => {
      const card = buildApprovalCard(
        withState('rejected', {
          approvers: [{ name: 'Sam', status: 'rejected', comment: 'Budget frozen.', atLabel: 'Mon 30 Nov' }],
        }),
      );
      expect(nodesOfType(card, 'TextBlock').find((t) => t.text === 'Rejected')?.color).toBe('attention');
      expect(runs(card)).toContain('Budget frozen.');
    });

    it('should not call anyone "awaited" once the request is settled', () => {
      const card = buildApprovalCard(
        withState('approved', {
          approvers: [
            { name: 'Sam', status: 'approved', comment: null, atLabel: 'Mon 30 Nov' },
            { name: 'Lee', status: 'waiting', comment: null, atLabel: null },
          ],
        }),
      );
      const text = visibleTexts(card);
      expect(text).toContain('No decision');
      expect(text).not.toContain('Not their turn yet');
      expect(text).not.toContain('Decision awaited');
    });

    it.each([
      ['draft', 'Draft', 'default'],
      ['submitted', 'Awaiting approval', 'warning'],
      ['approved', 'Approved', 'good'],
      ['rejected', 'Rejected', 'attention'],
      ['withdrawn', 'Withdrawn', 'default'],
      ['expired', 'Expired', 'default'],
    ] as const)('should show the %s state as "%s"', (state, label, color) => {
      const card = buildApprovalCard(withState(state, { approvers: [] }));
      const run = nodesOfType(card, 'TextRun').find((r) => r.text === label);
      expect(run).toMatchObject({ color, weight: 'bolder' });
    });

    it.each(['good', 'warning', 'attention', 'accent'] as const)(
      'should show a %s notice in a container of that style',
      (tone) => {
        const card = buildApprovalCard(
          approvalView({ notice: { tone, text: 'Not your turn yet: Sam decides first.' } }),
        );
        expectWellFormed(card);
        const container = nodesOfType(card, 'Container').find((c) => c.style === tone);
        expect(runs(container)).toEqual(['Not your turn yet: Sam decides first.']);
      },
    );

    it('should show no notice and no error container when there is none', () => {
      const card = buildApprovalCard(approvalView());
      expect(nodesOfType(card, 'Container').filter((c) => typeof c.style === 'string')).toEqual([]);
      expect(nodesOfType(card, 'TextBlock').filter((t) => t.color === 'attention')).toEqual([]);
    });

    it('should clip long texts to their previews, with an ellipsis (the tab has them in full)', () => {
      const card = buildApprovalCard(maxApprovalView());
      const clipped = (seed: string) => runs(card).filter((t) => t.startsWith(`${seed}:`));
      for (const [seed, max] of [
        ['Description', APPROVAL_CARD_PREVIEW.description],
        ['Scope', APPROVAL_CARD_PREVIEW.impact],
        ['Benefit', APPROVAL_CARD_PREVIEW.impact],
        ['Why', APPROVAL_CARD_PREVIEW.justification],
        ['Comment3', APPROVAL_CARD_PREVIEW.comment],
      ] as const) {
        const [text] = clipped(seed);
        expect(text.endsWith('…')).toBe(true);
        expect(text.length).toBeLessThanOrEqual(max);
        expect(text.length).toBeGreaterThan(max - 5);
      }
    });
  });

  describe('errors', () => {
    it('should put a comment error beside the comment box and keep the typed comment', () => {
      const card = buildApprovalCard(
        approvalView({
          errors: [
            {
              field: 'comment',
              message: 'Say why you reject the change: the requester and the PMO will read it.',
            },
          ],
          commentValue: '  half a thought\nsecond line ',
        }),
      );
      expectWellFormed(card);
      expect(errorsUnderComment(card)).toEqual([
        'Say why you reject the change: the requester and the PMO will read it.',
      ]);
      expect(inputById(card, 'comment').value).toBe('  half a thought\nsecond line ');
      expect(buttons(card).map((b) => b.verb)).toEqual(['approvalApprove', 'approvalReject']);
    });

    it('should put errors about anything else above, in an attention container', () => {
      const card = buildApprovalCard(
        approvalView({
          errors: [
            { field: 'version', message: 'Someone changed this request: look again.' },
            { field: 'comment', message: 'At most 1000 characters.' },
          ],
        }),
      );
      expect(errorsUnderComment(card)).toEqual(['At most 1000 characters.']);
      const summary = nodesOfType(card, 'Container').find((c) => c.style === 'attention');
      expect((summary?.items as Array<{ text: string }>).map((i) => i.text)).toEqual([
        'Someone changed this request: look again.',
      ]);
    });

    it('should still show a comment error in read-only mode, above', () => {
      const card = buildApprovalCard(
        approvalView({ mode: 'readOnly', errors: [{ field: 'comment', message: 'Say why.' }] }),
      );
      expectWellFormed(card);
      const summary = nodesOfType(card, 'Container').find((c) => c.style === 'attention');
      expect(JSON.stringify(summary)).toContain('Say why.');
    });

    it('should keep a comment no longer than the box allows, never splitting a character', () => {
      const long = `${'x'.repeat(LIMITS.reason - 1)}🎉 more`;
      const value = String(
        inputById(buildApprovalCard(approvalView({ commentValue: long })), 'comment').value,
      );
      expect(value).toBe('x'.repeat(LIMITS.reason - 1));
    });
  });

  describe('text from people', () => {
    const NAME = '**Dana** ${x} {{TIME(2026-11-27T10:00:00Z)}} <b>';

    it('should show hostile text as typed, in TextRuns', () => {
      expect(NAME.length).toBeLessThan(60);
      const card = buildApprovalCard(
        approvalView({
          changeRequest: {
            ...approvalView().changeRequest,
            title: HOSTILE,
            description: HOSTILE,
            scopeChange: HOSTILE,
            benefitImpact: HOSTILE,
            justification: HOSTILE,
            requestedBy: HOSTILE,
          },
          project: { id: 'proj-1', code: 'CRM-7', title: HOSTILE },
          approvers: [{ name: NAME, status: 'rejected', comment: HOSTILE, atLabel: 'Mon' }],
          notice: { tone: 'accent', text: HOSTILE },
        }),
      );
      expect(cardProblems(card)).toEqual([]);
      const text = runs(card);
      expect(text.filter((t) => t === HOSTILE)).toHaveLength(8);
      expect(text).toContain(` · ${HOSTILE}`);
      expect(text).toContain(NAME);
      for (const t of visibleTexts(card)) expect(t).not.toMatch(/\{\{(DATE|TIME)\(/);
      expect(JSON.stringify(card)).not.toContain('<undefined');
    });

    it('should give the typed comment back exactly, templating syntax included', () => {
      const typed = `\${changeRequestId} ${HOSTILE}`;
      const card = buildApprovalCard(
        approvalView({ commentValue: typed, errors: [{ field: 'comment', message: 'x' }] }),
      );
      expect(inputById(card, 'comment').value).toBe(typed);
      expect(buttons(card)[0].data).toEqual({ changeRequestId: 'cr-1', version: 3 });
    });

    it('should show a hostile error message as typed', () => {
      const card = buildApprovalCard(approvalView({ errors: [{ field: 'comment', message: HOSTILE }] }));
      expect(errorsUnderComment(card).map(asRead)).toEqual([HOSTILE]);
    });
  });
});
