/**
 * Data builders and comparison helpers for the store contract. Everything here is plain domain data:
 * nothing knows which adapter runs.
 */
import type { ChangeRequest, ChangeRequestState, Decision } from '../../api/domain/change-request';
import type { IsoWeek } from '../../api/domain/iso-week';
import type { Person, PersonRef } from '../../api/domain/people';
import type { PortfolioRollups, RollupTotals } from '../../api/domain/portfolio';
import type { NewProject } from '../../api/domain/project';
import type { Rag, RagAssessment } from '../../api/domain/rag';
import { suggestedOverall } from '../../api/domain/rag';
import type { DecisionLogEntry, Issue, Risk } from '../../api/domain/raid';
import type { StatusReport } from '../../api/domain/status-report';
import type { SaveStatusReport } from '../../api/store/store';
import { seededRandom } from '../../api/seed/random';

export type ProjectInput = NewProject & { id: string; createdAt: string };

/** A GUID-shaped id (Entra object ids are GUIDs), unique per `n`. */
export function guid(prefix: string, n: number): string {
  const hex = Buffer.from(prefix).toString('hex').padEnd(8, '0').slice(0, 8);
  return `${hex}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function person(n: number, name: string, extra: Partial<Person> = {}): Person {
  return {
    id: guid('person', n),
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.example`,
    ...extra,
  };
}

export function toRef(p: Person): PersonRef {
  return { id: p.id, name: p.name, email: p.email };
}

export const PM = toRef(person(1, 'Pat Manager'));
export const SPONSOR = toRef(person(2, 'Sam Sponsor'));
export const DELEGATE = toRef(person(3, 'Dee Delegate'));

let sequence = 0;
/** Unique ids across the whole run, so stores that are shared between tests never see a clash. */
export function nextId(kind: string): string {
  sequence += 1;
  return guid(kind, sequence);
}

export function projectInput(overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    id: nextId('project'),
    code: 'CON-001',
    title: 'Contract test project',
    description: 'Made by the store contract suite.',
    program: 'Apollo',
    department: 'IT',
    projectManager: PM,
    delegates: [DELEGATE],
    sponsors: [SPONSOR],
    phase: 'execution',
    state: 'active',
    methodology: 'agile',
    startDate: '2026-01-05',
    baselineFinish: '2026-09-30',
    forecastFinish: '2026-10-15',
    budget: {
      baseline: 250_000.5,
      approved: 260_000.25,
      actualCost: 100_000.75,
      forecastAtCompletion: 270_000,
    },
    percentComplete: 35,
    cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    createdAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}

const ALL_GREEN: RagAssessment = {
  overall: 'green',
  schedule: 'green',
  budget: 'green',
  scope: 'green',
  resources: 'green',
};

/** A complete save request for (project, week), with the project update the service would compute. */
export function statusSave(
  projectId: string,
  week: string,
  overrides: Partial<StatusReport> = {},
  options: { expectedVersion?: number; withProjectUpdate?: boolean } = {},
): SaveStatusReport {
  const report: Omit<StatusReport, 'version'> = {
    id: nextId('report'),
    projectId,
    week: week as IsoWeek,
    rag: ALL_GREEN,
    overallOverrideReason: null,
    percentComplete: 40,
    accomplishments: 'Done this week.',
    nextSteps: 'Next week.',
    risksAndIssues: '',
    decisionsNeeded: '',
    actualCostToDate: 120_000,
    forecastFinish: '2026-10-20',
    suggestedOverall: 'green',
    submittedBy: PM,
    submittedAt: '2026-03-11T10:00:00.000Z',
    source: 'bot',
    ...overrides,
  };
  report.suggestedOverall = suggestedOverall(report.rag);
  return {
    report,
    expectedVersion: options.expectedVersion,
    projectUpdate:
      options.withProjectUpdate === false
        ? null
        : {
            latestStatus: { week: report.week, reportedAt: report.submittedAt, ...report.rag },
            percentComplete: report.percentComplete,
            actualCost: report.actualCostToDate,
            forecastFinish: report.forecastFinish,
          },
  };
}

export function rag(overall: Rag, worst: Rag = overall): RagAssessment {
  return { overall, schedule: worst, budget: 'green', scope: 'green', resources: 'green' };
}

const base = (projectId: string, title: string, createdAt: string) => ({
  id: nextId('raid'),
  projectId,
  title,
  description: '',
  owner: PM,
  dueDate: '2026-04-30',
  createdAt,
  updatedAt: createdAt,
  createdBy: PM,
  version: 1,
});

