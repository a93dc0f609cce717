/**
 * Helpers for the card tests: parse a card as the Adaptive Cards renderer does, walk its elements, and
 * views filled to every documented maximum.
 */
import type { IsoWeek } from '../../../api/domain/iso-week';
import { LIMITS } from '../../../api/domain/limits';
import type {
  AdaptiveCardJson,
  ApprovalCardView,
  ChangeRequestFormView,
  EscalationView,
  MyProjectsView,
  PendingApprovalsView,
  ProjectPickerView,
  RedAlertView,
  StatusFormView,
  StatusSubmittedView,
} from '../../../bot/cards/card-views';

// The package's ESM entry does not load in Node (extensionless imports); its UMD bundle does.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, ctx: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Everything the renderer reports about a card: parse events, then validation failures. */
export function cardProblems(card: unknown): string[] {
  const ctx = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events = Array.from({ length: ctx.eventCount }, (_, i) => `parse: ${ctx.getEventAt(i).message}`);
  const failures = parsed.validateProperties().validationEvents.map((e) => `validate: ${e.message}`);
  return [...events, ...failures];
}

/** The size Teams counts against, as the bot sends it (UTF-8 JSON). */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card));
}

export const SIZE_BUDGET = 28 * 1024;

export type Node = Record<string, unknown>;

/** Every object in the card, depth first, in document order. */
export function allNodes(card: unknown): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      found.push(value as Node);
      Object.values(value).forEach(visit);
    }
  };
  visit(card);
  return found;
}

export function nodesOfType(card: unknown, type: string): Node[] {
  return allNodes(card).filter((n) => n.type === type);
}

