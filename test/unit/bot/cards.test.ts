import { LIMITS } from '../../../api/domain/limits';
import { BOT_COMMANDS } from '../../../bot/bot-commands';
import {
  buildEscalation,
  buildHelp,
  buildMyProjects,
  buildNotice,
  buildProjectPicker,
  buildRedAlert,
  buildStatusForm,
  buildStatusSubmitted,
  buildWelcome,
  CARD_ROW_LIMITS,
} from '../../../bot/cards/build-cards';
import type { AdaptiveCardJson, MyProjectsView } from '../../../bot/cards/card-views';
import { CARD_VERBS } from '../../../bot/cards/card-verbs';
import {
  allActions,
  asRead,
  cardBytes,
  cardProblems,
  expectWellFormed,
  formView,
  HOSTILE,
  maxEscalationView,
  maxFormView,
  maxMyProjectsView,
  maxPickerView,
  maxRedAlertView,
  maxSubmittedView,
  nodesOfType,
  prose,
  SIZE_BUDGET,
  submittedView,
  visibleTexts,
  WEEK,
  WEEK_LABEL,
} from './card-test-kit';

/** Every card the bot can send, each in a few states, the largest ones included. */
const EVERY_CARD: Array<[string, () => AdaptiveCardJson]> = [
  ['status form', () => buildStatusForm(formView())],
  ['status form, editing', () => buildStatusForm(formView({ expectedVersion: 2, requestId: null }))],
  ['status form at maximum', () => buildStatusForm(maxFormView())],
  ['status submitted', () => buildStatusSubmitted(submittedView())],
  ['status submitted, read only', () => buildStatusSubmitted(submittedView({ canEdit: false }))],
  ['status submitted at maximum', () => buildStatusSubmitted(maxSubmittedView())],
  ['welcome', () => buildWelcome({ userName: 'Dana Whitfield' })],
  ['welcome, no name', () => buildWelcome({ userName: null })],
  ['welcome at maximum', () => buildWelcome({ userName: prose(LIMITS.shortText, 'Name') })],
  ['help', () => buildHelp()],
  ['my projects, none', () => buildMyProjects({ week: WEEK, weekLabel: WEEK_LABEL, projects: [] })],
  ['my projects, 200 at maximum', () => buildMyProjects(maxMyProjectsView(200))],
  ['project picker, 200 at maximum', () => buildProjectPicker(maxPickerView(200))],
  ['escalation, nothing late', () => buildEscalation(maxEscalationView(0, 0))],
  ['escalation, 200 late and 200 unreachable at maximum', () => buildEscalation(maxEscalationView())],
  ['red alert at maximum', () => buildRedAlert(maxRedAlertView())],
  [
    'red alert, first report, nothing said',
    () =>
      buildRedAlert({ ...maxRedAlertView(), from: 'notReported', risksAndIssues: '', decisionsNeeded: '' }),
  ],
  [
    'notice at maximum',
    () =>
      buildNotice({
        title: prose(LIMITS.shortText, 'Title'),
        text: prose(LIMITS.description, 'Text'),
        tone: 'attention',
      }),
  ],
];

describe('every card', () => {
  it('should be checked by a parser that does report problems', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlok', text: 'typo' },
        { type: 'TextBlock', text: 'x', color: 'purple' },
        { type: 'Input.Text', id: 'same' },
        { type: 'Input.Text', id: 'same' },
      ],
    };
    expect(cardProblems(broken)).toEqual([
      expect.stringContaining('Unknown element type "TextBlok"'),
      expect.stringContaining('Invalid value "purple"'),
      expect.stringContaining('Duplicate Id "same"'),
    ]);
  });

  it.each(EVERY_CARD)('%s: parses as Adaptive Card 1.5 with no problems', (_name, build) => {
    expectWellFormed(build());
  });

  it.each(EVERY_CARD)('%s: stays under the size budget', (_name, build) => {
    expect(cardBytes(build())).toBeLessThan(SIZE_BUDGET);
  });

  it.each(EVERY_CARD)(
    '%s: uses only Action.Execute with a known verb and its project and week',
    (_name, build) => {
      for (const action of allActions(build())) {
        expect(action.type).toBe('Action.Execute');
        expect(CARD_VERBS).toContain(action.verb);
        const data = action.data as Record<string, unknown>;
        expect(typeof data.projectId).toBe('string');
        expect(data.week).toMatch(/^\d{4}-W\d{2}$/);
        expect(
          Object.keys(data).every((k) => ['projectId', 'week', 'requestId', 'expectedVersion'].includes(k)),
        ).toBe(true);
      }
    },
  );

  it('should be the same card for the same view (pure builders)', () => {
    for (const [, build] of EVERY_CARD) expect(build()).toEqual(build());
  });
});

