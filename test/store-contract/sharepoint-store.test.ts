/**
 * What the SharePoint store does on the wire, beyond the shared contract: the Graph requests it makes
 * (counted in the fake Graph's log), batching, eTags, throttling, provisioning and hostile filter text.
 */
import { ConflictError, UnavailableError } from '../../api/domain/errors';
import type { IsoWeek } from '../../api/domain/iso-week';
import type { PortfolioQuery } from '../../api/domain/portfolio';
import { serviceContext } from '../../api/services/context';
import type { StatusNotifier } from '../../api/services/status-cycle-service';
import { StatusCycleService } from '../../api/services/status-cycle-service';
import { GraphRequestError } from '../../api/store/sharepoint/graph-errors';
import { listSpec, SCHEMA_VERSION } from '../../api/store/sharepoint/list-schema';
import { provisionSharePoint } from '../../api/store/sharepoint/provisioning';
import { SharePointStore } from '../../api/store/sharepoint/sharepoint-store';
import type { RequestLogEntry } from '../fakes/fake-graph/types';
import type { SharePointHarness } from '../support/sharepoint-harness';
import { startSharePoint } from '../support/sharepoint-harness';
import { person, projectInput, risk, statusSave } from './contract-fixtures';

const query = (overrides: Partial<PortfolioQuery> = {}): PortfolioQuery => ({
  filter: {},
  sort: 'code',
  order: 'asc',
  page: 1,
  pageSize: 50,
  staleBefore: '2026-W10' as IsoWeek,
  ...overrides,
});

/** The lists' ids on the fake site, by display name. */
async function listIds(h: SharePointHarness): Promise<Map<string, string>> {
  const res = await fetch(`${h.fake.graphRoot}/sites/${h.siteId}/lists?$select=id,displayName`);
  const body = (await res.json()) as { value: Array<{ id: string; displayName: string }> };
  return new Map(body.value.map((l) => [l.displayName, l.id]));
}

/** A projects list as an older or hand-made set-up left it, before PMO Hub provisions the site. */
async function createProjectsList(
  h: SharePointHarness,
  columns: Array<Record<string, unknown>>,
): Promise<void> {
  const res = await fetch(`${h.fake.graphRoot}/sites/${h.siteId}/lists`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: 'PMO Projects', columns, list: { template: 'genericList' } }),
  });
  expect(res.status).toBe(201);
}

const itemsOf = (path: string) => /\/lists\/[^/]+\/items/.test(path);
const writes = (log: RequestLogEntry[]) =>
  log
    .flatMap((r) =>
      r.batch ? r.batch.map((b) => ({ method: b.method, url: b.url })) : [{ method: r.method, url: r.path }],
    )
    .filter((r) => r.method !== 'GET');