export function risk(
  projectId: string,
  title = 'Supplier may fold',
  createdAt = '2026-03-01T00:00:00.000Z',
): Risk {
  return {
    ...base(projectId, title, createdAt),
    kind: 'risk',
    probability: 4,
    impact: 5,
    mitigation: 'Second source.',
    status: 'open',
  };
}

export function issue(
  projectId: string,
  title = 'Test rig broken',
  createdAt = '2026-03-02T00:00:00.000Z',
): Issue {
  return {
    ...base(projectId, title, createdAt),
    kind: 'issue',
    severity: 'high',
    resolution: '',
    status: 'open',
  };
}

export function decisionLogEntry(
  projectId: string,
  title = 'Use vendor B',
  createdAt = '2026-03-03T00:00:00.000Z',
): DecisionLogEntry {
  return {
    ...base(projectId, title, createdAt),
    kind: 'decision',
    rationale: 'Cheaper.',
    decidedBy: SPONSOR,
    decidedOn: '2026-03-03',
    status: 'decided',
  };
}

export function changeRequest(
  projectId: string,
  state: ChangeRequestState,
  requestedAt: string,
): ChangeRequest {
  return {
    id: nextId('cr'),
    projectId,
    title: `Change (${state})`,
    description: 'Add a reporting module.',
    costDelta: 12_500.5,
    scheduleDeltaDays: 14,
    scopeChange: 'Reporting module',
    benefitImpact: 'Faster month end',
    justification: 'Regulator asked.',
    requestedBy: PM,
    requestedAt,
    approvers: [SPONSOR],
    policy: 'sequential',
    state,
    decidedAt: null,
    history: [],
    version: 1,
  };
}

export function decision(
  changeRequestId: string,
  at: string,
  outcome: Decision['decision'] = 'approved',
): Decision {
  return {
    id: nextId('decision'),
    changeRequestId,
    approver: SPONSOR,
    decision: outcome,
    comment: `At ${at}`,
    at,
    channel: 'bot',
  };
}

// ---- the reference model of the portfolio query ----

/** Code-unit order: what "sorted by text" means in the contract (test data keeps to plain ASCII words). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONEY: ReadonlyArray<keyof RollupTotals> = [
  'baseline',
  'approved',
  'actualCost',
  'forecastAtCompletion',
];

/** Counts exactly, money to the cent; each group by its key, whatever order the store lists groups in. */
export function expectRollupsToEqual(actual: PortfolioRollups, expected: PortfolioRollups): void {
  expectTotals('totals', actual.totals, expected.totals);
  const groups = (
    label: string,
    a: Array<{ key: string; totals: RollupTotals }>,
    e: Array<{ key: string; totals: RollupTotals }>,
  ) => {
    expect({ [label]: a.map((g) => g.key).sort(compareText) }).toEqual({
      [label]: e.map((g) => g.key).sort(compareText),
    });
    for (const g of e) expectTotals(`${label} ${g.key}`, a.find((x) => x.key === g.key)!.totals, g.totals);
  };
  groups('byProgram', actual.byProgram, expected.byProgram);
  groups('byDepartment', actual.byDepartment, expected.byDepartment);
  expect({
    bySponsor: actual.bySponsor.map((g) => g.sponsor).sort((x, y) => compareText(x.id, y.id)),
  }).toEqual({
    bySponsor: expected.bySponsor.map((g) => g.sponsor).sort((x, y) => compareText(x.id, y.id)),
  });
  for (const g of expected.bySponsor) {
    expectTotals(
      `bySponsor ${g.sponsor.name}`,
      actual.bySponsor.find((x) => x.sponsor.id === g.sponsor.id)!.totals,
      g.totals,
    );
  }
}

function expectTotals(label: string, actual: RollupTotals, expected: RollupTotals): void {
  const shape = (t: RollupTotals) => ({
    label,
    projects: t.projects,
    rag: t.rag,
    scheduleVarianceDays: t.scheduleVarianceDays,
    slipping: t.slipping,
    stale: t.stale,
  });
  expect(shape(actual)).toEqual(shape(expected));
  for (const field of MONEY) {
    expect({ label, field, value: actual[field] }).toEqual({
      label,
      field,
      value: expect.closeTo(expected[field] as number, 2),
    });
  }
}

export { addDays } from '../../api/domain/iso-week';

export { seededRandom };
