import type { Person, PersonRef } from '../../api/domain/people';
import type { PmoRoleAssignments } from '../../api/services/actors';

/** Hand-made people for API tests: one of each role, with fixed Entra ids. */
const person = (n: number, name: string, email: string): Person => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  email,
  timeZone: 'Europe/London',
});

export const PEOPLE = {
  head: person(1, 'Hana Head', 'hana.head@contoso.test'),
  specialist: person(2, 'Sam Specialist', 'sam.specialist@contoso.test'),
  officer: person(3, 'Olu Officer', 'olu.officer@contoso.test'),
  pm: person(10, 'Pat Manager', 'pat.manager@contoso.test'),
  otherPm: person(11, 'Quinn Other', 'quinn.other@contoso.test'),
  delegate: person(12, 'Dee Legate', 'dee.legate@contoso.test'),
  sponsor: person(20, 'Sasha Sponsor', 'sasha.sponsor@contoso.test'),
  otherSponsor: person(21, 'Tom Backer', 'tom.backer@contoso.test'),
  outsider: person(30, 'Oscar Outsider', 'oscar.outsider@contoso.test'),
} as const;

export const ROLES: PmoRoleAssignments = {
  pmoHead: [PEOPLE.head.id],
  projectSpecialist: [PEOPLE.specialist.id],
  projectOfficer: [PEOPLE.officer.id],
};

export function ref(p: Person): PersonRef {
  return { id: p.id, name: p.name, email: p.email };
}

/** A valid create-project body; override what a test varies. */
export function projectBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'ERP-001',
    title: 'ERP replacement',
    description: 'Replace the ledger.',
    program: 'Finance Transformation',
    department: 'Finance',
    projectManager: ref(PEOPLE.pm),
    sponsors: [ref(PEOPLE.sponsor)],
    delegates: [ref(PEOPLE.delegate)],
    phase: 'execution',
    methodology: 'hybrid',
    startDate: '2026-01-05',
    baselineFinish: '2027-03-31',
    budget: {
      baseline: 1_000_000,
      approved: 1_100_000,
      actualCost: 250_000,
      forecastAtCompletion: 1_150_000,
    },
    percentComplete: 30,
    cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    ...overrides,
  };
}

/** A valid status answer; override what a test varies. */
export function statusBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    rag: { overall: 'amber', schedule: 'amber', budget: 'green', scope: 'green', resources: 'green' },
    percentComplete: 35,
    accomplishments: 'Finished data migration rehearsal.',
    nextSteps: 'Cut-over plan sign-off.',
    risksAndIssues: 'Vendor resource constraints.',
    decisionsNeeded: '',
    actualCostToDate: 300_000,
    forecastFinish: '2027-04-15',
    ...overrides,
  };
}
