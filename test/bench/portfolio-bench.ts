/**
 * npm run bench — portfolio and status-submission latency over real HTTP against 5,000 projects × 52
 * weeks, next to the bare SQL that reads the same page (the floor the API cannot beat).
 * Options: --projects N --weeks N --samples N. Ends with one JSON line of the figures.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildProduct } from '../../api/app-factory';
import { loadConfig } from '../../api/config/config';
import { DEMO_PMO_HEAD_EMAIL, DEMO_PMO_ROLES, generateDemoData } from '../../api/seed/demo-data';
import { seedStore } from '../../api/seed/seed-store';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import { peakRssMb, summary, timeEach } from './bench-stats';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      projects: { type: 'string', default: '5000' },
      weeks: { type: 'string', default: '52' },
      samples: { type: 'string', default: '300' },
    },
  });
  const projects = Number(values.projects);
  const weeks = Number(values.weeks);
  const samples = Number(values.samples);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-bench-'));
  const dbPath = path.join(dir, 'bench.db');
  const now = new Date();
  const pmoTimeZone = 'Europe/London';

  console.log(`Seeding ${projects} projects × ${weeks} weeks into ${dbPath} …`);
  const t = performance.now();
  const store = new SqliteStore({ path: dbPath });
  const data = generateDemoData({ projects, weeks, seed: 7, now, pmoTimeZone });
  await seedStore(store, data);
  const seedSeconds = Math.round((performance.now() - t) / 100) / 10;
  const reportCount = (
    store.connection.prepare('SELECT count(*) AS n FROM status_reports').get() as { n: number }
  ).n;
  console.log(`  seeded ${reportCount} status reports in ${seedSeconds} s`);

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SQLITE_PATH: dbPath,
    PMO_TIME_ZONE: pmoTimeZone,
    PMO_HEAD_IDS: DEMO_PMO_ROLES.pmoHead.join(','),
    DEV_DEFAULT_USER: DEMO_PMO_HEAD_EMAIL,
  });
  const product = buildProduct(config, { store });
  const server = await new Promise<Server>((resolve) => {
    const s = product.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (url: string) => {
    const res = await fetch(base + url);
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ total: number }>;
  };

  // The same page of rows, straight from SQLite: same filters, same order, same LIMIT.
  const db = store.connection;
  const program = data.projects[0].program;
  const scenarios = [
    {
      name: 'unfiltered',
      url: '/api/portfolio',
      bare: db.prepare('SELECT * FROM projects p ORDER BY p.code ASC LIMIT 50'),
      params: {},
    },
    {
      name: 'filtered',
      url: `/api/portfolio?program=${encodeURIComponent(program)}&rag=red&rag=amber&state=active&sort=budgetVariance&order=desc`,
      bare: db.prepare(
        `SELECT * FROM projects p WHERE p.program = @program AND p.overall_rag IN ('red', 'amber') AND p.state = 'active'
         ORDER BY p.budget_variance DESC, p.code ASC LIMIT 50`,
      ),
      params: { program },
    },
    {
      name: 'text search',
      url: '/api/portfolio?q=phase%202',
      bare: db.prepare(
        `SELECT * FROM projects p WHERE p.search_text LIKE '%phase 2%' ORDER BY p.code ASC LIMIT 50`,
      ),
      params: {},
    },
  ];

  const results: Record<
    string,
    { api: { p50: number; p95: number }; bare: { p50: number; p95: number }; matches: number }
  > = {};
  for (const s of scenarios) {
    const { total } = await get(s.url);
    for (let i = 0; i < 20; i += 1) await get(s.url); // warm-up
    const api = summary(await timeEach(samples, () => get(s.url)));
    const bare = summary(await timeEach(samples, () => s.bare.all(s.params)));
    results[s.name] = { api, bare, matches: total };
  }

  // For context: an HTTP round trip that does no work at all.
  for (let i = 0; i < 20; i += 1) await (await fetch(`${base}/api/health`)).arrayBuffer();
  const httpFloor = summary(await timeEach(samples, async () => (await fetch(`${base}/api/health`)).json()));

  // Status submissions as the PMO head, each to a different active project.
  const active = data.projects.filter((p) => p.state === 'active');
  const answer = (i: number) => ({
    rag: {
      overall: 'amber',
      schedule: 'amber',
      budget: 'green',
      scope: 'green',
      resources: i % 2 ? 'green' : 'amber',
    },
    percentComplete: 50,
    accomplishments: `Benchmark week ${i}: milestones met.`,
    nextSteps: 'Keep going.',
    actualCostToDate: 1000 + i,
    forecastFinish: active[i % active.length].baselineFinish,
  });
  const submit = (i: number) =>
    fetch(`${base}/api/projects/${active[i % active.length].id}/status-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(answer(i)),
    });
  let failures = 0;
  const submission = summary(
    await timeEach(Math.min(samples, active.length), async (i) => {
      const res = await submit(i);
      if (res.status !== 200 && res.status !== 201) failures += 1;
      await res.arrayBuffer();
    }),
  );

  // The worst case for a dashboard read: the first one after a write, when the roll-ups are recomputed.
  const afterWrite: number[] = [];
  for (let i = 0; i < Math.min(100, active.length); i += 1) {
    await (await submit(samples + i)).arrayBuffer();
    const start = performance.now();
    await get('/api/portfolio');
    afterWrite.push(performance.now() - start);
  }
  const coldPortfolio = summary(afterWrite);

  server.close();
  await product.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const rss = peakRssMb();
  console.log('');
  console.log(`Portfolio over HTTP (${samples} requests each, page size 50) vs the bare SQL page query:`);
  console.log('  scenario       matches   API p50   API p95   bare p50  bare p95  p95 ratio');
  for (const [name, r] of Object.entries(results)) {
    const ratio = Math.round((r.api.p95 / r.bare.p95) * 10) / 10;
    console.log(
      `  ${name.padEnd(14)} ${String(r.matches).padStart(7)}  ${r.api.p50.toFixed(2).padStart(7)}ms ${r.api.p95
        .toFixed(2)
        .padStart(
          7,
        )}ms ${r.bare.p50.toFixed(3).padStart(7)}ms ${r.bare.p95.toFixed(3).padStart(7)}ms  ${ratio}×`,
    );
  }
  console.log(
    `HTTP round trip of GET /api/health (no work): p50 ${httpFloor.p50} ms, p95 ${httpFloor.p95} ms`,
  );
  console.log(
    `Unfiltered portfolio right after a write (roll-ups recomputed): p50 ${coldPortfolio.p50} ms, p95 ${coldPortfolio.p95} ms`,
  );
  console.log(`Status submission: p50 ${submission.p50} ms, p95 ${submission.p95} ms (${failures} failed)`);
  console.log(`Peak RSS: ${rss} MB; seeding took ${seedSeconds} s`);
  console.log('Targets: portfolio p95 < 100 ms and ≤ 3 × bare; submission p95 < 20 ms.');
  console.log(
    JSON.stringify({
      bench: 'portfolio',
      projects,
      weeks,
      statusReports: reportCount,
      samples,
      portfolio: results,
      portfolioAfterWrite: coldPortfolio,
      httpRoundTrip: httpFloor,
      submission: { ...submission, failures },
      peakRssMb: rss,
      seedSeconds,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
