/**
 * The Store contract: one suite that every adapter runs (embedded SQLite now, SharePoint through Graph
 * later). It talks to the adapter only through the `Store` interface and judges the results against the
 * domain's own rules (`rollUp`, `isStale`, ...) and a plain reference model of the portfolio query.
 *
 * `makeStore` returns a new, empty store each time it is called. The suite closes every store it made;
 * `cleanup` then removes whatever else `makeStore` created (a temporary file, a test site's lists).
 */
import { ConflictError, NotFoundError } from '../../api/domain/errors';
import type { IsoWeek } from '../../api/domain/iso-week';
import type {
  PortfolioFilter,
  PortfolioPage,
  PortfolioQuery,
  PortfolioSort,
} from '../../api/domain/portfolio';
import {
  comparePortfolio,
  matchesPortfolioFilter,
  PORTFOLIO_SORTS,
  rollUp,
} from '../../api/domain/portfolio';
import type { Project } from '../../api/domain/project';
import { METHODOLOGIES, overallRagOf, PROJECT_PHASES } from '../../api/domain/project';
import type { Rag, RagOrNone } from '../../api/domain/rag';
import type { Store } from '../../api/store/store';
import type { ConversationRecord, DeliveryRecord } from '../../api/domain/bot-delivery';
import type { StatusRequest } from '../../api/domain/status-request';
import type { Stakeholder } from '../../api/domain/stakeholder';
import type { ProjectInput } from './contract-fixtures';
import {
  addDays,
  changeRequest,
  compareText,
  decision,
  decisionLogEntry,
  DELEGATE,
  expectRollupsToEqual,
  issue,
  nextId,
  person,
  PM,
  projectInput,
  rag,
  risk,
  seededRandom,
  SPONSOR,
  statusSave,
  toRef,
} from './contract-fixtures';

export interface StoreUnderTest {
  store: Store;
  cleanup?: () => Promise<void>;
}

/** Seeding a whole portfolio through a remote adapter takes a while; plain tests stay on Jest's default. */
const SEED_TIMEOUT_MS = 120_000;

export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    describePeople(makeStore);
    describeProjects(makeStore);
    describePortfolio(makeStore);
    describeHostileText(makeStore);
    describeStatusReports(makeStore);
    describeRaid(makeStore);
    describeChangeRequests(makeStore);
    describeConcurrentWriters(makeStore);
    describeStatusCycle(makeStore);
    describeBatch(makeStore);
    describeStakeholders(makeStore);
  });
}

/** A new store for each test. */
function freshStore(makeStore: () => Promise<StoreUnderTest>): () => Store {
  let current: StoreUnderTest | undefined;
  beforeEach(async () => {
    current = await makeStore();
  });
  afterEach(async () => {
    await current?.store.close();
    await current?.cleanup?.();
    current = undefined;
  });
  return () => current!.store;
}

/** One store for a whole block of read-only tests, seeded once. */
function sharedStore<T>(
  makeStore: () => Promise<StoreUnderTest>,
  seed: (store: Store) => Promise<T>,
): () => { store: Store; data: T } {
  let current: StoreUnderTest | undefined;
  let data: T;
  beforeAll(async () => {
    current = await makeStore();
    data = await seed(current.store);
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await current?.store.close();
    await current?.cleanup?.();
  });
  return () => ({ store: current!.store, data });
}

const AT = '2026-03-11T10:00:00.000Z';
const LATER = '2026-03-11T11:00:00.000Z';

function query(overrides: Partial<PortfolioQuery> = {}): PortfolioQuery {
  return {
    filter: {},
    sort: 'code',
    order: 'asc',
    page: 1,
    pageSize: 200,
    staleBefore: '2026-W10' as IsoWeek,
    ...overrides,
  };
}

/** Every page of a query, in order, checking the page invariants on the way. */
async function allPages(
  store: Store,
  q: PortfolioQuery,
): Promise<{ pages: PortfolioPage[]; items: Project[] }> {
  const pages: PortfolioPage[] = [];
  for (let page = 1; ; page += 1) {
    const result = await store.queryPortfolio({ ...q, page });
    pages.push(result);
    expect(result.items.length).toBeLessThanOrEqual(q.pageSize);
    if (result.items.length < q.pageSize) break;
    if (page > 100) throw new Error('queryPortfolio never returned a short page');
  }
  return { pages, items: pages.flatMap((p) => p.items) };
}

const codes = (projects: readonly Project[]) => projects.map((p) => p.code);

/**
 * What the portfolio means is the domain's (`matchesPortfolioFilter`, `comparePortfolio`, unit-tested on
 * their own): the SQL store must agree with it, and the SharePoint store runs it.
 */
const ordered = (projects: readonly Project[], sort: PortfolioSort, order: 'asc' | 'desc') =>
  [...projects].sort(comparePortfolio(sort, order));

// ---------------------------------------------------------------------------------------------------

