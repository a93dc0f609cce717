import { APPROVAL_POLICIES } from '../../../api/domain/change-request';
import { LIMITS } from '../../../api/domain/limits';
import {
  APPROVAL_POLICY_CHOICES,
  buildChangeRequestForm,
  buildPendingApprovals,
  CARD_ROW_LIMITS,
  CHANGE_REQUEST_FORM_INPUT_IDS,
  changeRequestInputForField,
  SCHEDULE_DELTA_LIMIT_DAYS,
} from '../../../bot/cards/build-cards';
import type {
  AdaptiveCardJson,
  ChangeRequestFormValues,
  PendingApprovalsView,
} from '../../../bot/cards/card-views';
import type { ApprovalOpenData, CardVerbData } from '../../../bot/cards/card-verbs';
import { CARD_VERBS, isCardVerb } from '../../../bot/cards/card-verbs';
import {
  allActions,
  asRead,
  cardBytes,
  cardProblems,
  changeRequestFormView,
  expectWellFormed,
  HOSTILE,
  inputById,
  maxChangeRequestFormView,
  maxPendingView,
  nodesOfType,
  SIZE_BUDGET,
  siblingsAfter,
  visibleTexts,
} from './card-test-kit';

const FULL_VALUES: ChangeRequestFormValues = {
  projectId: 'proj-2',
  title: 'Extra QA cycle',
  description: 'A second round of testing.',
  costDelta: '20000',
  scheduleDeltaDays: '7',
  scopeChange: 'Regression suite for payroll.',
  benefitImpact: 'Fewer defects at go-live.',
  justification: 'Defects found late.',
  policy: 'any',
};

const TEXT_INPUTS = ['title', 'description', 'scopeChange', 'benefitImpact', 'justification'] as const;

describe('the change request verbs', () => {
  it('should all be card verbs', () => {
    for (const verb of [
      'approvalApprove',
      'approvalReject',
      'approvalRefresh',
      'approvalOpen',
      'changeRequestSubmit',
    ]) {
      expect(CARD_VERBS).toContain(verb);
      expect(isCardVerb(verb)).toBe(true);
    }
    expect(new Set(CARD_VERBS).size).toBe(CARD_VERBS.length);
  });

  it('should type what each verb carries', () => {
    const data: { [V in 'approvalReject' | 'changeRequestSubmit' | 'statusOpen']: CardVerbData[V] } = {
      approvalReject: { changeRequestId: 'cr-1', version: 2, comment: 'Budget frozen.' },
      changeRequestSubmit: { projectId: 'proj-1', title: 'Extra QA cycle' },
      statusOpen: { projectId: 'proj-1', week: '2026-W48' as CardVerbData['statusOpen']['week'] },
    };
    expect(Object.keys(data)).toHaveLength(3);
  });
});