describe('SharePointStore on the fake Graph', () => {
  let h: SharePointHarness;
  let store: SharePointStore;

  beforeEach(async () => {
    h = await startSharePoint();
    store = await h.open();
    h.fake.resetLog();
  });
  afterEach(async () => {
    await store.close();
    await h.close();
  });

  describe('reads', () => {
    it('should load a portfolio of N projects in ceil(N / page size) requests, fields selected, no request per item', async () => {
      const small = await h.open({ pageSize: 50 });
      await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          small.createProject(projectInput({ code: `P-${String(i).padStart(3, '0')}` })),
        ),
      );
      h.fake.resetLog();
      const page = await small.queryPortfolio(query({ pageSize: 10, page: 3 }));
      expect(page.total).toBe(120);
      expect(page.items.map((p) => p.code)).toEqual(Array.from({ length: 10 }, (_, i) => `P-0${20 + i}`));
      expect(h.fake.requests).toHaveLength(Math.ceil(120 / 50));
      for (const r of h.fake.requests) {
        expect(r.method).toBe('GET');
        expect(itemsOf(r.path)).toBe(true);
      }
      const first = h.fake.requests[0];
      expect(first.query.$top).toBe('50');
      expect(first.query.$expand).toMatch(/^fields\(\$select=Title,PmoId,Code,/);
      expect(first.query.$filter).toBeUndefined();
    });

    it('should read the RAG trend of a portfolio in one query per page: three fields, filtered on the indexed Week', async () => {
      const small = await h.open({ pageSize: 50 });
      const projects = await Promise.all(
        Array.from({ length: 30 }, (_, i) => small.createProject(projectInput({ code: `T-${i}` }))),
      );
      await Promise.all(
        projects.map(async (p) => {
          for (const week of ['2026-W09', '2026-W10', '2026-W11']) {
            await small.saveStatusReport(statusSave(p.id, week, {}, { withProjectUpdate: false }));
          }
        }),
      );
      h.fake.resetLog();
      const history = await small.listRagHistory(['2026-W10', '2026-W11'] as IsoWeek[]);
      expect(history).toHaveLength(60);
      expect(new Set(history.map((e) => e.week))).toEqual(new Set(['2026-W10', '2026-W11']));
      expect(h.fake.requests).toHaveLength(Math.ceil(60 / 50));
      for (const r of h.fake.requests) expect(r.status).toBe(200);
      expect(h.fake.requests[0].query.$expand).toBe('fields($select=ProjectId,Week,OverallRag)');
      expect(h.fake.requests[0].query.$filter).toBe(
        "(fields/Week eq '2026-W10' or fields/Week eq '2026-W11')",
      );
    });

    it('should read one RAID kind across projects in one query, filtered on the indexed status', async () => {
      const projects = await Promise.all(
        ['X-1', 'X-2', 'X-3'].map((code) => store.createProject(projectInput({ code }))),
      );
      for (const p of projects) {
        await store.createRaidItem(risk(p.id, `Open ${p.code}`));
        await store.createRaidItem({ ...risk(p.id, `Closed ${p.code}`), status: 'closed' });
      }
      h.fake.resetLog();
      const open = await store.listRaidItemsOfKind('risk', { statuses: ['open', 'mitigating'] });
      expect(open.map((r) => r.title).sort()).toEqual(['Open X-1', 'Open X-2', 'Open X-3']);
      expect(h.fake.requests).toHaveLength(1);
      expect(h.fake.requests[0].status).toBe(200);
      expect(h.fake.requests[0].query.$filter).toBe(
        "(fields/RaidStatus eq 'open' or fields/RaidStatus eq 'mitigating')",
      );
    });

    it('should merge lookups made at the same moment into one filtered query', async () => {
      const projects = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.createProject(projectInput({ code: `M-${i}` }))),
      );
      h.fake.resetLog();
      const found = await Promise.all(projects.map((p) => store.getProject(p.id)));
      expect(found.map((p) => p?.code)).toEqual(projects.map((p) => p.code));
      // 30 ids, 15 per query, both queries in one $batch.
      expect(h.fake.requests).toHaveLength(1);
      expect(h.fake.requests[0].batch).toHaveLength(2);
    });

    it('should treat hostile text as data in every $filter it sends', async () => {
      await store.createProject(projectInput({ code: 'REAL-1' }));
      const hostile = [
        "x' or fields/Code ne 'y",
        "REAL-1' or '1' eq '1",
        '%27',
        'Zoë 東京 🚀',
        "')",
        'REAL-1\u0000',
      ];
      for (const code of hostile) {
        h.fake.resetLog();
        expect(await store.getProjectByCode(code)).toBeUndefined();
        const [request] = h.fake.requests;
        expect(request.status).toBe(200);
        expect(request.query.$filter).toBe(`fields/Code eq '${code.replace(/'/g, "''")}'`);
      }
      expect(await store.findPersonByEmail("a'b@example.com' or fields/EmailKey ne 'x")).toBeUndefined();
      // SharePoint compares text without case; the store answers only exact matches.
      expect(await store.getProjectByCode('real-1')).toBeUndefined();
      expect((await store.getProjectByCode('REAL-1'))?.code).toBe('REAL-1');
    });

    it('should filter only on indexed columns (the fake refuses anything else)', async () => {
      const p = await store.createProject(projectInput({ code: 'IDX-1' }));
      await store.saveStatusReport(statusSave(p.id, '2026-W11'));
      await store.listStatusReports(p.id);
      await store.listChangeRequests({ projectId: p.id, state: ['submitted', 'approved'] });
      await store.findPersonByEmail('x@example.com');
      const filtered = h.fake.requests.flatMap((r) => [r, ...(r.batch ?? [])]).filter((r) => r.status >= 400);
      expect(filtered).toEqual([]);
    });
  });

  describe('writes', () => {
    it('should file a new report and its project fields in one $batch, the project update depending on the report', async () => {
      const p = await store.createProject(projectInput({ code: 'BAT-1' }));
      h.fake.resetLog();
      const saved = await store.saveStatusReport(statusSave(p.id, '2026-W11'));
      expect(saved.created).toBe(true);
      expect(saved.project.latestStatus?.week).toBe('2026-W11');
      // One read (project and report lookups batched), one write batch.
      expect(h.fake.requests).toHaveLength(2);
      const [, write] = h.fake.requests;
      expect(write.path).toBe('/v1.0/$batch');
      expect(write.batch?.map((b) => `${b.method} ${b.status}`)).toEqual(['POST 201', 'PATCH 200']);
    });

    it('should replace a report with If-Match, keeping the old answer as a revision, all in one $batch', async () => {
      const p = await store.createProject(projectInput({ code: 'BAT-2' }));
      await store.saveStatusReport(statusSave(p.id, '2026-W11', { accomplishments: 'first' }));
      h.fake.resetLog();
      const saved = await store.saveStatusReport(statusSave(p.id, '2026-W11', { accomplishments: 'second' }));
      expect(saved).toMatchObject({ created: false, report: { version: 2, accomplishments: 'second' } });
      const write = h.fake.requests[1];
      expect(write.batch?.map((b) => `${b.method} ${b.status}`)).toEqual([
        'PATCH 200',
        'POST 201',
        'PATCH 200',
      ]);
      const revisions = await store.listStatusReportRevisions(saved.report.id);
      expect(revisions.map((r) => r.snapshot.accomplishments)).toEqual(['first']);
    });

    it('should turn a 412 (another writer won) into a ConflictError and change nothing', async () => {
      const p = await store.createProject(projectInput({ code: 'ETAG-1' }));
      const other = await h.open();
      const [a, b] = await Promise.allSettled([
        store.updateProject(p.id, { title: 'Mine' }, 1, '2026-03-11T11:00:00.000Z'),
        other.updateProject(p.id, { title: 'Theirs' }, 1, '2026-03-11T11:00:00.000Z'),
      ]);
      const outcomes = [a, b].map((r) => r.status);
      expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
      const lost = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect(h.fake.requests.flatMap((r) => [r, ...(r.batch ?? [])]).some((r) => r.status === 412)).toBe(
        true,
      );
      expect((await store.getProject(p.id))?.version).toBe(2);
    });

    it('should let SharePoint decide a race for the same project code between two servers', async () => {
      const other = await h.open();
      const results = await Promise.allSettled([
        store.createProject(projectInput({ code: 'DUP-1' })),
        other.createProject(projectInput({ code: 'DUP-1' })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect(h.fake.itemsOf(h.siteId, 'PMO Projects')).toHaveLength(1);
    });
  });

  describe('throttling and faults', () => {
    it('should retry a 429 inside a $batch after its Retry-After, and land every write', async () => {
      const p = await store.createProject(projectInput({ code: 'THR-1' }));
      h.fake.injectFault({
        status: 429,
        retryAfter: '2.128',
        count: 2,
        match: (r) => r.method === 'PATCH',
      });
      const saved = await store.saveStatusReport(statusSave(p.id, '2026-W11'));
      expect(saved.project.latestStatus?.week).toBe('2026-W11');
      expect((await store.getProject(p.id))?.latestStatus?.week).toBe('2026-W11');
      expect(h.timing.waits.filter((w) => w >= 2128 && w <= 2128 + 213)).toHaveLength(2);
    });

    it('should retry a throttled request inside a $batch together with the requests that depended on it (424)', async () => {
      const p = await store.createProject(projectInput({ code: 'THR-424' }));
      h.fake.injectFault({ status: 429, retryAfter: '0.5', match: (r) => r.inBatch && r.method === 'POST' });
      const saved = await store.saveStatusReport(statusSave(p.id, '2026-W11'));
      expect(saved.project.latestStatus?.week).toBe('2026-W11');
      const [first, again] = h.fake.requests.filter((r) => r.batch?.some((b) => b.method !== 'GET'));
      expect(first.batch?.map((b) => b.status)).toEqual([429, 424]);
      expect(again.batch?.map((b) => `${b.method} ${b.status}`)).toEqual(['POST 201', 'PATCH 200']);
      expect(h.fake.itemsOf(h.siteId, 'PMO Status Reports')).toHaveLength(1);
    });

    it('should identify itself to SharePoint in every request', async () => {
      const seen: string[] = [];
      const original = globalThis.fetch;
      const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
        seen.push(new Headers(init?.headers).get('User-Agent') ?? '(none)');
        return original(input, init);
      });
      try {
        await store.isEmpty();
        await Promise.all([store.getProject('a'), store.getProject('b'), store.getPerson('c')]);
      } finally {
        spy.mockRestore();
      }
      expect(seen.length).toBeGreaterThan(0);
      for (const agent of seen) expect(agent).toBe('ISV|PMO Hub|PmoHub/0.1');
    });

    it('should retry a throttled request (429, then 503) and succeed', async () => {
      h.fake.injectFault({ status: 429, retryAfter: '1' });
      h.fake.injectFault({ status: 503 });
      const p = await store.createProject(projectInput({ code: 'THR-2' }));
      expect(await store.getProject(p.id)).toMatchObject({ code: 'THR-2' });
      expect(h.timing.waits.length).toBeGreaterThanOrEqual(2);
    });

    it('should give up after its attempts with UnavailableError, having written nothing', async () => {
      const p = await store.createProject(projectInput({ code: 'THR-3' }));
      h.fake.injectFault({ status: 429, retryAfter: '3', count: 1000, match: (r) => r.method !== 'GET' });
      await expect(store.saveStatusReport(statusSave(p.id, '2026-W11'))).rejects.toBeInstanceOf(
        UnavailableError,
      );
      expect(h.fake.itemsOf(h.siteId, 'PMO Status Reports')).toHaveLength(0);
      const error = await store.saveStatusReport(statusSave(p.id, '2026-W11')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnavailableError);
      expect((error as UnavailableError).retryAfterSeconds).toBe(3);
    });

    it('should report a failure of the project update inside the batch, never ignore it', async () => {
      const p = await store.createProject(projectInput({ code: 'PART-1' }));
      h.fake.injectFault({
        status: 500,
        code: 'generalException',
        match: (r) => r.inBatch && r.method === 'PATCH',
      });
      const error = await store.saveStatusReport(statusSave(p.id, '2026-W11')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphRequestError);
      expect((error as GraphRequestError).status).toBe(500);
    });
  });

  describe('provisioning', () => {
    it('should create every list with typed columns and index the ones queries filter on', async () => {
      const ids = await listIds(h);
      const projects = ids.get('PMO Projects')!;
      const res = await fetch(`${h.fake.graphRoot}/sites/${h.siteId}/lists/${projects}/columns`);
      const columns = ((await res.json()) as { value: Array<Record<string, unknown>> }).value;
      const column = (name: string) => columns.find((c) => c.name === name)!;
      expect(column('Code')).toMatchObject({
        indexed: true,
        enforceUniqueValues: true,
        text: { allowMultipleLines: false },
      });
      expect(column('Description')).toMatchObject({ text: { allowMultipleLines: true } });
      expect(column('BudgetApproved').currency).toEqual({ locale: 'en-gb' });
      expect(column('StartDate').dateTime).toMatchObject({ format: 'dateOnly' });
      expect(column('CreatedAt').dateTime).toMatchObject({ format: 'dateTime' });
      expect(column('Phase')).toMatchObject({
        indexed: true,
        choice: { choices: ['initiation', 'planning', 'execution', 'closure'] },
      });
      expect(column('PercentComplete').number).toBeDefined();
      for (const spec of listSpec('projects').columns.filter((c) => c.indexed)) {
        expect(column(spec.name).indexed).toBe(true);
      }
      const reports = ids.get('PMO Status Reports')!;
      const reportColumns = (
        (await (await fetch(`${h.fake.graphRoot}/sites/${h.siteId}/lists/${reports}/columns`)).json()) as {
          value: Array<Record<string, unknown>>;
        }
      ).value;
      expect(reportColumns.find((c) => c.name === 'OverallOverridden')?.boolean).toEqual({});
    });

    it('should change nothing on a second run, and say so', async () => {
      h.fake.resetLog();
      const report = await provisionSharePoint(h.executor, { id: h.siteId }, { currencyLocale: 'en-gb' });
      expect(report).toMatchObject({
        unchanged: true,
        listsCreated: [],
        columnsAdded: [],
        columnsIndexed: [],
      });
      expect(writes(h.fake.requests)).toEqual([]);
    });

    it('should add what an older site lacks and index what it left unindexed', async () => {
      const bare = await startSharePoint({ provision: false });
      try {
        // An older PMO Hub made the projects list with two columns, Code not indexed.
        await createProjectsList(bare, [
          { name: 'PmoId', text: {}, indexed: true },
          { name: 'Code', text: {} },
        ]);
        await expect(
          SharePointStore.open({ executor: bare.executor, site: { id: bare.siteId } }),
        ).rejects.toThrow(/npm run provision:sharepoint/);
        const report = await provisionSharePoint(
          bare.executor,
          { id: bare.siteId },
          { currencyLocale: 'en-us' },
        );
        expect(report.unchanged).toBe(false);
        expect(report.columnsIndexed).toEqual(['PMO Projects.Code']);
        expect(report.columnsAdded).toContain('PMO Projects.Program');
        expect(report.listsCreated).toContain('PMO Stakeholders');
        expect(report.schemaVersion).toEqual({ before: undefined, after: SCHEMA_VERSION });
        const opened = await SharePointStore.open({ executor: bare.executor, site: { id: bare.siteId } });
        expect(await opened.isEmpty()).toBe(true);
      } finally {
        await bare.close();
      }
    });

    it('should refuse to retype a column that holds a PMO’s data', async () => {
      const bare = await startSharePoint({ provision: false });
      try {
        await createProjectsList(bare, [{ name: 'PercentComplete', text: {} }]);
        await expect(
          provisionSharePoint(bare.executor, { id: bare.siteId }, { currencyLocale: 'en-us' }),
        ).rejects.toThrow(/PMO Projects.PercentComplete is of type text but PMO Hub needs number/);
      } finally {
        await bare.close();
      }
    });
  });

  it('should let the weekly cycle pass every minute for two Graph requests once this week is filed', async () => {
    const clock = { now: () => new Date('2026-03-13T12:00:00Z') }; // Friday after 10:00 London: all due
    const ctx = serviceContext(store, { clock, pmoTimeZone: 'Europe/London' });
    const notifier: StatusNotifier = {
      requestStatus: async () => ({ delivered: false, reason: 'No conversation in this test.' }),
      escalate: async () => undefined,
    };
    const cycle = new StatusCycleService(ctx, notifier);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.createProject(projectInput({ code: `CYC-${i}` }))),
    );
    expect(await cycle.run()).toMatchObject({ undeliverable: 30 });
    h.fake.resetLog();
    expect(await cycle.run()).toMatchObject({ sent: 0, undeliverable: 0 });
    // The projects (one page) and this week's requests (one query): not one request per project.
    expect(h.fake.requests).toHaveLength(2);
  });

  it('should keep people lookups exact and merge what a sign-in leaves out', async () => {
    const someone = person(9, 'Zoë Example', { department: 'Finance' });
    await store.upsertPerson(someone);
    const updated = await store.upsertPerson({ id: someone.id, name: 'Zoë E.', email: someone.email });
    expect(updated).toMatchObject({ name: 'Zoë E.', department: 'Finance' });
    expect(await store.findPersonByEmail(someone.email.toUpperCase())).toMatchObject({ id: someone.id });
  });
});