function describePeople(makeStore: () => Promise<StoreUnderTest>): void {
  describe('people', () => {
    const store = freshStore(makeStore);

    it('should upsert a person and read them back by id', async () => {
      const ada = person(100, 'Ada Lovelace', {
        department: 'Engineering',
        jobTitle: 'Analyst',
        timeZone: 'Europe/London',
      });
      expect(await store().upsertPerson(ada)).toEqual(ada);
      expect(await store().getPerson(ada.id)).toEqual(ada);
    });

    it('should give undefined for an unknown id or email', async () => {
      expect(await store().getPerson(person(101, 'Nobody').id)).toBeUndefined();
      expect(await store().findPersonByEmail('nobody@contoso.example')).toBeUndefined();
    });

    it('should update a person in place on a second upsert', async () => {
      const before = person(102, 'Grace Hopper');
      await store().upsertPerson(before);
      const after = { ...before, name: 'Rear Admiral Grace Hopper', email: 'grace.hopper@navy.example' };
      expect(await store().upsertPerson(after)).toMatchObject(after);
      expect(await store().getPerson(before.id)).toMatchObject(after);
      expect((await store().listPeople()).filter((p) => p.id === before.id)).toHaveLength(1);
      expect(await store().findPersonByEmail(before.email)).toBeUndefined();
    });

    it('should find a person by email whatever the letter case', async () => {
      const ken = { ...person(103, 'Ken Thompson'), email: 'Ken.Thompson@Contoso.example' };
      await store().upsertPerson(ken);
      for (const email of [
        'ken.thompson@contoso.example',
        'KEN.THOMPSON@CONTOSO.EXAMPLE',
        'Ken.Thompson@Contoso.example',
      ]) {
        expect(await store().findPersonByEmail(email)).toMatchObject({ id: ken.id, email: ken.email });
      }
      expect(await store().findPersonByEmail('ken.thompson@contoso')).toBeUndefined();
      expect(await store().findPersonByEmail('%@contoso.example')).toBeUndefined();
    });

    it('should list everyone', async () => {
      const people = [person(104, 'Zed Last'), person(105, 'Amy First'), person(106, 'Mia Middle')];
      for (const p of people) await store().upsertPerson(p);
      const listed = await store().listPeople();
      expect([...listed].sort((a, b) => compareText(a.id, b.id))).toEqual(
        [...people].sort((a, b) => compareText(a.id, b.id)),
      );
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeProjects(makeStore: () => Promise<StoreUnderTest>): void {
  describe('projects', () => {
    const store = freshStore(makeStore);

    it('should start empty and stop being empty after the first project', async () => {
      expect(await store().isEmpty()).toBe(true);
      await store().createProject(projectInput());
      expect(await store().isEmpty()).toBe(false);
    });

    it('should create a project at version 1 with no status yet', async () => {
      const input = projectInput({ code: 'NEW-001' });
      const created = await store().createProject(input);
      expect(created).toEqual({ ...input, latestStatus: null, updatedAt: input.createdAt, version: 1 });
      expect(await store().getProject(input.id)).toEqual(created);
      expect(await store().getProjectByCode('NEW-001')).toEqual(created);
    });

    it('should give undefined for an unknown id or code', async () => {
      await store().createProject(projectInput({ code: 'ONE-001' }));
      expect(await store().getProject(nextId('project'))).toBeUndefined();
      expect(await store().getProjectByCode('ONE-002')).toBeUndefined();
      expect(await store().getProjectByCode("ONE-001' OR '1'='1")).toBeUndefined();
    });

    it('should refuse a duplicate code with ConflictError and keep the first project', async () => {
      const first = await store().createProject(projectInput({ code: 'DUP-001', title: 'First' }));
      const second = projectInput({ code: 'DUP-001', title: 'Second' });
      await expect(store().createProject(second)).rejects.toBeInstanceOf(ConflictError);
      expect(await store().getProjectByCode('DUP-001')).toEqual(first);
      expect(await store().getProject(second.id)).toBeUndefined();
      expect((await store().queryPortfolio(query())).total).toBe(1);
    });

    it('should apply changes, bump the version and stamp the time', async () => {
      const created = await store().createProject(projectInput({ code: 'UPD-001' }));
      const changes = {
        title: 'Renamed',
        phase: 'closure' as const,
        budget: { ...created.budget, forecastAtCompletion: 999_999.99 },
        cadence: { ...created.cadence, localTime: '08:30' },
      };
      const updated = await store().updateProject(created.id, changes, 1, LATER);
      expect(updated).toEqual({ ...created, ...changes, updatedAt: LATER, version: 2 });
      expect(await store().getProject(created.id)).toEqual(updated);
      const again = await store().updateProject(created.id, { percentComplete: 80 }, 2, LATER);
      expect(again.version).toBe(3);
    });

    it('should keep the latest status through a project update', async () => {
      const created = await store().createProject(projectInput({ code: 'UPD-002' }));
      await store().saveStatusReport(statusSave(created.id, '2026-W11', { rag: rag('amber') }));
      const current = (await store().getProject(created.id))!;
      const updated = await store().updateProject(
        created.id,
        { title: 'Still amber' },
        current.version,
        LATER,
      );
      expect(updated.latestStatus).toEqual(current.latestStatus);
      expect(await store().getProject(created.id)).toMatchObject({
        title: 'Still amber',
        latestStatus: current.latestStatus,
      });
    });

    it('should refuse a stale version with ConflictError and change nothing', async () => {
      const created = await store().createProject(projectInput({ code: 'UPD-003' }));
      const v2 = await store().updateProject(created.id, { title: 'Second' }, 1, LATER);
      await expect(store().updateProject(created.id, { title: 'Lost' }, 1, LATER)).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(store().updateProject(created.id, { title: 'Future' }, 3, LATER)).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await store().getProject(created.id)).toEqual(v2);
    });

    it('should refuse an unknown id with NotFoundError', async () => {
      await expect(store().updateProject(nextId('project'), { title: 'x' }, 1, LATER)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('should keep the people filters in step with the people on the project', async () => {
      const created = await store().createProject(projectInput({ code: 'PPL-001' }));
      const newPm = toRef(person(110, 'New Manager'));
      const newSponsor = toRef(person(111, 'New Sponsor'));
      await store().updateProject(
        created.id,
        { projectManager: newPm, sponsors: [newSponsor], delegates: [] },
        1,
        LATER,
      );
      const find = async (filter: PortfolioFilter) =>
        codes((await store().queryPortfolio(query({ filter }))).items);
      expect(await find({ pm: [newPm.id] })).toEqual(['PPL-001']);
      expect(await find({ pm: [PM.id] })).toEqual([]);
      expect(await find({ sponsor: [newSponsor.id] })).toEqual(['PPL-001']);
      expect(await find({ sponsor: [SPONSOR.id] })).toEqual([]);
      expect(await find({ involving: DELEGATE.id })).toEqual([]);
      expect(await find({ involving: newSponsor.id })).toEqual(['PPL-001']);
      expect(await find({ q: 'new manager' })).toEqual(['PPL-001']);
      expect(await find({ q: PM.name })).toEqual([]);
    });

    it('should keep search and sorting in step with changed fields', async () => {
      const a = await store().createProject(projectInput({ code: 'SRT-001', title: 'Alpha' }));
      await store().createProject(projectInput({ code: 'SRT-002', title: 'Beta' }));
      await store().updateProject(
        a.id,
        { title: 'Omega', budget: { ...a.budget, forecastAtCompletion: 0 } },
        1,
        LATER,
      );
      expect(codes((await store().queryPortfolio(query({ sort: 'title' }))).items)).toEqual([
        'SRT-002',
        'SRT-001',
      ]);
      expect(codes((await store().queryPortfolio(query({ sort: 'budgetVariance' }))).items)).toEqual([
        'SRT-001',
        'SRT-002',
      ]);
      expect(codes((await store().queryPortfolio(query({ filter: { q: 'alpha' } }))).items)).toEqual([]);
      expect(codes((await store().queryPortfolio(query({ filter: { q: 'omega' } }))).items)).toEqual([
        'SRT-001',
      ]);
    });
  });
}

// ---------------------------------------------------------------------------------------------------

const PORTFOLIO_SIZE = 130;
const STALE_BEFORE = '2026-W10' as IsoWeek;
const WEEKS = ['2026-W06', '2026-W07', '2026-W08', '2026-W09', '2026-W10', '2026-W11'];
const PROGRAMS = ['Apollo', 'Borealis', 'Cygnus', 'Draco'];
const DEPARTMENTS = ['Finance', 'HR', 'IT', 'Operations', 'Sales'];
const TITLES = [
  'Billing revamp',
  'Cloud migration',
  'Data platform',
  'ERP upgrade',
  'Intranet refresh',
  'Mobile app',
  'Network upgrade',
];
const PMS = [
  'Ada Lovelace',
  'Brian Kernighan',
  'Grace Hopper',
  'Ken Thompson',
  'Linus Torvalds',
  'Margaret Hamilton',
].map((n, i) => toRef(person(200 + i, n)));
const SPONSORS = ['Barbara Liskov', 'Donald Knuth', 'Edsger Dijkstra', 'Frances Allen'].map((n, i) =>
  toRef(person(300 + i, n)),
);
const DELEGATES = ['Alan Kay', 'John Backus', 'Niklaus Wirth'].map((n, i) => toRef(person(400 + i, n)));
const NOBODY = toRef(person(499, 'Nobody Atall'));

/**
 * 130 projects inserted out of code order, about three quarters with one to three status reports
 * (some filed for an older week after a newer one). Returns what each project must look like.
 */
async function seedPortfolio(store: Store): Promise<Project[]> {
  const random = seededRandom(20260311);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)];
  const cents = (n: number) => Math.round(n * 100) / 100;
  const model = new Map<string, Project>();

  for (let j = 0; j < PORTFOLIO_SIZE; j += 1) {
    const i = (j * 37) % PORTFOLIO_SIZE; // a fixed shuffle: insertion order is not code order
    const startDate = addDays('2025-01-06', int(300));
    const baselineFinish = addDays(startDate, 100 + int(500));
    const baseline = cents(random() * 1_000_000);
    const approved = cents(baseline * (1 + random() * 0.2));
    const first = int(SPONSORS.length);
    const sponsorCount = int(3);
    const stateRoll = random();
    const input: ProjectInput = projectInput({
      code: `PF-${String(i).padStart(3, '0')}`,
      title: pick(TITLES),
      program: pick(PROGRAMS),
      department: pick(DEPARTMENTS),
      projectManager: pick(PMS),
      sponsors:
        sponsorCount === 0
          ? []
          : sponsorCount === 1
            ? [SPONSORS[first]]
            : [SPONSORS[first], SPONSORS[(first + 1 + int(3)) % 4]],
      delegates: random() < 0.3 ? [pick(DELEGATES)] : [],
      phase: pick(PROJECT_PHASES),
      state: stateRoll < 0.7 ? 'active' : stateRoll < 0.85 ? 'onHold' : 'closed',
      methodology: pick(METHODOLOGIES),
      startDate,
      baselineFinish,
      forecastFinish: addDays(baselineFinish, int(121) - 30),
      budget: {
        baseline,
        approved,
        actualCost: cents(approved * random()),
        forecastAtCompletion: cents(approved * (0.8 + random() * 0.5)),
      },
      percentComplete: 10 * int(11),
      createdAt: `2026-01-${String(1 + int(28)).padStart(2, '0')}T09:00:00.000Z`,
    });
    await store.createProject(input);
    model.set(input.id, { ...input, latestStatus: null, updatedAt: input.createdAt, version: 1 });
  }

  for (const project of model.values()) {
    if (random() < 0.25) continue;
    const reports = 1 + int(3);
    for (let r = 0; r < reports; r += 1) {
      const overall: Rag = pick(['green', 'amber', 'red']);
      const save = statusSave(project.id, pick(WEEKS), {
        rag: rag(overall),
        percentComplete: 10 * int(11),
        actualCostToDate: cents(random() * 500_000),
        forecastFinish: addDays(project.baselineFinish, int(121) - 30),
        submittedAt: `2026-03-${String(1 + r).padStart(2, '0')}T10:00:00.000Z`,
      });
      await store.saveStatusReport(save);
      const update = save.projectUpdate!;
      const current = model.get(project.id)!;
      if (!(current.latestStatus && current.latestStatus.week > update.latestStatus.week)) {
        model.set(project.id, {
          ...current,
          latestStatus: update.latestStatus,
          percentComplete: update.percentComplete,
          budget: { ...current.budget, actualCost: update.actualCost },
          forecastFinish: update.forecastFinish,
          version: current.version + 1,
        });
      }
    }
  }
  return [...model.values()];
}

type Expect = 'some' | 'none';
/** Each filter alone and in combination; `some` cases must match part (not all, not none) of the data. */
const FILTER_CASES: Array<[string, PortfolioFilter, Expect]> = [
  ['one program', { program: ['Apollo'] }, 'some'],
  ['two programs', { program: ['Apollo', 'Draco'] }, 'some'],
  ['an unknown program', { program: ['Nowhere'] }, 'none'],
  ['one department', { department: ['Operations'] }, 'some'],
  ['two departments', { department: ['HR', 'Sales'] }, 'some'],
  ['rag red', { rag: ['red'] }, 'some'],
  ['rag not reported', { rag: ['notReported'] }, 'some'],
  ['rag green or not reported', { rag: ['green', 'notReported'] }, 'some'],
  ['one phase', { phase: ['execution'] }, 'some'],
  ['two phases', { phase: ['initiation', 'closure'] }, 'some'],
  ['state on hold', { state: ['onHold'] }, 'some'],
  ['state active or closed', { state: ['active', 'closed'] }, 'some'],
  ['one PM', { pm: [PMS[1].id] }, 'some'],
  ['two PMs', { pm: [PMS[0].id, PMS[5].id] }, 'some'],
  ['a PM who manages nothing', { pm: [NOBODY.id] }, 'none'],
  ['one sponsor', { sponsor: [SPONSORS[0].id] }, 'some'],
  ['two sponsors (a project with both appears once)', { sponsor: [SPONSORS[0].id, SPONSORS[1].id] }, 'some'],
  ['q in a title, other case', { q: 'MIGRATION' }, 'some'],
  ['q in two titles', { q: 'upgrade' }, 'some'],
  ['q in a code', { q: 'pf-01' }, 'some'],
  ['q in a program', { q: 'borea' }, 'some'],
  ['q in a department', { q: 'operat' }, 'some'],
  ['q in a PM name', { q: 'lovelace' }, 'some'],
  ['q matching nothing', { q: 'zzz' }, 'none'],
  ['q spanning two fields', { q: 'migration apollo' }, 'none'],
  ['stale', { stale: true }, 'some'],
  ['fresh', { stale: false }, 'some'],
  ['involving a PM', { involving: PMS[2].id }, 'some'],
  ['involving a delegate', { involving: DELEGATES[0].id }, 'some'],
  ['involving a sponsor', { involving: SPONSORS[3].id }, 'some'],
  ['involving someone on nothing', { involving: NOBODY.id }, 'none'],
  ['program and rag', { program: ['Borealis'], rag: ['amber', 'red'] }, 'some'],
  ['state and stale', { state: ['active'], stale: false }, 'some'],
  [
    'department, phase and PM',
    { department: ['IT', 'Finance', 'HR'], phase: ['execution', 'planning'], pm: [PMS[3].id, PMS[4].id] },
    'some',
  ],
  ['sponsor and q', { sponsor: [SPONSORS[2].id], q: 'a' }, 'some'],
  ['involving and rag', { involving: PMS[0].id, rag: ['notReported', 'red'] }, 'some'],
  [
    'everything at once',
    { program: PROGRAMS, department: DEPARTMENTS, state: ['active'], stale: true, q: 'pf' },
    'some',
  ],
];

function describePortfolio(makeStore: () => Promise<StoreUnderTest>): void {
  describe('queryPortfolio', () => {
    const shared = sharedStore(makeStore, seedPortfolio);
    const store = () => shared().store;
    const model = () => shared().data;
    const expected = (filter: PortfolioFilter) =>
      model().filter((p) => matchesPortfolioFilter(p, filter, STALE_BEFORE));

    it('should store every project as created and updated by its reports', async () => {
      for (const p of model()) {
        const stored = await store().getProject(p.id);
        expect({ ...stored, updatedAt: undefined }).toEqual({ ...p, updatedAt: undefined });
      }
    });

    it('should have seeded data that exercises every filter and roll-up', () => {
      const all = model();
      expect(all).toHaveLength(PORTFOLIO_SIZE);
      const rags = new Set(all.map(overallRagOf));
      expect([...rags].sort()).toEqual(['amber', 'green', 'notReported', 'red']);
      expect(all.some((p) => p.sponsors.length === 0)).toBe(true);
      expect(all.some((p) => p.sponsors.length === 2)).toBe(true);
      expect(
        all.some(
          (p) =>
            p.sponsors.map((s) => s.id).includes(SPONSORS[0].id) &&
            p.sponsors.map((s) => s.id).includes(SPONSORS[1].id),
        ),
      ).toBe(true);
      expect(
        all.some(
          (p) => p.state === 'onHold' && (p.latestStatus === null || p.latestStatus.week < STALE_BEFORE),
        ),
      ).toBe(true);
      expect(all.some((p) => p.latestStatus?.week === STALE_BEFORE)).toBe(true);
      for (const [label, filter, kind] of FILTER_CASES) {
        const n = expected(filter).length;
        expect({ label, matches: kind === 'none' ? n === 0 : n > 0 && n < PORTFOLIO_SIZE }).toEqual({
          label,
          matches: true,
        });
      }
    });

    it('should page through every project: pages disjoint, together all, in a stable order', async () => {
      const q = query({ pageSize: 50 });
      const pages = await Promise.all([1, 2, 3, 4].map((page) => store().queryPortfolio({ ...q, page })));
      expect(pages.map((p) => p.items.length)).toEqual([50, 50, 30, 0]);
      expect(pages.map((p) => p.total)).toEqual([130, 130, 130, 130]);
      const seen = pages.flatMap((p) => codes(p.items));
      expect(new Set(seen).size).toBe(PORTFOLIO_SIZE);
      expect(seen).toEqual(codes(ordered(model(), 'code', 'asc')));
      const again = await store().queryPortfolio({ ...q, page: 2 });
      expect(codes(again.items)).toEqual(codes(pages[1].items));
    });

    it('should give the roll-ups over every match on every page, not over the page', async () => {
      const q = query({ pageSize: 50 });
      const reference = rollUp(model(), STALE_BEFORE);
      for (const page of [1, 3, 4])
        expectRollupsToEqual(await store().queryPortfolio({ ...q, page }), reference);
    });

    const SORTS: Array<[PortfolioSort, 'asc' | 'desc']> = PORTFOLIO_SORTS.flatMap((s) => [
      [s, 'asc'] as [PortfolioSort, 'asc'],
      [s, 'desc'] as [PortfolioSort, 'desc'],
    ]);

    it.each(SORTS)(
      'should sort by %s %s across pages, ties broken by code ascending',
      async (sort, order) => {
        const { items } = await allPages(store(), query({ sort, order, pageSize: 50 }));
        expect(codes(items)).toEqual(codes(ordered(model(), sort, order)));
      },
    );

    it.each(FILTER_CASES)(
      'should filter by %s, with roll-ups over exactly the matches',
      async (_label, filter) => {
        const matches = expected(filter);
        const q = query({ filter, sort: 'percentComplete', order: 'desc', pageSize: 20 });
        const { pages, items } = await allPages(store(), q);
        expect(codes(items)).toEqual(codes(ordered(matches, 'percentComplete', 'desc')));
        for (const page of pages) {
          expect(page.total).toBe(matches.length);
        }
        expectRollupsToEqual(pages[0], rollUp(matches, STALE_BEFORE));
      },
    );

    it('should judge staleness against the week it is given', async () => {
      for (const staleBefore of ['2026-W07', '2026-W11', '2026-W12'] as IsoWeek[]) {
        const page = await store().queryPortfolio(query({ filter: { stale: true }, staleBefore }));
        const reference = model().filter((p) => matchesPortfolioFilter(p, { stale: true }, staleBefore));
        expect(codes(page.items)).toEqual(codes(ordered(reference, 'code', 'asc')));
        expectRollupsToEqual(page, rollUp(reference, staleBefore));
      }
    });

    it('should treat an empty filter list as no filter', async () => {
      const page = await store().queryPortfolio(
        query({ filter: { program: [], rag: [], sponsor: [], q: '' } }),
      );
      expect(page.total).toBe(PORTFOLIO_SIZE);
    });
  });
}

// ---------------------------------------------------------------------------------------------------

const HOSTILE_PM = toRef(person(500, "Seán O'Connor"));
const PLAIN_PM = toRef(person(501, 'Pat Plain'));
const HOSTILE_SPONSOR = toRef(person(502, "Zoë '; DROP TABLE projects; --"));

const HOSTILE_PROJECTS: Array<Partial<ProjectInput> & { code: string }> = [
  { code: 'H-01', title: "O'Brien's rollout", program: "O'Reilly", department: 'R&D' },
  { code: 'H-02', title: "it''s doubled" },
  { code: 'H-03', title: "Guard ' or 1=1 -- test" },
  { code: 'H-04', title: '100% done' },
  { code: 'H-05', title: 'snake_case naming' },
  { code: 'H-06', title: 'Encoded %27 quote' },
  { code: 'H-07', title: 'C:\\temp\\path' },
  { code: 'H-08', title: 'Zürich office', program: 'Zürich' },
  { code: 'H-09', title: '東京 launch', program: '東京' },
  { code: 'H-10', title: 'Rocket 🚀 launch', department: '🚀 Labs' },
  // Two different people with one name: roll-ups group sponsors by id, never by name.
  {
    code: 'H-11',
    title: 'Zurich plain',
    sponsors: [{ ...SPONSOR, id: toRef(person(503, 'x')).id, email: 'sam.two@contoso.example' }],
  },
  { code: 'H-12', title: 'Plain project', projectManager: HOSTILE_PM, sponsors: [HOSTILE_SPONSOR] },
];

async function seedHostile(store: Store): Promise<Project[]> {
  const created: Project[] = [];
  for (const overrides of HOSTILE_PROJECTS) {
    created.push(
      await store.createProject(
        projectInput({
          program: 'Apollo',
          department: 'IT',
          projectManager: PLAIN_PM,
          sponsors: [SPONSOR],
          delegates: [],
          ...overrides,
        }),
      ),
    );
  }
  return created;
}

function describeHostileText(makeStore: () => Promise<StoreUnderTest>): void {
  describe('queryPortfolio with hostile text', () => {
    const shared = sharedStore(makeStore, seedHostile);
    const run = async (filter: PortfolioFilter) => {
      const page = await shared().store.queryPortfolio(query({ filter }));
      const reference = shared().data.filter((p) => matchesPortfolioFilter(p, filter, STALE_BEFORE));
      expect(codes(page.items)).toEqual(codes(ordered(reference, 'code', 'asc')));
      expect(page.total).toBe(reference.length);
      expectRollupsToEqual(page, rollUp(reference, STALE_BEFORE));
      return codes(page.items);
    };

    it.each<[string, string[]]>([
      ["'", ['H-01', 'H-02', 'H-03', 'H-12']],
      ["''", ['H-02']],
      ["' or 1=1 --", ['H-03']],
      ["' OR ''='", []],
      ["o'", ['H-01', 'H-12']],
      ['%', ['H-04', 'H-06']],
      ['_', ['H-05']],
      ['%27', ['H-06']],
      ['\\', ['H-07']],
      ['\\t', ['H-07']],
      ['"', []],
      ['*', []],
      ['?', []],
      ['[a-z]', []],
      ['.*', []],
      ["'; DROP TABLE projects; --", []],
      ['zürich', ['H-08']],
      ['ZÜRICH', ['H-08']],
      ['zurich', ['H-11']],
      ['東京', ['H-09']],
      ['🚀', ['H-10']],
      ['séan', []],
      ['h-12\u001fplain', []], // the separator SQLite keeps between searchable fields: no spanning
      ['\u001f', []],
      ['seán', ['H-12']],
    ])('should match q %j only literally', async (q, expected) => {
      expect(await run({ q })).toEqual(expected);
    });

    it.each<[string, PortfolioFilter, string[]]>([
      ['a program with a quote', { program: ["O'Reilly"] }, ['H-01']],
      ['an injected program', { program: ["' or 1=1 --"] }, []],
      ['a wildcard program', { program: ['%'] }, []],
      ['an underscore program', { program: ['_pollo'] }, []],
      ['a unicode program', { program: ['Zürich'] }, ['H-08']],
      [
        'a CJK program',
        { program: ['東京', 'Apollo'] },
        HOSTILE_PROJECTS.map((p) => p.code).filter((c) => !['H-01', 'H-08'].includes(c)),
      ],
      ['an emoji department', { department: ['🚀 Labs'] }, ['H-10']],
      ['a department with &', { department: ['R&D'] }, ['H-01']],
      ['an injected PM', { pm: ["' or '1'='1"] }, []],
      ['a wildcard sponsor', { sponsor: ['%'] }, []],
      ['an injected rag', { rag: ["notReported' or 1=1 --" as RagOrNone] }, []],
      ['a wildcard phase', { phase: ['%' as never] }, []],
      ['an injected state', { state: ["active' --" as never] }, []],
      ['a wildcard involving', { involving: '%' }, []],
      ['an injected involving', { involving: "' or 1=1 --" }, []],
    ])('should take %s literally', async (_label, filter, expected) => {
      expect(await run(filter)).toEqual(expected);
    });

    it('should group by hostile keys and a hostile sponsor name intact', async () => {
      const page = await shared().store.queryPortfolio(query());
      expect(page.byProgram.map((g) => g.key).sort()).toEqual(
        ['Apollo', "O'Reilly", 'Zürich', '東京'].sort(),
      );
      expect(page.byDepartment.map((g) => g.key).sort()).toEqual(['IT', 'R&D', '🚀 Labs'].sort());
      expect(page.bySponsor.map((g) => g.sponsor).find((s) => s.id === HOSTILE_SPONSOR.id)).toEqual(
        HOSTILE_SPONSOR,
      );
      expect(
        page.bySponsor
          .filter((g) => g.sponsor.name === SPONSOR.name)
          .map((g) => g.totals.projects)
          .sort(),
      ).toEqual([1, 10]);
      expect(await shared().store.getProjectByCode('H-12')).toMatchObject({
        projectManager: HOSTILE_PM,
        sponsors: [HOSTILE_SPONSOR],
      });
      expect(page.total).toBe(HOSTILE_PROJECTS.length);
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeStatusReports(makeStore: () => Promise<StoreUnderTest>): void {
  describe('status reports', () => {
    const store = freshStore(makeStore);
    let project: Project;
    beforeEach(async () => {
      project = await store().createProject(projectInput({ code: 'STS-001' }));
    });

    it('should file a new report at version 1', async () => {
      const save = statusSave(project.id, '2026-W11');
      const result = await store().saveStatusReport(save);
      expect(result).toEqual({
        report: { ...save.report, version: 1 },
        created: true,
        project: expect.any(Object),
      });
      expect(await store().getStatusReport(project.id, '2026-W11' as IsoWeek)).toEqual(result.report);
      // The project as the write left it: what a caller shows next without reading it again.
      expect(result.project).toEqual(await store().getProject(project.id));
      expect(result.project.latestStatus).toEqual(save.projectUpdate!.latestStatus);
      expect(await store().listStatusReportRevisions(result.report.id)).toEqual([]);
    });

    it('should copy the latest status onto the project in the same write', async () => {
      const save = statusSave(project.id, '2026-W11', {
        rag: rag('amber', 'red'),
        percentComplete: 55,
        actualCostToDate: 140_000.5,
        forecastFinish: '2026-11-01',
      });
      const saved = await store().saveStatusReport(save);
      expect(saved.project).toEqual(await store().getProject(project.id));
      expect(await store().getProject(project.id)).toEqual({
        ...project,
        latestStatus: save.projectUpdate!.latestStatus,
        percentComplete: 55,
        budget: { ...project.budget, actualCost: 140_000.5 },
        forecastFinish: '2026-11-01',
        updatedAt: expect.any(String),
        version: project.version + 1,
      });
      const page = await store().queryPortfolio(query({ filter: { rag: ['amber'] } }));
      expect(codes(page.items)).toEqual(['STS-001']);
    });

    it('should leave the project alone when there is no project update', async () => {
      await store().saveStatusReport(statusSave(project.id, '2026-W11', {}, { withProjectUpdate: false }));
      expect(await store().getProject(project.id)).toEqual(project);
    });

    it('should replace a report for the same week, keep the old one as a revision and bump the version', async () => {
      const first = await store().saveStatusReport(
        statusSave(project.id, '2026-W11', { accomplishments: 'First answer.' }),
      );
      const second = statusSave(project.id, '2026-W11', {
        accomplishments: 'Second answer.',
        submittedBy: DELEGATE,
        submittedAt: LATER,
      });
      const result = await store().saveStatusReport(second);
      expect(result.created).toBe(false);
      expect(result.report).toEqual({ ...second.report, id: first.report.id, version: 2 });
      expect(await store().getStatusReport(project.id, '2026-W11' as IsoWeek)).toEqual(result.report);
      expect(await store().listStatusReportRevisions(first.report.id)).toEqual([
        {
          reportId: first.report.id,
          version: 1,
          snapshot: first.report,
          replacedAt: LATER,
          replacedBy: DELEGATE,
        },
      ]);
      expect(await store().listStatusReports(project.id)).toHaveLength(1);
    });

    it('should accept the right expected version and refuse a wrong one, changing nothing', async () => {
      const v1 = await store().saveStatusReport(statusSave(project.id, '2026-W11', { percentComplete: 10 }));
      const v2 = await store().saveStatusReport(
        statusSave(project.id, '2026-W11', { percentComplete: 20 }, { expectedVersion: 1 }),
      );
      expect(v2.report.version).toBe(2);
      const projectBefore = await store().getProject(project.id);

      const stale = statusSave(project.id, '2026-W11', { percentComplete: 30 }, { expectedVersion: 1 });
      await expect(store().saveStatusReport(stale)).rejects.toBeInstanceOf(ConflictError);

      expect(await store().getStatusReport(project.id, '2026-W11' as IsoWeek)).toEqual(v2.report);
      expect((await store().listStatusReportRevisions(v1.report.id)).map((r) => r.version)).toEqual([1]);
      expect(await store().getProject(project.id)).toEqual(projectBefore);
    });

    it('should refuse an expected version for a report that does not exist', async () => {
      await expect(
        store().saveStatusReport(statusSave(project.id, '2026-W11', {}, { expectedVersion: 1 })),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().getStatusReport(project.id, '2026-W11' as IsoWeek)).toBeUndefined();
      expect(await store().getProject(project.id)).toEqual(project);
    });

    it('should refuse a report for an unknown project and store nothing', async () => {
      const ghost = nextId('project');
      await expect(store().saveStatusReport(statusSave(ghost, '2026-W11'))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await store().getStatusReport(ghost, '2026-W11' as IsoWeek)).toBeUndefined();
      expect(await store().listStatusReports(ghost)).toEqual([]);
    });

    it('should not let an older week overwrite a newer latest status', async () => {
      await store().saveStatusReport(
        statusSave(project.id, '2026-W11', { rag: rag('green'), percentComplete: 60 }),
      );
      const newer = (await store().getProject(project.id))!;
      const older = statusSave(project.id, '2026-W09', {
        rag: rag('red'),
        percentComplete: 5,
        forecastFinish: '2027-12-31',
      });
      const result = await store().saveStatusReport(older);
      expect(result.created).toBe(true);
      const after = await store().getProject(project.id);
      expect(after).toEqual(newer);
      expect(result.project).toEqual(newer);
      expect(await store().getStatusReport(project.id, '2026-W09' as IsoWeek)).toEqual({
        ...older.report,
        version: 1,
      });
    });

    it('should let a resubmission in the latest week replace the latest status', async () => {
      await store().saveStatusReport(statusSave(project.id, '2026-W11', { rag: rag('green') }));
      await store().saveStatusReport(
        statusSave(project.id, '2026-W11', { rag: rag('red'), submittedAt: LATER }),
      );
      expect((await store().getProject(project.id))?.latestStatus).toMatchObject({
        week: '2026-W11',
        overall: 'red',
        reportedAt: LATER,
      });
    });

    it('should give undefined and empty lists for what does not exist', async () => {
      expect(await store().getStatusReport(project.id, '2026-W01' as IsoWeek)).toBeUndefined();
      expect(await store().listStatusReports(project.id)).toEqual([]);
      expect(await store().listStatusReportRevisions(nextId('report'))).toEqual([]);
    });

    it('should list newest week first, with limit and before, per project', async () => {
      const other = await store().createProject(projectInput({ code: 'STS-002' }));
      for (const week of ['2026-W05', '2026-W08', '2026-W06', '2026-W09', '2025-W52', '2026-W07']) {
        await store().saveStatusReport(statusSave(project.id, week));
      }
      await store().saveStatusReport(statusSave(other.id, '2026-W10'));
      const weeks = async (options?: { limit?: number; before?: IsoWeek }) =>
        (await store().listStatusReports(project.id, options)).map((r) => r.week);

      expect(await weeks()).toEqual(['2026-W09', '2026-W08', '2026-W07', '2026-W06', '2026-W05', '2025-W52']);
      expect(await weeks({ limit: 2 })).toEqual(['2026-W09', '2026-W08']);
      expect(await weeks({ before: '2026-W07' as IsoWeek })).toEqual(['2026-W06', '2026-W05', '2025-W52']);
      expect(await weeks({ before: '2026-W07' as IsoWeek, limit: 1 })).toEqual(['2026-W06']);
      expect(await weeks({ before: '2025-W52' as IsoWeek })).toEqual([]);
      expect((await store().listStatusReports(other.id)).map((r) => r.week)).toEqual(['2026-W10']);
    });

    it('should give the overall RAG of the asked weeks across projects, by week then project', async () => {
      const other = await store().createProject(projectInput({ code: 'STS-002' }));
      const third = await store().createProject(projectInput({ code: 'STS-003' }));
      await store().saveStatusReport(statusSave(project.id, '2026-W09', { rag: rag('red') }));
      await store().saveStatusReport(statusSave(project.id, '2026-W10', { rag: rag('green') }));
      await store().saveStatusReport(statusSave(project.id, '2026-W11', { rag: rag('amber', 'red') }));
      await store().saveStatusReport(statusSave(other.id, '2026-W10', { rag: rag('amber') }));
      await store().saveStatusReport(statusSave(third.id, '2026-W12', { rag: rag('green') }));
      // A resubmission counts as it stands now, an older week filed late counts in its own week.
      await store().saveStatusReport(
        statusSave(other.id, '2026-W10', { rag: rag('red'), submittedAt: LATER }),
      );
      await store().saveStatusReport(statusSave(third.id, '2026-W10', { rag: rag('amber') }));

      const weeks = ['2026-W10', '2026-W11', '2026-W08'] as IsoWeek[];
      const w10 = [
        { projectId: project.id, week: '2026-W10', overall: 'green' },
        { projectId: other.id, week: '2026-W10', overall: 'red' },
        { projectId: third.id, week: '2026-W10', overall: 'amber' },
      ].sort((a, b) => compareText(a.projectId, b.projectId));
      expect(await store().listRagHistory(weeks)).toEqual([
        ...w10,
        { projectId: project.id, week: '2026-W11', overall: 'amber' },
      ]);
      expect(await store().listRagHistory(['2026-W01' as IsoWeek])).toEqual([]);
      expect(await store().listRagHistory([])).toEqual([]);
    });

    it('should list the current version of each report', async () => {
      await store().saveStatusReport(statusSave(project.id, '2026-W10'));
      await store().saveStatusReport(statusSave(project.id, '2026-W10', { nextSteps: 'Revised.' }));
      const [report] = await store().listStatusReports(project.id);
      expect(report).toMatchObject({ version: 2, nextSteps: 'Revised.' });
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeRaid(makeStore: () => Promise<StoreUnderTest>): void {
  describe('RAID items', () => {
    const store = freshStore(makeStore);
    let project: Project;
    let other: Project;
    beforeEach(async () => {
      project = await store().createProject(projectInput({ code: 'RAID-001' }));
      other = await store().createProject(projectInput({ code: 'RAID-002' }));
    });

    it('should create and read back each kind at version 1', async () => {
      for (const item of [risk(project.id), issue(project.id), decisionLogEntry(project.id)]) {
        const created = await store().createRaidItem(item);
        expect(created).toEqual({ ...item, version: 1 });
        expect(await store().getRaidItem(item.kind, item.id)).toEqual(created);
      }
    });

    it('should keep the kinds apart', async () => {
      const r = await store().createRaidItem(risk(project.id));
      expect(await store().getRaidItem('issue', r.id)).toBeUndefined();
      expect(await store().getRaidItem('decision', r.id)).toBeUndefined();
      expect(await store().getRaidItem('risk', nextId('raid'))).toBeUndefined();
      await expect(store().updateRaidItem({ ...issue(project.id), id: r.id }, 1)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await store().getRaidItem('risk', r.id)).toEqual(r);
    });

    it('should list per kind and per project', async () => {
      const risks = [
        risk(project.id, 'R1', '2026-03-01T00:00:00.000Z'),
        risk(project.id, 'R2', '2026-03-05T00:00:00.000Z'),
      ];
      const issues = [issue(project.id, 'I1')];
      const decisions = [decisionLogEntry(project.id, 'D1'), decisionLogEntry(project.id, 'D2')];
      for (const item of [
        ...risks,
        ...issues,
        ...decisions,
        risk(other.id, 'Other'),
        issue(other.id, 'Other'),
      ]) {
        await store().createRaidItem(item);
      }
      const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort(compareText);
      expect(ids(await store().listRaidItems('risk', project.id))).toEqual(ids(risks));
      expect(ids(await store().listRaidItems('issue', project.id))).toEqual(ids(issues));
      expect(ids(await store().listRaidItems('decision', project.id))).toEqual(ids(decisions));
      expect(await store().listRaidItems('decision', other.id)).toEqual([]);
      expect((await store().listRaidItems('risk', project.id)).every((i) => i.kind === 'risk')).toBe(true);
    });

    it('should list one kind across every project, in creation order, narrowed to statuses when asked', async () => {
      const open = risk(project.id, 'Open', '2026-03-01T00:00:00.000Z');
      const mitigating = {
        ...risk(other.id, 'Mitigating', '2026-03-02T00:00:00.000Z'),
        status: 'mitigating' as const,
      };
      const closed = { ...risk(project.id, 'Closed', '2026-03-03T00:00:00.000Z'), status: 'closed' as const };
      const occurred = {
        ...risk(other.id, 'Occurred', '2026-02-01T00:00:00.000Z'),
        status: 'occurred' as const,
      };
      for (const item of [
        open,
        mitigating,
        closed,
        occurred,
        issue(project.id),
        decisionLogEntry(other.id),
      ]) {
        await store().createRaidItem(item);
      }
      const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);
      expect(titles(await store().listRaidItemsOfKind('risk'))).toEqual([
        'Occurred',
        'Open',
        'Mitigating',
        'Closed',
      ]);
      expect(await store().listRaidItemsOfKind('risk', { statuses: ['open', 'mitigating'] })).toEqual([
        { ...open, version: 1 },
        { ...mitigating, version: 1 },
      ]);
      expect(titles(await store().listRaidItemsOfKind('risk', { statuses: ['closed', 'occurred'] }))).toEqual(
        ['Occurred', 'Closed'],
      );
      expect(await store().listRaidItemsOfKind('risk', { statuses: [] })).toEqual([]);
      expect(
        titles(await store().listRaidItemsOfKind('issue', { statuses: ['open', 'inProgress'] })),
      ).toEqual(['Test rig broken']);
      expect(await store().listRaidItemsOfKind('decision', { statuses: ['proposed'] })).toEqual([]);
      expect(titles(await store().listRaidItemsOfKind('decision'))).toEqual(['Use vendor B']);

      // A status change moves an item between the lists, at its new version.
      const stored = await store().getRaidItem('risk', open.id);
      const settled = await store().updateRaidItem({ ...stored!, status: 'closed', updatedAt: LATER }, 1);
      expect(titles(await store().listRaidItemsOfKind('risk', { statuses: ['open', 'mitigating'] }))).toEqual(
        ['Mitigating'],
      );
      expect(
        (await store().listRaidItemsOfKind('risk', { statuses: ['closed'] })).find((r) => r.id === open.id),
      ).toEqual(settled);
    });

    it('should update with the version read and bump it', async () => {
      const r = await store().createRaidItem(risk(project.id));
      const changed = {
        ...r,
        status: 'mitigating' as const,
        mitigation: 'Signed second supplier.',
        updatedAt: LATER,
      };
      const updated = await store().updateRaidItem(changed, 1);
      expect(updated).toEqual({ ...changed, version: 2 });
      expect(await store().getRaidItem('risk', r.id)).toEqual(updated);
      expect((await store().listRaidItems('risk', project.id))[0]).toEqual(updated);
    });

    it('should refuse a stale version with ConflictError and change nothing', async () => {
      const i = await store().createRaidItem(issue(project.id));
      const v2 = await store().updateRaidItem({ ...i, status: 'inProgress' }, 1);
      await expect(store().updateRaidItem({ ...i, status: 'closed' }, 1)).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await store().getRaidItem('issue', i.id)).toEqual(v2);
    });

    it('should refuse an unknown id with NotFoundError', async () => {
      await expect(store().updateRaidItem(decisionLogEntry(project.id), 1)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeChangeRequests(makeStore: () => Promise<StoreUnderTest>): void {
  describe('change requests and decisions', () => {
    const store = freshStore(makeStore);
    let project: Project;
    let other: Project;
    beforeEach(async () => {
      project = await store().createProject(projectInput({ code: 'CR-001' }));
      other = await store().createProject(projectInput({ code: 'CR-002' }));
    });

    it('should create and read back a change request at version 1', async () => {
      const cr = changeRequest(project.id, 'submitted', '2026-03-02T10:00:00.000Z');
      expect(await store().createChangeRequest(cr)).toEqual(cr);
      expect(await store().getChangeRequest(cr.id)).toEqual(cr);
      expect(await store().getChangeRequest(nextId('cr'))).toBeUndefined();
    });

    it('should list by project, by state and by both', async () => {
      const a1 = changeRequest(project.id, 'submitted', '2026-03-01T10:00:00.000Z');
      const a2 = changeRequest(project.id, 'approved', '2026-03-02T10:00:00.000Z');
      const a3 = changeRequest(project.id, 'draft', '2026-03-03T10:00:00.000Z');
      const b1 = changeRequest(other.id, 'submitted', '2026-03-04T10:00:00.000Z');
      for (const cr of [a2, b1, a1, a3]) await store().createChangeRequest(cr);
      const ids = (crs: Array<{ id: string }>) => crs.map((c) => c.id).sort(compareText);

      expect(ids(await store().listChangeRequests({ projectId: project.id }))).toEqual(ids([a1, a2, a3]));
      expect(ids(await store().listChangeRequests({ state: ['submitted'] }))).toEqual(ids([a1, b1]));
      expect(ids(await store().listChangeRequests({ state: ['draft', 'approved'] }))).toEqual(ids([a2, a3]));
      expect(ids(await store().listChangeRequests({ projectId: project.id, state: ['submitted'] }))).toEqual(
        ids([a1]),
      );
      expect(ids(await store().listChangeRequests({ projectId: other.id, state: ['rejected'] }))).toEqual([]);
      expect(ids(await store().listChangeRequests({}))).toEqual(ids([a1, a2, a3, b1]));
      expect(await store().listChangeRequests({ state: ["submitted' OR '1'='1" as never] })).toEqual([]);
    });

    it('should update a change request at the version read, and refuse a stale one', async () => {
      const cr = await store().createChangeRequest(changeRequest(project.id, 'submitted', AT));
      const withdrawn = await store().updateChangeRequest({ ...cr, state: 'withdrawn', decidedAt: LATER }, 1);
      expect(withdrawn).toMatchObject({ state: 'withdrawn', decidedAt: LATER, version: 2 });
      expect(await store().getChangeRequest(cr.id)).toEqual(withdrawn);
      await expect(store().updateChangeRequest({ ...cr, state: 'expired' }, 1)).rejects.toBeInstanceOf(
        ConflictError,
      );
      const withHistory = await store().updateChangeRequest(
        {
          ...withdrawn,
          approvers: [SPONSOR, DELEGATE],
          history: [
            { kind: 'reassigned', from: PM, to: DELEGATE, by: SPONSOR, at: LATER },
            {
              kind: 'applied',
              at: LATER,
              approvedBudget: { from: 100_000.5, to: 150_000.75 },
              forecastFinish: { from: '2026-09-30', to: '2026-10-14' },
            },
          ],
        },
        2,
      );
      expect(await store().getChangeRequest(cr.id)).toEqual(withHistory);
      await expect(store().updateChangeRequest({ ...cr, id: nextId('cr') }, 1)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('should record a decision with its request, and let one of two racing deciders win', async () => {
      const cr = await store().createChangeRequest(changeRequest(project.id, 'submitted', AT));
      const first = decision(cr.id, LATER, 'approved');
      const second = { ...decision(cr.id, LATER, 'rejected'), approver: DELEGATE };
      const results = await Promise.allSettled([
        store().recordDecision({
          decision: first,
          changeRequest: { ...cr, state: 'approved', decidedAt: LATER },
          expectedVersion: 1,
        }),
        store().recordDecision({
          decision: second,
          changeRequest: { ...cr, state: 'rejected', decidedAt: LATER },
          expectedVersion: 1,
        }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      const stored = (await store().getChangeRequest(cr.id))!;
      expect(stored.version).toBe(2);
      const decisions = await store().listDecisions(cr.id);
      expect(decisions).toHaveLength(1);
      expect(decisions[0].decision).toBe(stored.state);
    });

    it('should refuse a decision on an unknown change request with NotFoundError', async () => {
      const ghost = nextId('cr');
      await expect(store().appendDecision(decision(ghost, AT))).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().listDecisions(ghost)).toEqual([]);
    });

    it('should list the decisions of a change request in time order', async () => {
      const cr = await store().createChangeRequest(
        changeRequest(project.id, 'submitted', '2026-03-01T10:00:00.000Z'),
      );
      const otherCr = await store().createChangeRequest(
        changeRequest(other.id, 'submitted', '2026-03-01T10:00:00.000Z'),
      );
      const third = decision(cr.id, '2026-03-05T09:00:00.000Z', 'rejected');
      const first = decision(cr.id, '2026-03-02T09:00:00.000Z');
      const second = decision(cr.id, '2026-03-03T09:00:00.000Z');
      for (const d of [third, first, decision(otherCr.id, '2026-03-01T09:00:00.000Z'), second]) {
        expect(await store().appendDecision(d)).toEqual(d);
      }
      expect(await store().listDecisions(cr.id)).toEqual([first, second, third]);
      expect(await store().listDecisions(otherCr.id)).toHaveLength(1);
    });

    it('should keep decisions of the same second in the order they were recorded', async () => {
      const cr = await store().createChangeRequest(changeRequest(project.id, 'submitted', AT));
      const same = '2026-03-02T09:00:00.000Z';
      const recorded = [decision(cr.id, same), decision(cr.id, same, 'rejected'), decision(cr.id, same)];
      // Ids that sort the other way round, so only the recording order can explain the answer.
      recorded.forEach((d, i) => (d.id = `f0000000-0000-4000-8000-00000000000${9 - i}`));
      for (const d of recorded) await store().appendDecision(d);
      expect((await store().listDecisions(cr.id)).map((d) => d.id)).toEqual(recorded.map((d) => d.id));
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeConcurrentWriters(makeStore: () => Promise<StoreUnderTest>): void {
  describe('concurrent writers', () => {
    const store = freshStore(makeStore);
    const N = 8;

    it('should let exactly one of N updates naming the same version win', async () => {
      const project = await store().createProject(projectInput({ code: 'RACE-001' }));
      const results = await Promise.allSettled(
        Array.from({ length: N }, (_, i) =>
          store().updateProject(project.id, { title: `Writer ${i}` }, 1, LATER),
        ),
      );
      const won = results.filter((r): r is PromiseFulfilledResult<Project> => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(N - 1);
      for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
      expect(await store().getProject(project.id)).toEqual(won[0].value);
      expect(won[0].value.version).toBe(2);
    });

    it('should land N parallel reports for one week as versions 1..N with N-1 revisions (no lost update)', async () => {
      const project = await store().createProject(projectInput({ code: 'RACE-002' }));
      const saves = Array.from({ length: N }, (_, i) =>
        statusSave(project.id, '2026-W11', { accomplishments: `Writer ${i}`, percentComplete: i * 10 }),
      );
      const results = await Promise.all(saves.map((s) => store().saveStatusReport(s)));

      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results.map((r) => r.report.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: N }, (_, i) => i + 1),
      );
      const reportId = results.find((r) => r.created)!.report.id;
      expect(results.every((r) => r.report.id === reportId)).toBe(true);

      const final = (await store().getStatusReport(project.id, '2026-W11' as IsoWeek))!;
      expect(final.version).toBe(N);
      const revisions = await store().listStatusReportRevisions(reportId);
      expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: N - 1 }, (_, i) => i + 1));
      for (const r of revisions) expect(r.snapshot.version).toBe(r.version);
      const answers = [final, ...revisions.map((r) => r.snapshot)].map((r) => r.accomplishments).sort();
      expect(answers).toEqual(saves.map((s) => s.report.accomplishments).sort());

      const stored = (await store().getProject(project.id))!;
      expect(stored.version).toBe(1 + N);
      expect(stored.percentComplete).toBe(final.percentComplete);
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeBatch(makeStore: () => Promise<StoreUnderTest>): void {
  describe('runInBatch (optional)', () => {
    const store = freshStore(makeStore);

    it('should run the work, pass its result through and keep every write', async () => {
      const s = store();
      // Optional in the interface: an adapter without it has nothing to check here.
      if (!s.runInBatch) return;
      const inputs = [1, 2, 3].map((n) => projectInput({ code: `BAT-00${n}` }));
      const result = await s.runInBatch(async () => {
        for (const input of inputs) await s.createProject(input);
        await s.saveStatusReport(statusSave(inputs[0].id, '2026-W11'));
        // Reads inside the batch see its own writes.
        return (await s.queryPortfolio(query())).total;
      });
      expect(result).toBe(3);
      for (const input of inputs) expect(await s.getProject(input.id)).toMatchObject({ code: input.code });
      expect(await s.getStatusReport(inputs[0].id, '2026-W11' as IsoWeek)).toMatchObject({ version: 1 });
    });

    it('should let a nested batch join the outer one', async () => {
      const s = store();
      if (!s.runInBatch) return;
      const input = projectInput({ code: 'BAT-NEST' });
      await s.runInBatch(() => s.runInBatch!(async () => s.createProject(input)));
      expect(await s.getProject(input.id)).toMatchObject({ code: 'BAT-NEST' });
    });
  });
}

// ---------------------------------------------------------------------------------------------------

function describeStatusCycle(makeStore: () => Promise<StoreUnderTest>): void {
  describe('the weekly status cycle', () => {
    const store = freshStore(makeStore);

    const request = (
      projectId: string,
      week: string,
      overrides: Partial<StatusRequest> = {},
    ): StatusRequest => ({
      id: nextId('request'),
      projectId,
      week: week as IsoWeek,
      state: 'pending',
      sentAt: null,
      remindedAt: null,
      escalatedAt: null,
      reason: null,
      cardActivityId: null,
      conversationId: null,
      createdAt: AT,
      version: 1,
      ...overrides,
    });

    it('should file one request per project and week, however many cycles race', async () => {
      const project = await store().createProject(projectInput({ code: 'REQ-001' }));
      const attempts = Array.from({ length: 6 }, () => request(project.id, '2026-W11'));
      const results = await Promise.all(attempts.map((r) => store().createStatusRequest(r)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)!.request;
      for (const r of results) expect(r.request).toEqual(winner);
      expect(await store().findStatusRequest(project.id, '2026-W11' as IsoWeek)).toEqual(winner);
      expect(await store().getStatusRequest(winner.id)).toEqual(winner);
      expect(await store().listStatusRequests({ week: '2026-W11' as IsoWeek })).toEqual([winner]);
    });

    it('should refuse a request for an unknown project', async () => {
      await expect(
        store().createStatusRequest(request(nextId('project'), '2026-W11')),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('should update a request at the version read, and refuse a stale one', async () => {
      const project = await store().createProject(projectInput({ code: 'REQ-002' }));
      const { request: filed } = await store().createStatusRequest(request(project.id, '2026-W11'));
      const sent = await store().updateStatusRequest(
        { ...filed, sentAt: LATER, cardActivityId: 'activity-1', conversationId: 'a:conv' },
        1,
      );
      expect(sent).toMatchObject({
        version: 2,
        sentAt: LATER,
        cardActivityId: 'activity-1',
        conversationId: 'a:conv',
      });
      expect(await store().getStatusRequest(filed.id)).toEqual(sent);
      await expect(store().updateStatusRequest({ ...filed, state: 'overdue' }, 1)).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(
        store().updateStatusRequest({ ...filed, id: nextId('request') }, 1),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('should list requests by week, state and project, oldest week first', async () => {
      const a = await store().createProject(projectInput({ code: 'REQ-A' }));
      const b = await store().createProject(projectInput({ code: 'REQ-B' }));
      await store().createStatusRequest(request(a.id, '2026-W12', { state: 'overdue' }));
      await store().createStatusRequest(request(a.id, '2026-W11', { state: 'submitted' }));
      await store().createStatusRequest(request(b.id, '2026-W11', { state: 'excused', reason: 'On hold' }));
      const all = await store().listStatusRequests({});
      expect(all.map((r) => r.week)).toEqual(['2026-W11', '2026-W11', '2026-W12']);
      expect(
        (await store().listStatusRequests({ states: ['excused', 'overdue'] })).map((r) => r.state),
      ).toEqual(['excused', 'overdue']);
      expect(await store().listStatusRequests({ projectId: b.id })).toHaveLength(1);
      expect(await store().listStatusRequests({ week: '2026-W13' as IsoWeek })).toEqual([]);
      expect(await store().listStatusRequests({ projectId: "x' or '1' eq '1" })).toEqual([]);
    });

    it('should mark a person away and back, keeping it through later sign-ins', async () => {
      const someone = await store().upsertPerson(person(40, 'Avery Away'));
      expect(await store().setAway(someone.id, '2026-03-20')).toMatchObject({ awayUntil: '2026-03-20' });
      await store().upsertPerson({ id: someone.id, name: 'Avery Away', email: someone.email });
      expect((await store().getPerson(someone.id))?.awayUntil).toBe('2026-03-20');
      const back = await store().setAway(someone.id, null);
      expect(back.awayUntil).toBeUndefined();
      await expect(store().setAway(nextId('person'), '2026-03-20')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('should keep, replace and remove where the bot reaches someone', async () => {
      const record: ConversationRecord = {
        key: PM.id,
        kind: 'personal',
        conversationId: 'a:1Xq-very-long-conversation-id'.padEnd(300, 'x'),
        serviceUrl: 'https://smba.trafficmanager.net/teams/',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        reference: JSON.stringify({ conversation: { id: 'a:1' }, user: { id: '29:1' } }),
        updatedAt: AT,
      };
      await store().saveConversation(record);
      expect(await store().getConversation(PM.id)).toEqual(record);
      const moved = { ...record, conversationId: 'a:2', updatedAt: LATER };
      await store().saveConversation(moved);
      expect(await store().getConversation(PM.id)).toEqual(moved);
      await store().deleteConversation(PM.id);
      expect(await store().getConversation(PM.id)).toBeUndefined();
      await store().deleteConversation(PM.id); // removing twice is fine (an uninstall retried)
    });

    it('should let exactly one sender claim a delivery, and record how it ended', async () => {
      const delivery: DeliveryRecord = {
        key: 'statusRequest:abc',
        purpose: 'statusRequest',
        recipientId: PM.id,
        conversationId: 'a:1',
        state: 'sending',
        attempts: 0,
        lastError: null,
        activityId: null,
        createdAt: AT,
        updatedAt: AT,
      };
      const claims = await Promise.all(Array.from({ length: 5 }, () => store().claimDelivery(delivery)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store().getDelivery(delivery.key)).toEqual(delivery);
      const sent = {
        ...delivery,
        state: 'sent' as const,
        attempts: 2,
        activityId: '1:abc',
        updatedAt: LATER,
      };
      await store().saveDelivery(sent);
      expect(await store().getDelivery(delivery.key)).toEqual(sent);
      expect(await store().claimDelivery(delivery)).toBe(false);
      expect(await store().getDelivery('nothing')).toBeUndefined();
    });
  });
}

function describeStakeholders(makeStore: () => Promise<StoreUnderTest>): void {
  describe('the stakeholder register', () => {
    const store = freshStore(makeStore);

    const entry = (scope: Stakeholder['scope'], overrides: Partial<Stakeholder> = {}): Stakeholder => ({
      id: nextId('stakeholder'),
      scope,
      person: SPONSOR,
      address: null,
      channelId: null,
      role: 'sponsor',
      channel: 'teamsChat',
      frequency: 'weekly',
      version: 1,
      ...overrides,
    });

    it('should create, read back and list by project and by program', async () => {
      const project = { kind: 'project' as const, id: nextId('project') };
      const other = { kind: 'project' as const, id: nextId('project') };
      const program = { kind: 'program' as const, id: 'Apollo' };
      const sponsor = await store().createStakeholder(entry(project));
      const customer = await store().createStakeholder(
        entry(project, {
          person: null,
          address: 'buyer@fabrikam.example',
          role: 'customer',
          channel: 'email',
        }),
      );
      const channel = await store().createStakeholder(
        entry(other, {
          person: null,
          channelId: '19:abc@thread.tacv2',
          role: 'team',
          channel: 'teamsChannel',
        }),
      );
      const steering = await store().createStakeholder(
        entry(program, { person: PM, role: 'steering', channel: 'email', frequency: 'monthly' }),
      );
      expect(sponsor).toMatchObject({ version: 1, person: SPONSOR, address: null, channelId: null });
      expect(await store().getStakeholder(customer.id)).toEqual(customer);
      expect(await store().getStakeholder(nextId('stakeholder'))).toBeUndefined();
      const byId = (a: Stakeholder, b: Stakeholder) => compareText(a.id, b.id);
      expect(await store().listStakeholders({ projectId: project.id })).toEqual(
        [sponsor, customer].sort(byId),
      );
      expect(await store().listStakeholders({ program: 'Apollo' })).toEqual([steering]);
      expect(await store().listStakeholders({ program: 'apollo' })).toEqual([]);
      expect(await store().listStakeholders({ projectId: other.id, program: 'Apollo' })).toEqual([
        steering,
        channel,
      ]);
      expect(await store().listStakeholders({})).toHaveLength(4);
      expect(await store().listStakeholders({ projectId: "x' or '1' eq '1" })).toEqual([]);
    });

    it('should refuse a second entry with the same scope, recipient and channel, however many race', async () => {
      const project = { kind: 'project' as const, id: nextId('project') };
      const attempts = Array.from({ length: 4 }, () => entry(project));
      const results = await Promise.allSettled(attempts.map((e) => store().createStakeholder(e)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      // The same person by another channel, or in another register, is a different entry.
      await store().createStakeholder(entry(project, { channel: 'email' }));
      await store().createStakeholder(entry({ kind: 'program', id: project.id }));
      // An address is one recipient whatever its case, and the same as a person with that email.
      await expect(
        store().createStakeholder(
          entry(project, { person: null, address: SPONSOR.email.toUpperCase(), channel: 'email' }),
        ),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await store().listStakeholders({ projectId: project.id })).toHaveLength(2);
    });

    it('should update at the version read and refuse a stale one or a duplicate, changing nothing', async () => {
      const project = { kind: 'project' as const, id: nextId('project') };
      const first = await store().createStakeholder(entry(project));
      const second = await store().createStakeholder(entry(project, { person: DELEGATE, role: 'team' }));
      const updated = await store().updateStakeholder({ ...first, frequency: 'monthly', version: 9 }, 1);
      expect(updated).toEqual({ ...first, frequency: 'monthly', version: 2 });
      expect(await store().getStakeholder(first.id)).toEqual(updated);
      await expect(store().updateStakeholder({ ...first, role: 'other' }, 1)).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(store().updateStakeholder({ ...second, person: SPONSOR }, 1)).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await store().getStakeholder(second.id)).toEqual(second);
      await expect(
        store().updateStakeholder({ ...first, id: nextId('stakeholder') }, 1),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('should delete at the version read, refuse a stale one, and free the key', async () => {
      const project = { kind: 'project' as const, id: nextId('project') };
      const created = await store().createStakeholder(entry(project));
      const moved = await store().updateStakeholder({ ...created, frequency: 'fortnightly' }, 1);
      await expect(store().deleteStakeholder(created.id, 1)).rejects.toBeInstanceOf(ConflictError);
      expect(await store().getStakeholder(created.id)).toEqual(moved);
      await store().deleteStakeholder(created.id, 2);
      expect(await store().getStakeholder(created.id)).toBeUndefined();
      await expect(store().deleteStakeholder(created.id, 2)).rejects.toBeInstanceOf(NotFoundError);
      await store().createStakeholder(entry(project));
      expect(await store().listStakeholders({ projectId: project.id })).toHaveLength(1);
    });
  });
}