describe('buildChangeRequestForm', () => {
  const card = (over: Parameters<typeof changeRequestFormView>[0] = {}) =>
    buildChangeRequestForm(changeRequestFormView(over));

  it('should build a valid Adaptive Card 1.5 at full width', () => {
    const built = card();
    expectWellFormed(built);
    expect(built.msteams).toEqual({ width: 'Full' });
    expectWellFormed(card({ values: FULL_VALUES }));
    expectWellFormed(card({ projects: [] }));
  });

  it('should stay under the size budget with 200 projects, every text at its maximum and every field in error', () => {
    const built = buildChangeRequestForm(maxChangeRequestFormView(200));
    expectWellFormed(built);
    expect(cardBytes(built)).toBeLessThan(SIZE_BUDGET);
  });

  it('should have exactly the documented inputs, named as the values are', () => {
    const built = card();
    const ids = nodesOfType(built, 'Input.ChoiceSet')
      .concat(nodesOfType(built, 'Input.Text'), nodesOfType(built, 'Input.Number'))
      .map((n) => n.id);
    expect([...ids].sort()).toEqual([...CHANGE_REQUEST_FORM_INPUT_IDS].sort());
    expect([...CHANGE_REQUEST_FORM_INPUT_IDS].sort()).toEqual(Object.keys(FULL_VALUES).sort());
  });

  it('should offer the caller’s projects as a required compact choice, code and title', () => {
    const input = inputById(card(), 'projectId');
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true });
    expect(input.choices).toEqual([
      { title: 'CRM-7 · New CRM rollout', value: 'proj-1' },
      { title: 'HR-2 · Payroll replacement', value: 'proj-2' },
    ]);
    expect(input).not.toHaveProperty('value');
  });

  it('should say so, with nothing to fill in or send, when the caller has no project', () => {
    const built = card({ projects: [], errors: [{ field: 'projectId', message: 'Choose the project.' }] });
    expectWellFormed(built);
    expect(nodesOfType(built, 'Input.Text')).toEqual([]);
    expect(nodesOfType(built, 'Input.ChoiceSet')).toEqual([]);
    expect(allActions(built)).toEqual([]);
    expect(visibleTexts(built).join('\n')).toMatch(/no active project/);
    expect(visibleTexts(built)).toContain('Choose the project.');
  });

  it('should choose the only project for the requester', () => {
    const input = inputById(card({ projects: [{ id: 'proj-1', code: 'CRM-7', title: 'CRM' }] }), 'projectId');
    expect(input.value).toBe('proj-1');
  });

  it('should leave out a chosen project that is not one of the caller’s', () => {
    expect(inputById(card({ values: { projectId: 'elsewhere' } }), 'projectId')).not.toHaveProperty('value');
  });

  it('should cap the project list, say how many more, and keep the chosen one past the cap', () => {
    const view = maxChangeRequestFormView(200);
    const built = buildChangeRequestForm(view);
    const choices = inputById(built, 'projectId').choices as Array<{ value: string }>;
    expect(choices).toHaveLength(CARD_ROW_LIMITS.changeRequestProjects + 1);
    expect(choices.at(-1)?.value).toBe(view.values.projectId);
    expect(inputById(built, 'projectId').value).toBe(view.values.projectId);
    const more = 200 - CARD_ROW_LIMITS.changeRequestProjects - 1;
    expect(visibleTexts(built).join('\n')).toContain(`and ${more} more projects`);
  });

  it('should take the title as required one-line text up to the title limit', () => {
    const input = inputById(card(), 'title');
    expect(input).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: LIMITS.title });
    expect(input.isMultiline).toBeUndefined();
  });

  it.each(['description', 'scopeChange', 'benefitImpact', 'justification'] as const)(
    'should take %s as multi-line text up to the description limit',
    (id) => {
      const input = inputById(card(), id);
      expect(input).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: LIMITS.description });
    },
  );

  it('should require the justification but not the description, scope or benefits', () => {
    const built = card();
    expect(inputById(built, 'justification').isRequired).toBe(true);
    for (const id of ['description', 'scopeChange', 'benefitImpact']) {
      expect(inputById(built, id).isRequired).toBeUndefined();
    }
  });

  it('should take the cost change as a number either way, labelled with the currency', () => {
    const input = inputById(card({ currency: 'CHF' }), 'costDelta');
    expect(input).toMatchObject({ type: 'Input.Number', min: -LIMITS.money, max: LIMITS.money });
    expect(input.label).toContain('CHF');
  });

  it('should take the schedule change in whole days, either way', () => {
    const input = inputById(card(), 'scheduleDeltaDays');
    expect(input).toMatchObject({
      type: 'Input.Number',
      min: -SCHEDULE_DELTA_LIMIT_DAYS,
      max: SCHEDULE_DELTA_LIMIT_DAYS,
    });
    expect(input.label).toMatch(/whole days/);
  });

  it('should offer the three policies in plain words, sequential unless chosen', () => {
    const input = inputById(card(), 'policy');
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true });
    expect(input.choices).toEqual(APPROVAL_POLICY_CHOICES);
    expect((input.choices as Array<{ value: string }>).map((c) => c.value)).toEqual([...APPROVAL_POLICIES]);
    for (const choice of input.choices as Array<{ title: string }>)
      expect(choice.title).not.toMatch(/^(all|any)$/);
    expect(input.value).toBe('sequential');
    expect(inputById(card({ values: { policy: 'any' } }), 'policy').value).toBe('any');
    expect(inputById(card({ values: { policy: 'veto' } }), 'policy').value).toBe('sequential');
  });

  it('should give every input a label, and every required one an error message', () => {
    const built = card();
    for (const id of CHANGE_REQUEST_FORM_INPUT_IDS) {
      const input = inputById(built, id);
      expect(typeof input.label).toBe('string');
      expect(input.label).not.toBe('');
      if (input.isRequired) expect(input.errorMessage).toEqual(expect.any(String));
    }
  });

  it('should prefill every input from the values, numbers as numbers', () => {
    const built = card({ values: FULL_VALUES });
    for (const id of [...TEXT_INPUTS, 'projectId', 'policy'] as const) {
      expect(inputById(built, id).value).toBe(FULL_VALUES[id]);
    }
    expect(inputById(built, 'costDelta').value).toBe(20000);
    expect(inputById(built, 'scheduleDeltaDays').value).toBe(7);
  });

  it('should show a number again as a number, and leave out what a number box cannot show', () => {
    const built = card({ values: { costDelta: ' -1,234.5 ', scheduleDeltaDays: 'a fortnight' } });
    expect(inputById(built, 'costDelta').value).toBe(-1234.5);
    expect(inputById(built, 'scheduleDeltaDays')).not.toHaveProperty('value');
  });

  it('should leave inputs empty (no value at all) when there is nothing to prefill', () => {
    const built = card({ values: {} });
    expectWellFormed(built);
    for (const id of CHANGE_REQUEST_FORM_INPUT_IDS.filter((i) => i !== 'policy')) {
      expect(inputById(built, id)).not.toHaveProperty('value');
    }
  });

  it('should send with one Action.Execute, verb changeRequestSubmit, carrying the inputs and its submission id', () => {
    expect(allActions(card({ values: FULL_VALUES }))).toEqual([
      {
        type: 'Action.Execute',
        title: 'Send for approval',
        verb: 'changeRequestSubmit',
        style: 'positive',
        data: { submissionId: '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' },
      },
    ]);
  });

  describe('errors', () => {
    const errorsAfter = (built: AdaptiveCardJson, id: string) => {
      const messages: string[] = [];
      for (const node of siblingsAfter(built, inputById(built, id))) {
        if (node.type !== 'TextBlock' || node.color !== 'attention') break;
        expect(node.wrap).toBe(true);
        messages.push(String(node.text));
      }
      return messages;
    };

    it('should map domain fields to inputs', () => {
      expect(changeRequestInputForField('costDelta')).toBe('costDelta');
      expect(changeRequestInputForField('approvers')).toBeNull();
    });

    it('should place an error under every input and keep every value', () => {
      const errors = CHANGE_REQUEST_FORM_INPUT_IDS.map((id) => ({ field: id, message: `Look at ${id}.` }));
      const built = card({ values: FULL_VALUES, errors });
      expectWellFormed(built);
      for (const id of CHANGE_REQUEST_FORM_INPUT_IDS)
        expect(errorsAfter(built, id)).toEqual([`Look at ${id}.`]);
      expect(inputById(built, 'title').value).toBe('Extra QA cycle');
      expect(inputById(built, 'costDelta').value).toBe(20000);
    });

    it('should sum the answers that need a look at the top, with errors that belong to no input', () => {
      const built = card({
        values: FULL_VALUES,
        errors: [
          { field: 'costDelta', message: 'Cost change must be a number.' },
          { field: 'justification', message: 'Say why the change is needed.' },
          { field: 'approvers', message: 'CRM-7 has no sponsors: name the approvers.' },
        ],
      });
      expect(errorsAfter(built, 'costDelta')).toEqual(['Cost change must be a number.']);
      expect(errorsAfter(built, 'justification')).toEqual(['Say why the change is needed.']);
      expect(errorsAfter(built, 'title')).toEqual([]);
      const summary = nodesOfType(built, 'Container').find((c) => c.style === 'attention');
      expect((summary?.items as Array<{ text: string }>).map((i) => i.text)).toEqual([
        '2 answers need a look.',
        'CRM-7 has no sponsors: name the approvers.',
      ]);
      const body = built.body.map((e) => JSON.stringify(e));
      expect(body.findIndex((e) => e.includes('answers need a look'))).toBeLessThan(
        body.findIndex((e) => e.includes('Input.')),
      );
    });

    it('should show no summary without errors', () => {
      const built = card({ values: FULL_VALUES });
      expect(nodesOfType(built, 'Container').filter((c) => c.style === 'attention')).toEqual([]);
      expect(nodesOfType(built, 'TextBlock').filter((t) => t.color === 'attention')).toEqual([]);
    });
  });

  describe('text from people', () => {
    it('should keep typed text as typed in every input, templating syntax included', () => {
      const values = {
        ...FULL_VALUES,
        title: HOSTILE,
        description: '${$root.values.title}',
        scopeChange: `\${errors} ${HOSTILE}`,
        benefitImpact: HOSTILE,
        justification: '{{DATE(2026-11-27T10:00:00Z, SHORT)}}',
      };
      const built = card({ values });
      expect(cardProblems(built)).toEqual([]);
      for (const id of TEXT_INPUTS) expect(inputById(built, id).value).toBe(values[id]);
    });

    it('should show a hostile project title and error as typed', () => {
      const title = '**CRM** ${x} {{DATE(2026-11-27T10:00:00Z)}}';
      const built = card({
        projects: [{ id: 'proj-1', code: 'CRM-7', title }],
        errors: [{ field: 'title', message: HOSTILE }],
      });
      expect(cardProblems(built)).toEqual([]);
      const choices = inputById(built, 'projectId').choices as Array<{ title: string }>;
      expect(asRead(choices[0].title)).toBe(`CRM-7 · ${title}`);
      expect(nodesOfType(built, 'TextBlock').map((t) => asRead(String(t.text)))).toContain(HOSTILE);
      for (const text of visibleTexts(built)) expect(text).not.toMatch(/\{\{(DATE|TIME)\(/);
    });
  });
});

describe('buildPendingApprovals', () => {
  const item = (
    over: Partial<PendingApprovalsView['items'][number]> = {},
  ): PendingApprovalsView['items'][number] => ({
    changeRequestId: 'cr-1',
    projectCode: 'CRM-7',
    title: 'Add the EU warehouse',
    costDeltaLabel: '+50,000 EUR',
    scheduleDeltaLabel: '+14 days',
    requestedBy: 'Dana Whitfield',
    waitingSinceLabel: 'Thu 26 Nov, 16:40',
    ...over,
  });

  it('should say something friendly when nothing waits', () => {
    const card = buildPendingApprovals({ items: [] });
    expectWellFormed(card);
    expect(visibleTexts(card).join('\n')).toMatch(/Nothing is waiting for your decision/);
    expect(allActions(card)).toEqual([]);
  });

  it('should show each request with its project, impact, requester and wait, and an Open button', () => {
    const card = buildPendingApprovals({
      items: [item(), item({ changeRequestId: 'cr-2', title: 'Extra QA' })],
    });
    expectWellFormed(card);
    const runs = nodesOfType(card, 'TextRun').map((r) => r.text);
    expect(runs).toEqual(
      expect.arrayContaining([
        'CRM-7',
        ' · Add the EU warehouse',
        'Cost +50,000 EUR · schedule +14 days',
        'Requested by Dana Whitfield · waiting since Thu 26 Nov, 16:40',
        ' · Extra QA',
      ]),
    );
    const open = (changeRequestId: string) => ({
      type: 'Action.Execute',
      title: 'Open',
      verb: 'approvalOpen',
      data: { changeRequestId } satisfies ApprovalOpenData,
    });
    expect(allActions(card)).toEqual([open('cr-1'), open('cr-2')]);
  });

  it('should cap the rows like my projects does, and say how many more', () => {
    const card = buildPendingApprovals(maxPendingView(200));
    expectWellFormed(card);
    expect(nodesOfType(card, 'ColumnSet')).toHaveLength(CARD_ROW_LIMITS.pendingApprovals);
    expect(allActions(card)).toHaveLength(CARD_ROW_LIMITS.pendingApprovals);
    expect(visibleTexts(card).join('\n')).toContain(
      `and ${200 - CARD_ROW_LIMITS.pendingApprovals} more change requests`,
    );
    expect(cardBytes(card)).toBeLessThan(SIZE_BUDGET);
    for (const action of allActions(card)) expect(CARD_VERBS).toContain(action.verb);
  });

  it('should show hostile text as typed', () => {
    const title = '**EU** ${x} {{DATE(2026-11-27T10:00:00Z)}}';
    const card = buildPendingApprovals({ items: [item({ title, requestedBy: '_Dana_ ${name}' })] });
    expect(cardProblems(card)).toEqual([]);
    const runs = nodesOfType(card, 'TextRun').map((r) => asRead(String(r.text)));
    expect(runs).toContain(` · ${title}`);
    expect(runs).toContain('Requested by _Dana_ ${name} · waiting since Thu 26 Nov, 16:40');
    for (const text of visibleTexts(card)) expect(text).not.toMatch(/\{\{(DATE|TIME)\(/);
  });
});