describe('buildWelcome and buildHelp', () => {
  it('should greet by name, or without one', () => {
    expect(nodesOfType(buildWelcome({ userName: 'Dana' }), 'TextRun')[0].text).toBe('Hello, Dana!');
    expect(nodesOfType(buildWelcome({ userName: null }), 'TextRun')[0].text).toBe('Hello!');
    expect(nodesOfType(buildWelcome({ userName: '  ' }), 'TextRun')[0].text).toBe('Hello!');
  });

  it.each([
    ['welcome', () => buildWelcome({ userName: null })],
    ['help', () => buildHelp()],
  ])('%s should list every command with its description and say what the bot does', (_name, build) => {
    const card = build();
    const runs = nodesOfType(card, 'TextRun').map((r) => r.text);
    for (const c of BOT_COMMANDS) {
      expect(runs).toContain(c.title);
      expect(runs).toContain(` — ${c.description}`);
    }
    const text = visibleTexts(card).join('\n');
    expect(text).toMatch(/under a minute/);
    expect(text).toMatch(/remind/);
    expect(text).toMatch(/[Aa]way/);
  });

  it('should show a hostile name as typed', () => {
    const runs = nodesOfType(buildWelcome({ userName: '**Dana** ${name}' }), 'TextRun').map((r) => r.text);
    expect(runs).toContain('Hello, **Dana** ${name}!');
  });
});

describe('buildMyProjects', () => {
  const view = (projects: MyProjectsView['projects']): MyProjectsView => ({
    week: WEEK,
    weekLabel: WEEK_LABEL,
    projects,
  });
  const row = (
    over: Partial<MyProjectsView['projects'][number]> = {},
  ): MyProjectsView['projects'][number] => ({
    projectId: 'proj-1',
    code: 'CRM-7',
    title: 'New CRM rollout',
    lastRag: 'amber',
    lastWeek: '2026-W47',
    thisWeek: 'due',
    ...over,
  });

  it('should say something friendly when there are no projects', () => {
    const card = buildMyProjects(view([]));
    expectWellFormed(card);
    expect(visibleTexts(card).join('\n')).toMatch(/no active projects/);
    expect(allActions(card)).toEqual([]);
  });

  it("should show each project's code, title, last RAG in colour and this week's state", () => {
    const card = buildMyProjects(view([row()]));
    const runs = nodesOfType(card, 'TextRun');
    expect(runs.map((r) => r.text)).toEqual(
      expect.arrayContaining(['CRM-7', ' · New CRM rollout', 'Amber', ' · 2026-W47']),
    );
    expect(runs.find((r) => r.text === 'Amber')?.color).toBe('warning');
    expect(nodesOfType(card, 'TextBlock').find((t) => t.text === 'Due')?.color).toBe('warning');
  });

  it.each([
    ['due', 'Due', true],
    ['overdue', 'Overdue', true],
    ['submitted', 'Submitted', false],
    ['excused', 'Excused', false],
    ['notDue', 'Not due yet', false],
  ] as const)('%s: shows "%s" and a Report button: %s', (thisWeek, label, button) => {
    const card = buildMyProjects(view([row({ thisWeek })]));
    expect(visibleTexts(card)).toContain(label);
    expect(allActions(card)).toEqual(
      button
        ? [
            {
              type: 'Action.Execute',
              title: 'Report',
              verb: 'statusOpen',
              data: { projectId: 'proj-1', week: '2026-W48' },
            },
          ]
        : [],
    );
  });

  it('should show a project that never reported without a week', () => {
    const card = buildMyProjects(view([row({ lastRag: 'notReported', lastWeek: null })]));
    expectWellFormed(card);
    const runs = nodesOfType(card, 'TextRun').map((r) => r.text);
    expect(runs).toContain('Not reported');
    expect(runs.some((t) => String(t).startsWith(' · 20'))).toBe(false);
  });

  it('should list a long portfolio up to its limit, then say how many more', () => {
    const card = buildMyProjects(maxMyProjectsView(200));
    expect(nodesOfType(card, 'ColumnSet')).toHaveLength(CARD_ROW_LIMITS.myProjects);
    expect(visibleTexts(card).join('\n')).toContain(`and ${200 - CARD_ROW_LIMITS.myProjects} more projects`);
  });
});

describe('buildProjectPicker', () => {
  it('should offer one statusOpen button per project, for this week', () => {
    const card = buildProjectPicker({
      week: WEEK,
      weekLabel: WEEK_LABEL,
      projects: [
        { projectId: 'a', code: 'A-1', title: 'Alpha', submitted: false },
        { projectId: 'b', code: 'B-2', title: 'Beta', submitted: true },
      ],
    });
    expectWellFormed(card);
    expect(allActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Report', 'statusOpen', { projectId: 'a', week: '2026-W48' }],
      ['Open', 'statusOpen', { projectId: 'b', week: '2026-W48' }],
    ]);
    const text = visibleTexts(card).join('\n');
    expect(text).toContain('Not in yet');
    expect(text).toContain('Submitted');
  });

  it('should cap the buttons and say how many more', () => {
    const card = buildProjectPicker(maxPickerView(200));
    expect(allActions(card)).toHaveLength(CARD_ROW_LIMITS.projectPicker);
    expect(visibleTexts(card).join('\n')).toContain(
      `and ${200 - CARD_ROW_LIMITS.projectPicker} more projects`,
    );
  });
});