/** Every action of any kind (card-level, in ActionSets, select actions). */
export function allActions(card: unknown): Node[] {
  return allNodes(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.'));
}

export function inputById(card: unknown, id: string): Node {
  const inputs = allNodes(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
  const input = inputs.find((n) => n.id === id);
  if (!input) throw new Error(`No input '${id}' in the card`);
  return input;
}

/** The elements after `node` in the array that holds it (its later siblings). */
export function siblingsAfter(card: unknown, node: Node): Node[] {
  for (const candidate of allNodes(card)) {
    for (const value of Object.values(candidate)) {
      if (Array.isArray(value) && value.includes(node)) return value.slice(value.indexOf(node) + 1) as Node[];
    }
  }
  throw new Error('node not found in the card');
}

/** All text the card shows (TextBlocks, TextRuns, fact titles and values, labels, action titles). */
export function visibleTexts(card: unknown): string[] {
  const texts: string[] = [];
  for (const n of allNodes(card)) {
    for (const key of ['text', 'title', 'value', 'label'] as const) {
      if (typeof n[key] === 'string') texts.push(n[key]);
    }
  }
  return texts;
}

/** Text the way a person reads it: the invisible word joiners the builders insert removed. */
export function asRead(text: string): string {
  return text.replaceAll('\u2060', '');
}

export function expectWellFormed(card: AdaptiveCardJson): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  expect(cardProblems(card)).toEqual([]);
  // Every binding found its data: a `${` left over would be a template bug (fixtures hold none).
  expect(JSON.stringify(card)).not.toContain('${');
}

// ---------------------------------------------------------------------------------------------------
// Views

export const WEEK = '2026-W48' as IsoWeek;
export const WEEK_LABEL = 'Week 48 · 23–29 Nov 2026';

/** Prose of exactly `length` characters, with the quotes and line breaks real answers have. */
export function prose(length: number, seed = 'Status'): string {
  const sentence = `${seed}: the "vendor" sign-off slipped a week; we re-planned testing & kept go-live.\n`;
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

/** Text a person might type that a template engine or markdown renderer would happily rewrite. */
export const HOSTILE =
  '${budget} ${$root.x} {{DATE(2026-11-27T10:00:00Z, SHORT)}} **bold** _it_ [a](https://x.io) <b>t</b> "q" \\ `t` 🎉👩‍💻';

export const EMPTY_VALUES: StatusFormView['values'] = {
  overall: '',
  schedule: '',
  budget: '',
  scope: '',
  resources: '',
  overallOverrideReason: '',
  percentComplete: '',
  accomplishments: '',
  nextSteps: '',
  risksAndIssues: '',
  decisionsNeeded: '',
  actualCostToDate: '',
  forecastFinish: '',
};

export function formView(overrides: Partial<StatusFormView> = {}): StatusFormView {
  return {
    project: { id: 'proj-1', code: 'CRM-7', title: 'New CRM rollout' },
    week: WEEK,
    weekLabel: WEEK_LABEL,
    requestId: 'req-1',
    values: {
      overall: 'amber',
      schedule: 'amber',
      budget: 'green',
      scope: 'green',
      resources: 'red',
      overallOverrideReason: 'Resources recover next week: two hires start Monday.',
      percentComplete: '45',
      accomplishments: 'Data migration dry run done.',
      nextSteps: 'Train the sales team.',
      risksAndIssues: 'Vendor sign-off may slip.',
      decisionsNeeded: 'Approve the extra licence cost.',
      actualCostToDate: '125000.5',
      forecastFinish: '2027-03-31',
    },
    prefilledFrom: null,
    errors: [],
    banner: null,
    currency: 'EUR',
    dueLabel: 'Due Fri 27 Nov, 10:00',
    expectedVersion: null,
    ...overrides,
  };
}

export function submittedView(overrides: Partial<StatusSubmittedView> = {}): StatusSubmittedView {
  return {
    project: { id: 'proj-1', code: 'CRM-7', title: 'New CRM rollout' },
    week: WEEK,
    weekLabel: WEEK_LABEL,
    submittedBy: 'Dana Whitfield',
    submittedAtLabel: 'Thu 26 Nov, 16:40',
    rag: { overall: 'amber', schedule: 'amber', budget: 'green', scope: 'green', resources: 'red' },
    percentComplete: 45,
    actualCostToDate: 125000.5,
    currency: 'EUR',
    forecastFinish: '2027-03-31',
    overallOverrideReason: null,
    accomplishments: 'Data migration dry run done.',
    version: 1,
    canEdit: true,
    ...overrides,
  };
}

const maxProject = (i = 0) => ({
  id: `proj-${i}`,
  code: `P${String(i).padStart(LIMITS.code - 1, '0')}`,
  title: prose(LIMITS.title, 'Title'),
});

/** Every text at its documented maximum, every error shown. */
export function maxFormView(): StatusFormView {
  return formView({
    project: maxProject(),
    weekLabel: prose(LIMITS.shortText, 'Week'),
    dueLabel: prose(LIMITS.shortText, 'Due'),
    requestId: 'r'.repeat(36),
    prefilledFrom: '2026-W47' as IsoWeek,
    banner: { tone: 'warning', text: prose(LIMITS.reason, 'Banner') },
    expectedVersion: 999,
    values: {
      overall: 'green',
      schedule: 'red',
      budget: 'red',
      scope: 'red',
      resources: 'red',
      overallOverrideReason: prose(LIMITS.reason, 'Reason'),
      percentComplete: '100',
      accomplishments: prose(LIMITS.statusText, 'Done'),
      nextSteps: prose(LIMITS.statusText, 'Next'),
      risksAndIssues: prose(LIMITS.statusText, 'Risks'),
      decisionsNeeded: prose(LIMITS.statusText, 'Decide'),
      actualCostToDate: String(LIMITS.money),
      forecastFinish: '2027-12-31',
    },
    errors: [
      'rag.overall',
      'rag.schedule',
      'rag.budget',
      'rag.scope',
      'rag.resources',
      'overallOverrideReason',
      'percentComplete',
      'actualCostToDate',
      'forecastFinish',
      'accomplishments',
      'nextSteps',
      'risksAndIssues',
      'decisionsNeeded',
      'projectId',
      'week',
    ].map((field) => ({ field, message: prose(LIMITS.shortText, 'Error') })),
  });
}

export function maxSubmittedView(): StatusSubmittedView {
  return submittedView({
    project: maxProject(),
    weekLabel: prose(LIMITS.shortText, 'Week'),
    submittedBy: prose(LIMITS.shortText, 'Name'),
    submittedAtLabel: prose(LIMITS.shortText, 'At'),
    percentComplete: 100,
    actualCostToDate: LIMITS.money,
    overallOverrideReason: prose(LIMITS.reason, 'Reason'),
    accomplishments: prose(LIMITS.statusText, 'Done'),
    version: 999,
  });
}

export function maxMyProjectsView(count = 200): MyProjectsView {
  const states = ['due', 'overdue', 'submitted', 'excused', 'notDue'] as const;
  return {
    week: WEEK,
    weekLabel: prose(LIMITS.shortText, 'Week'),
    projects: Array.from({ length: count }, (_, i) => ({
      projectId: maxProject(i).id,
      code: maxProject(i).code,
      title: maxProject(i).title,
      lastRag: (['red', 'amber', 'green', 'notReported'] as const)[i % 4],
      lastWeek: i % 4 === 3 ? null : ('2026-W47' as IsoWeek),
      thisWeek: states[i % states.length],
    })),
  };
}

export function maxPickerView(count = 200): ProjectPickerView {
  return {
    week: WEEK,
    weekLabel: prose(LIMITS.shortText, 'Week'),
    projects: Array.from({ length: count }, (_, i) => ({
      projectId: maxProject(i).id,
      code: maxProject(i).code,
      title: maxProject(i).title,
      submitted: i % 2 === 0,
    })),
  };
}

export function maxEscalationView(late = 200, undeliverable = 200): EscalationView {
  return {
    week: WEEK,
    weekLabel: prose(LIMITS.shortText, 'Week'),
    late: Array.from({ length: late }, (_, i) => ({
      code: maxProject(i).code,
      title: maxProject(i).title,
      projectManager: prose(LIMITS.shortText, 'Name'),
      dueLabel: prose(LIMITS.shortText, 'Due'),
    })),
    undeliverable: Array.from({ length: undeliverable }, (_, i) => ({
      code: maxProject(i).code,
      title: maxProject(i).title,
      projectManager: prose(LIMITS.shortText, 'Name'),
      reason: prose(LIMITS.reason, 'Reason'),
    })),
  };
}

export function maxRedAlertView(): RedAlertView {
  return {
    project: maxProject(),
    week: WEEK,
    weekLabel: prose(LIMITS.shortText, 'Week'),
    from: 'green',
    to: 'red',
    projectManager: prose(LIMITS.shortText, 'Name'),
    risksAndIssues: prose(LIMITS.statusText, 'Risks'),
    decisionsNeeded: prose(LIMITS.statusText, 'Decide'),
    overallOverrideReason: prose(LIMITS.reason, 'Reason'),
  };
}

// ---------------------------------------------------------------------------------------------------
// Change requests

/** An Entra object id, as `refresh.userIds` holds them. */
export const userId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

export function approvalView(overrides: Partial<ApprovalCardView> = {}): ApprovalCardView {
  return {
    changeRequest: {
      id: 'cr-1',
      title: 'Add the EU warehouse',
      description: 'Open a warehouse in Rotterdam for EU orders.',
      costDelta: 50_000,
      scheduleDeltaDays: 14,
      scopeChange: 'EU fulfilment is now in scope.',
      benefitImpact: 'Next-day delivery for EU customers.',
      justification: 'EU customers need next-day delivery.',
      policy: 'sequential',
      state: 'submitted',
      requestedBy: 'Dana Whitfield',
      requestedAtLabel: 'Thu 26 Nov, 16:40',
      version: 3,
    },
    project: { id: 'proj-1', code: 'CRM-7', title: 'New CRM rollout' },
    currency: 'EUR',
    approvers: [
      { name: 'Sam Okafor', status: 'approved', comment: 'Fine by me.', atLabel: 'Fri 27 Nov, 09:12' },
      { name: 'Priya Natarajan', status: 'awaited', comment: null, atLabel: null },
      { name: 'Lee Chen', status: 'waiting', comment: null, atLabel: null },
    ],
    mode: 'decide',
    notice: null,
    refreshUserIds: [userId(1), userId(2), userId(3), userId(4)],
    ...overrides,
  };
}

/** Every text at its documented maximum, ten approvers who all said their most, 75 viewers. */
export function maxApprovalView(overrides: Partial<ApprovalCardView> = {}): ApprovalCardView {
  const statuses = ['approved', 'rejected', 'awaited', 'waiting'] as const;
  return approvalView({
    changeRequest: {
      id: 'c'.repeat(36),
      title: prose(LIMITS.title, 'Title'),
      description: prose(LIMITS.description, 'Description'),
      costDelta: -LIMITS.money,
      scheduleDeltaDays: -3650,
      scopeChange: prose(LIMITS.description, 'Scope'),
      benefitImpact: prose(LIMITS.description, 'Benefit'),
      justification: prose(LIMITS.description, 'Why'),
      policy: 'sequential',
      state: 'submitted',
      requestedBy: prose(LIMITS.shortText, 'Name'),
      requestedAtLabel: prose(LIMITS.shortText, 'At'),
      version: 999_999,
    },
    project: maxProject(),
    approvers: Array.from({ length: LIMITS.sponsors }, (_, i) => ({
      name: prose(LIMITS.shortText, `Name${i}`),
      status: statuses[i % statuses.length],
      comment: prose(LIMITS.reason, `Comment${i}`),
      atLabel: prose(LIMITS.shortText, `At${i}`),
    })),
    mode: 'decide',
    notice: { tone: 'attention', text: prose(LIMITS.reason, 'Notice') },
    refreshUserIds: Array.from({ length: 75 }, (_, i) => userId(i)),
    errors: [
      { field: 'comment', message: prose(LIMITS.shortText, 'Error') },
      { field: 'comment', message: prose(LIMITS.shortText, 'Error') },
      { field: 'version', message: prose(LIMITS.shortText, 'Error') },
    ],
    commentValue: prose(LIMITS.reason, 'Typed'),
    ...overrides,
  });
}

export function changeRequestFormView(overrides: Partial<ChangeRequestFormView> = {}): ChangeRequestFormView {
  return {
    projects: [
      { id: 'proj-1', code: 'CRM-7', title: 'New CRM rollout' },
      { id: 'proj-2', code: 'HR-2', title: 'Payroll replacement' },
    ],
    values: {},
    errors: [],
    currency: 'EUR',
    submissionId: '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
    ...overrides,
  };
}

export function maxChangeRequestFormView(count = 200): ChangeRequestFormView {
  return {
    projects: Array.from({ length: count }, (_, i) => ({
      id: `0a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}`,
      code: maxProject(i).code,
      title: maxProject(i).title,
    })),
    values: {
      projectId: `0a1b2c3d-0000-4000-8000-${String(count - 1).padStart(12, '0')}`,
      title: prose(LIMITS.title, 'Title'),
      description: prose(LIMITS.description, 'Description'),
      costDelta: String(-LIMITS.money),
      scheduleDeltaDays: '-3650',
      scopeChange: prose(LIMITS.description, 'Scope'),
      benefitImpact: prose(LIMITS.description, 'Benefit'),
      justification: prose(LIMITS.description, 'Why'),
      policy: 'all',
    },
    errors: [
      'projectId',
      'title',
      'description',
      'costDelta',
      'scheduleDeltaDays',
      'scopeChange',
      'benefitImpact',
      'justification',
      'policy',
      'approvers',
    ].map((field) => ({ field, message: prose(LIMITS.shortText, 'Error') })),
    currency: 'EUR',
    submissionId: '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3e',
  };
}

export function maxPendingView(count = 200): PendingApprovalsView {
  return {
    items: Array.from({ length: count }, (_, i) => ({
      changeRequestId: `0a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}`,
      projectCode: maxProject(i).code,
      title: prose(LIMITS.title, 'Title'),
      costDeltaLabel: prose(LIMITS.shortText, 'Cost'),
      scheduleDeltaLabel: prose(LIMITS.shortText, 'Days'),
      requestedBy: prose(LIMITS.shortText, 'Name'),
      waitingSinceLabel: prose(LIMITS.shortText, 'Since'),
    })),
  };
}
