import type { Actor, PersonRef } from '../../../api/domain/people';
import type { Project } from '../../../api/domain/project';
import type { StatusAnswers } from '../../../api/domain/status-report';
import type { Clock, ServiceContext } from '../../../api/services/context';
import { serviceContext } from '../../../api/services/context';
import { PortfolioService } from '../../../api/services/portfolio-service';
import type { CreateProjectInput } from '../../../api/services/projects-service';
import { ProjectsService } from '../../../api/services/projects-service';
import { RaidService } from '../../../api/services/raid-service';
import { StatusService } from '../../../api/services/status-service';
import { SqliteStore } from '../../../api/store/sqlite/sqlite-store';

/** Wednesday 11 March 2026, 10:00 UTC: ISO week 2026-W11 in London and in UTC. */
export const NOW = new Date('2026-03-11T10:00:00.000Z');

export interface TestClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date = NOW): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (instant) => {
      t = new Date(instant).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

const actor = (id: string, name: string, pmoRole: Actor['pmoRole'] = null): Actor => ({
  id,
  name,
  email: `${name.split(' ')[0].toLowerCase()}@contoso.example`,
  pmoRole,
});

export const actors = {
  pmoHead: actor('a0000000-0000-4000-8000-000000000001', 'Helen Head', 'pmoHead'),
  specialist: actor('a0000000-0000-4000-8000-000000000002', 'Sid Specialist', 'projectSpecialist'),
  officer: actor('a0000000-0000-4000-8000-000000000003', 'Olga Officer', 'projectOfficer'),
  pm: actor('a0000000-0000-4000-8000-000000000004', 'Pat Manager'),
  delegate: actor('a0000000-0000-4000-8000-000000000005', 'Dee Delegate'),
  sponsor: actor('a0000000-0000-4000-8000-000000000006', 'Sam Sponsor'),
  outsider: actor('a0000000-0000-4000-8000-000000000007', 'Otto Outsider'),
  otherPm: actor('a0000000-0000-4000-8000-000000000008', 'Quinn Other'),
} as const;

export function ref(a: Actor): PersonRef {
  return { id: a.id, name: a.name, email: a.email };
}

export function projectInput(overrides: Partial<CreateProjectInput> = {}): CreateProjectInput {
  return {
    code: 'FIN-001',
    title: 'Finance ledger migration',
    program: 'Apollo',
    department: 'Finance',
    projectManager: ref(actors.pm),
    sponsors: [ref(actors.sponsor)],
    delegates: [ref(actors.delegate)],
    phase: 'execution',
    methodology: 'hybrid',
    startDate: '2026-01-05',
    baselineFinish: '2026-09-30',
    budget: { baseline: 500_000 },
    cadence: { timeZone: 'Europe/London' },
    ...overrides,
  };
}

export function statusAnswers(overrides: Partial<StatusAnswers> = {}): StatusAnswers {
  return {
    rag: { overall: 'green', schedule: 'green', budget: 'green', scope: 'green', resources: 'green' },
    overallOverrideReason: null,
    percentComplete: 40,
    accomplishments: 'Migration rehearsal done.',
    nextSteps: 'Cut-over plan.',
    risksAndIssues: 'None new.',
    decisionsNeeded: '',
    actualCostToDate: 200_000,
    forecastFinish: '2026-10-15',
    ...overrides,
  };
}

export interface ServiceHarness {
  store: SqliteStore;
  ctx: ServiceContext;
  clock: TestClock;
  projects: ProjectsService;
  status: StatusService;
  raid: RaidService;
  portfolio: PortfolioService;
  /** Creates a project as PMO staff. */
  createProject(overrides?: Partial<CreateProjectInput>): Promise<Project>;
}

export function serviceHarness(pmoTimeZone = 'Europe/London'): ServiceHarness {
  const store = new SqliteStore({ path: ':memory:' });
  const clock = testClock();
  const ctx = serviceContext(store, { clock, newId: sequentialIds(), pmoTimeZone });
  const projects = new ProjectsService(ctx);
  return {
    store,
    ctx,
    clock,
    projects,
    status: new StatusService(ctx),
    raid: new RaidService(ctx),
    portfolio: new PortfolioService(ctx),
    createProject: (overrides) => projects.create(actors.pmoHead, projectInput(overrides)),
  };
}