describe('buildEscalation', () => {
  it('should list late projects with their PM and due time, and the PMs the bot could not reach', () => {
    const card = buildEscalation({
      week: WEEK,
      weekLabel: WEEK_LABEL,
      late: [
        { code: 'CRM-7', title: 'New CRM', projectManager: 'Dana Whitfield', dueLabel: 'Fri 27 Nov, 10:00' },
      ],
      undeliverable: [
        {
          code: 'HR-2',
          title: 'Payroll',
          projectManager: 'Sam Okafor',
          reason: 'Has not installed PMO Hub.',
        },
      ],
    });
    expectWellFormed(card);
    const rows = nodesOfType(card, 'RichTextBlock').map((b) =>
      (b.inlines as Array<{ text: string }>).map((i) => i.text).join(''),
    );
    expect(rows).toContain('CRM-7 · New CRM — Dana Whitfield · due Fri 27 Nov, 10:00');
    expect(rows).toContain('HR-2 · Payroll — Sam Okafor: Has not installed PMO Hub.');
    const text = visibleTexts(card).join('\n');
    expect(text).toContain('1 project has not reported, and 1 project manager could not be reached.');
    expect(text).toContain('Late (1)');
    expect(text).toContain('Could not reach (1)');
    expect(allActions(card)).toEqual([]);
  });

  it('should truncate 200 late projects with "and N more"', () => {
    const card = buildEscalation(maxEscalationView(200, 200));
    const text = visibleTexts(card).join('\n');
    expect(text).toContain('Late (200)');
    expect(text).toContain(`and ${200 - CARD_ROW_LIMITS.late} more`);
    expect(text).toContain(`and ${200 - CARD_ROW_LIMITS.undeliverable} more`);
    expect(nodesOfType(card, 'RichTextBlock')).toHaveLength(
      1 + CARD_ROW_LIMITS.late + CARD_ROW_LIMITS.undeliverable,
    );
  });

  it('should say when there is nothing to chase', () => {
    const card = buildEscalation(maxEscalationView(0, 0));
    expect(visibleTexts(card).join('\n')).toContain('Every project has reported');
    expect(visibleTexts(card).join('\n')).not.toContain('Late (');
  });
});

describe('buildRedAlert', () => {
  it("should say the project turned red, from what, and quote the PM's words", () => {
    const card = buildRedAlert({
      project: { id: 'proj-1', code: 'CRM-7', title: 'New CRM rollout' },
      week: WEEK,
      weekLabel: WEEK_LABEL,
      from: 'green',
      to: 'red',
      projectManager: 'Dana Whitfield',
      risksAndIssues: 'Vendor went bust.\nData centre move blocked.',
      decisionsNeeded: 'Pick a new vendor by Friday.',
      overallOverrideReason: null,
    });
    expectWellFormed(card);
    const runs = nodesOfType(card, 'TextRun');
    expect(runs.find((r) => r.text === 'Red')?.color).toBe('attention');
    expect(runs.find((r) => r.text === 'Was Green')?.color).toBe('good');
    const text = runs.map((r) => r.text);
    expect(text).toContain('Dana Whitfield');
    expect(text).toContain('Vendor went bust.\nData centre move blocked.');
    expect(text).toContain('Pick a new vendor by Friday.');
    expect(visibleTexts(card).join('\n')).not.toContain('Why overall is better');
  });

  it('should show the override reason when there is one, and "Nothing given." for empty answers', () => {
    const card = buildRedAlert({
      ...maxRedAlertView(),
      overallOverrideReason: 'Because.',
      risksAndIssues: '  ',
    });
    const text = visibleTexts(card);
    expect(text).toContain('Because.');
    expect(text).toContain('Nothing given.');
  });

  it('should quote hostile text as typed', () => {
    const card = buildRedAlert({ ...maxRedAlertView(), risksAndIssues: HOSTILE, decisionsNeeded: HOSTILE });
    const runs = nodesOfType(card, 'TextRun').map((r) => asRead(String(r.text)));
    expect(runs.filter((t) => t === HOSTILE)).toHaveLength(2);
  });
});

describe('buildNotice', () => {
  it.each(['default', 'good', 'warning', 'attention'] as const)('should colour a %s title', (tone) => {
    const card = buildNotice({ title: 'Not yours to report', text: 'Only Dana can report for CRM-7.', tone });
    expectWellFormed(card);
    const [title, text] = nodesOfType(card, 'TextRun');
    expect(title).toMatchObject({ text: 'Not yours to report', color: tone });
    expect(text.text).toBe('Only Dana can report for CRM-7.');
  });
});
