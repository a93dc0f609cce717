import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError } from '../../api/domain/errors';
import type { IsoWeek } from '../../api/domain/iso-week';
import type { PortfolioQuery } from '../../api/domain/portfolio';
import { MIGRATIONS } from '../../api/store/sqlite/migrations';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import { changeRequest, decision, projectInput, rag, statusSave } from './contract-fixtures';
import { describeStoreContract } from './store-contract';

const portfolioQuery = (): PortfolioQuery => ({
  filter: {},
  sort: 'code',
  order: 'asc',
  page: 1,
  pageSize: 50,
  staleBefore: '2026-W10' as IsoWeek,
});

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-hub-store-'));
}

describeStoreContract('sqlite (:memory:)', async () => ({ store: new SqliteStore({ path: ':memory:' }) }));

describeStoreContract('sqlite (file, WAL)', async () => {
  const dir = tempDir();
  const store = new SqliteStore({ path: path.join(dir, 'nested', 'pmo-hub.db') });
  return { store, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
});

describe('SqliteStore', () => {
  const LAST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1].version;
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should number migrations 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('should record the last migration as the schema version', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    expect(store.schemaVersion).toBe(LAST_MIGRATION);
    await store.close();
  });

  it('should open an existing file without running its migrations again', async () => {
    const file = path.join(dir, 'pmo.db');
    const first = new SqliteStore({ path: file });
    const project = await first.createProject(projectInput({ code: 'KEEP-001' }));
    await first.close();

    // Re-running migration 1 would fail on CREATE TABLE; the data must survive the reopen untouched.
    const second = new SqliteStore({ path: file });
    expect(second.schemaVersion).toBe(LAST_MIGRATION);
    expect(await second.getProject(project.id)).toEqual(project);
    await second.close();
  });

  it('should bring a version-1 file up to date, filling what the new columns derive', async () => {
    const file = path.join(dir, 'v1.db');
    const store = new SqliteStore({ path: file });
    await store.createProject(projectInput({ code: 'OLD-001', phase: 'planning' }));
    await store.createProject(projectInput({ code: 'OLD-002', phase: 'initiation' }));
    const old = await store.createProject(projectInput({ code: 'OLD-003', phase: 'closure' }));
    await store.saveStatusReport(statusSave(old.id, '2026-W09', { rag: rag('amber') }));
    // Turn the file back into what migration 1 alone left.
    store.connection.exec(`
      DROP INDEX projects_phase_rank;
      DROP INDEX projects_phase;
      CREATE INDEX projects_phase ON projects(phase, code);
      ALTER TABLE projects DROP COLUMN phase_rank;
      ALTER TABLE people DROP COLUMN away_until;
      DROP INDEX status_reports_week;
      DROP INDEX raid_items_kind;
      ALTER TABLE status_reports DROP COLUMN overall_rag;
      DROP TABLE status_requests;
      DROP TABLE conversations;
      DROP TABLE deliveries;
      DROP TABLE stakeholders;
      PRAGMA user_version = 1;
    `);
    await store.close();

    const reopened = new SqliteStore({ path: file });
    expect(reopened.schemaVersion).toBe(LAST_MIGRATION);
    const page = await reopened.queryPortfolio({ ...portfolioQuery(), sort: 'phase' });
    expect(page.items.map((p) => p.code)).toEqual(['OLD-002', 'OLD-001', 'OLD-003']);
    expect(await reopened.listRagHistory(['2026-W09' as IsoWeek])).toEqual([
      { projectId: old.id, week: '2026-W09', overall: 'amber' },
    ]);
    await reopened.close();
  });

  it('should use write-ahead logging on a file', async () => {
    const store = new SqliteStore({ path: path.join(dir, 'wal.db') });
    expect(store.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
  });

  it('should see writes from a second connection to the same file and still refuse a stale version', async () => {
    const file = path.join(dir, 'shared.db');
    const a = new SqliteStore({ path: file });
    const b = new SqliteStore({ path: file });
    const project = await a.createProject(projectInput({ code: 'TWO-001' }));
    await b.updateProject(project.id, { title: 'From B' }, 1, '2026-03-11T11:00:00.000Z');
    await expect(
      a.updateProject(project.id, { title: 'From A' }, 1, '2026-03-11T11:00:00.000Z'),
    ).rejects.toMatchObject({
      kind: 'conflict',
      currentVersion: 2,
    });
    expect((await a.getProject(project.id))?.title).toBe('From B');
    await a.close();
    await b.close();
  });

  it('should refresh cached roll-ups after its own writes and after commits from another connection', async () => {
    const file = path.join(dir, 'rollups.db');
    const a = new SqliteStore({ path: file });
    const b = new SqliteStore({ path: file });
    const first = await a.createProject(projectInput({ code: 'ROL-001' }));
    expect((await a.queryPortfolio(portfolioQuery())).totals.projects).toBe(1);
    expect((await a.queryPortfolio(portfolioQuery())).totals.projects).toBe(1); // served from the cache

    await a.createProject(projectInput({ code: 'ROL-002' })); // own write
    expect((await a.queryPortfolio(portfolioQuery())).totals.projects).toBe(2);

    await b.createProject(projectInput({ code: 'ROL-003' })); // another process's commit
    expect((await a.queryPortfolio(portfolioQuery())).totals.projects).toBe(3);

    await b.updateProject(first.id, { program: 'Moved' }, 1, '2026-03-11T11:00:00.000Z');
    const after = await a.queryPortfolio(portfolioQuery());
    expect(after.byProgram.map((g) => g.key)).toContain('Moved');
    await a.close();
    await b.close();
  });

  it('should not keep roll-ups computed inside a batch that rolled back', async () => {
    const store = new SqliteStore({ path: path.join(dir, 'batch-rollups.db') });
    await store.createProject(projectInput({ code: 'KEEP-001' }));
    await expect(
      store.runInBatch(async () => {
        await store.createProject(projectInput({ code: 'GONE-001' }));
        expect((await store.queryPortfolio(portfolioQuery())).totals.projects).toBe(2);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect((await store.queryPortfolio(portfolioQuery())).totals.projects).toBe(1);
    await store.close();
  });

  it('should roll a whole batch back when its work throws', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const input = projectInput({ code: 'BAT-RB' });
    await expect(
      store.runInBatch(async () => {
        await store.createProject(input);
        throw new Error('seeding failed half way');
      }),
    ).rejects.toThrow('seeding failed half way');
    expect(await store.getProject(input.id)).toBeUndefined();
    expect(store.connection.inTransaction).toBe(false);
    await store.close();
  });

  it('should undo only a refused write inside a batch', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const first = projectInput({ code: 'BAT-1' });
    const second = projectInput({ code: 'BAT-2' });
    await store.runInBatch(async () => {
      await store.createProject(first);
      await expect(store.createProject({ ...second, code: 'BAT-1' })).rejects.toBeInstanceOf(ConflictError);
      await store.createProject(second);
    });
    expect((await store.queryPortfolio(portfolioQuery())).items.map((p) => p.code)).toEqual([
      'BAT-1',
      'BAT-2',
    ]);
    await store.close();
  });

  it('should keep decisions append-only in the database itself', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const project = await store.createProject(projectInput({ code: 'AUD-001' }));
    const cr = await store.createChangeRequest(
      changeRequest(project.id, 'submitted', '2026-03-01T10:00:00.000Z'),
    );
    const d = await store.appendDecision(decision(cr.id, '2026-03-02T10:00:00.000Z', 'rejected'));

    expect(() =>
      store.connection.prepare("UPDATE decisions SET body_json = '{}' WHERE id = ?").run(d.id),
    ).toThrow(/append-only/);
    expect(() => store.connection.prepare('DELETE FROM decisions WHERE id = ?').run(d.id)).toThrow(
      /append-only/,
    );
    expect(await store.listDecisions(cr.id)).toEqual([d]);
    await store.close();
  });
});
