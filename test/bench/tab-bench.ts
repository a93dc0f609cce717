/**
 * npm run bench:tab — the tab's weight and the portfolio's first load in headless Chromium.
 *
 * 1. Builds the tab into a temporary directory (--no-build: measure TAB_DIR or dist/tab as it is) and sums,
 *    gzipped, the JavaScript the first paint needs: the entry chunk and its static imports, from Vite's
 *    manifest. Also the portfolio route's lazy chunks and the CSS, each gzipped. Target: initial JS ≤ 350 KB.
 * 2. Seeds a temporary SQLite with the demo at 5,000 projects, starts the real server (dev sign-in as the
 *    PMO head, who sees every project) and opens the portfolio in Debian's Chromium, N times after one
 *    warm-up. Each run times, from navigation start: the grid showing rows, the KPI tiles showing, and the
 *    grid answering a click on a column header by re-sorting (all 5,000 rows, in the page): interactive.
 *    Long tasks in that window are summed as well. Target: rendered and interactive < 1.5 s.
 * Options: --projects N --weeks N --runs N --no-build. Ends with one JSON line of the figures.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { buildProduct } from '../../api/app-factory';
import { loadConfig } from '../../api/config/config';
import { DEMO_PMO_HEAD_EMAIL, DEMO_PMO_ROLES, generateDemoData } from '../../api/seed/demo-data';
import { seedStore } from '../../api/seed/seed-store';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import { launchBrowser } from '../support/browser';
import { peakRssMb } from './bench-stats';

const REPO = path.resolve(__dirname, '../..');
const INITIAL_JS_TARGET_KB = 350;
const INTERACTIVE_TARGET_MS = 1500;
/**
 * What the benchmark waits for: this many body rows in the grid, a KPI tile (the RAG tiles are toggle
 * buttons titled "Show only Red projects"…), and then the column header it clicks.
 */
const MIN_ROWS = 10;
const TILE_SELECTOR = '[role="button"][title^="Show only"], button[title^="Show only"]';
const SORT_COLUMN = 'Project';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Temporary builds, databases and the browser: removed at the end, or after a failure. */
const atExit: Array<() => unknown> = [];
async function cleanUp(): Promise<void> {
  for (const step of atExit.splice(0).reverse()) {
    try {
      await step();
    } catch {
      // best effort: a temp directory left behind is not worth hiding the real error for
    }
  }
}

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

function gzipped(dir: string, file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(dir, file))).length;
}

/** A chunk and everything it imports statically (what loading it costs), as manifest keys. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) staticClosure(manifest, dep, seen);
  return seen;
}

function build(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-tab-bench-'));
  atExit.push(() => fs.rmSync(outDir, { recursive: true, force: true }));
  console.log(`Building the tab into ${outDir} …`);
  const started = performance.now();
  const result = spawnSync(
    path.join(REPO, 'node_modules/.bin/vite'),
    ['build', '--config', 'tab/vite.config.mts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: REPO, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

function sizes(dir: string) {
  const manifestPath = path.join(dir, '.vite/manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`No ${manifestPath}: build the tab with manifest: true`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('The manifest has no entry chunk');
  const initial = staticClosure(manifest, entryKey);
  const initialFiles = [...initial].map((k) => ({
    file: manifest[k].file,
    gzip: gzipped(dir, manifest[k].file),
  }));
  const initialJs = initialFiles.reduce((n, f) => n + f.gzip, 0);

  const portfolioKey = Object.keys(manifest).find((k) => k.endsWith('pages/portfolio/portfolio-page.tsx'));
  const lazy: Array<{ file: string; gzip: number; when: string }> = [];
  if (portfolioKey) {
    // The route's chunk and what it imports beyond the initial load, then what it loads later on its own.
    for (const k of staticClosure(manifest, portfolioKey)) {
      if (!initial.has(k))
        lazy.push({ file: manifest[k].file, gzip: gzipped(dir, manifest[k].file), when: 'route' });
    }
    for (const d of manifest[portfolioKey].dynamicImports ?? []) {
      for (const k of staticClosure(manifest, d)) {
        if (!initial.has(k) && !lazy.some((l) => l.file === manifest[k].file))
          lazy.push({ file: manifest[k].file, gzip: gzipped(dir, manifest[k].file), when: 'deferred' });
      }
    }
  }
  const cssFiles = [...new Set(Object.values(manifest).flatMap((c) => c.css ?? []))].map((file) => ({
    file,
    gzip: gzipped(dir, file),
  }));
  return { initialFiles, initialJs, lazy, cssFiles };
}

interface RunTimes {
  rowsMs: number;
  tilesMs: number;
  interactiveMs: number;
  sortMs: number;
  longTasks: number;
  longestTaskMs: number;
  blockingMs: number;
  /** When the page's own script had arrived, and each API response (path → responseEnd), from navigation start. */
  scriptsMs: number;
  api: Record<string, number>;
}

/**
 * Runs in the page before its scripts: watches the DOM from navigation start (performance.now() is measured
 * from it), notes when rows and tiles first show, then clicks the column header and notes when the grid
 * reports the new sort. Long tasks come from a buffered PerformanceObserver. Plain JavaScript in a string:
 * what a TypeScript transpiler makes of a function (tsx adds __name helpers) would not run in the page.
 */
function instrument(column: string, minRows: number, tiles: string): string {
  return `(() => {
  const column = ${JSON.stringify(column)};
  const minRows = ${minRows};
  const tiles = ${JSON.stringify(tiles)};
  const bench = { tasks: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let header = null;
  let sortBefore = null;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (bench.rowsAt === undefined) {
      const rows = document.querySelectorAll('[role="grid"] [role="row"]:has([role="gridcell"])').length;
      if (rows >= minRows) bench.rowsAt = now;
    }
    if (bench.tilesAt === undefined && document.querySelector(tiles))
      bench.tilesAt = now;
    if (bench.rowsAt !== undefined && bench.tilesAt !== undefined && bench.clickedAt === undefined) {
      header = [...document.querySelectorAll('[role="grid"] [role="columnheader"]')].find(
        (h) => h.textContent.trim() === column,
      );
      if (!header) {
        bench.error = 'no column header "' + column + '"';
        observer.disconnect();
        return;
      }
      sortBefore = header.getAttribute('aria-sort');
      bench.clickedAt = performance.now();
      (header.querySelector('button') || header).click();
    }
    if (bench.clickedAt !== undefined && bench.sortedAt === undefined) {
      const sortNow = header.isConnected ? header.getAttribute('aria-sort') : null;
      if (sortNow && sortNow !== sortBefore) {
        bench.sortedAt = now;
        observer.disconnect();
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      projects: { type: 'string', default: '5000' },
      weeks: { type: 'string', default: '16' },
      runs: { type: 'string', default: '5' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const projects = Number(values.projects);
  const weeks = Number(values.weeks);
  const runs = Number(values.runs);

  // 1. Weight.
  const tabDir = values['no-build']
    ? path.resolve(process.env.TAB_DIR ?? path.join(REPO, 'dist/tab'))
    : build();
  const weight = sizes(tabDir);
  console.log(`Initial JavaScript (entry and its static imports), gzipped:`);
  for (const f of weight.initialFiles)
    console.log(`  ${f.file.padEnd(44)} ${kb(f.gzip).toFixed(1).padStart(7)} KB`);
  console.log(
    `  total ${kb(weight.initialJs).toFixed(1)} KB (target ≤ ${INITIAL_JS_TARGET_KB} KB)${kb(weight.initialJs) > INITIAL_JS_TARGET_KB ? '  ✗ OVER' : ''}`,
  );
  console.log('Portfolio route, loaded lazily, gzipped:');
  if (weight.lazy.length === 0) console.log('  (none found in the manifest)');
  for (const f of weight.lazy)
    console.log(
      `  ${f.file.padEnd(44)} ${kb(f.gzip).toFixed(1).padStart(7)} KB  ${f.when === 'route' ? 'with the page' : 'after it (deferred)'}`,
    );
  console.log('CSS, gzipped:');
  if (weight.cssFiles.length === 0) console.log('  none (Griffel inserts the styles at run time)');
  for (const f of weight.cssFiles)
    console.log(`  ${f.file.padEnd(44)} ${kb(f.gzip).toFixed(1).padStart(7)} KB`);

  // 2. The portfolio of 5,000 in the browser.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-tab-bench-db-'));
  atExit.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const dbPath = path.join(dataDir, 'bench.db');
  const pmoTimeZone = 'Europe/London';
  console.log(`Seeding ${projects.toLocaleString('en-US')} projects × ${weeks} weeks into ${dbPath} …`);
  const seedStarted = performance.now();
  const store = new SqliteStore({ path: dbPath });
  await seedStore(store, generateDemoData({ projects, weeks, seed: 7, now: new Date(), pmoTimeZone }));
  console.log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SQLITE_PATH: dbPath,
    PMO_TIME_ZONE: pmoTimeZone,
    PMO_HEAD_IDS: DEMO_PMO_ROLES.pmoHead.join(','),
    PMO_SPECIALIST_IDS: DEMO_PMO_ROLES.projectSpecialist.join(','),
    PMO_OFFICER_IDS: DEMO_PMO_ROLES.projectOfficer.join(','),
    DEV_DEFAULT_USER: DEMO_PMO_HEAD_EMAIL,
    TAB_DIR: tabDir,
  });
  const product = buildProduct(config, { store });
  const server = await new Promise<Server>((resolve) => {
    const s = product.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  atExit.push(() => browser.close());

  const measure = async (): Promise<RunTimes> => {
    const page = await browser.newPage();
    await page.addInitScript({ content: instrument(SORT_COLUMN, MIN_ROWS, TILE_SELECTOR) });
    await page.goto(`${base}/tab/`);
    const handle = await page
      .waitForFunction(
        () => {
          const b = (globalThis as unknown as { __bench?: { sortedAt?: number; error?: string } }).__bench;
          return b && (b.sortedAt !== undefined || b.error !== undefined) ? b : null;
        },
        undefined,
        { timeout: 60_000 },
      )
      .catch((err: unknown) => {
        browser.assertNoPageErrors(); // the likelier cause, when there is one
        throw err;
      });
    const b = (await handle.jsonValue()) as {
      rowsAt: number;
      tilesAt: number;
      clickedAt: number;
      sortedAt: number;
      tasks: Array<{ start: number; duration: number }>;
      error?: string;
    };
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        name: new URL(e.name).pathname,
        end: (e as unknown as { responseEnd: number }).responseEnd,
      })),
    );
    await page.close();
    browser.assertNoPageErrors();
    const api: Record<string, number> = {};
    for (const r of resources)
      if (r.name.startsWith('/api/')) api[r.name] = Math.max(api[r.name] ?? 0, r.end);
    const scriptsMs = Math.max(0, ...resources.filter((r) => r.name.endsWith('.js')).map((r) => r.end));
    if (b.error) throw new Error(`The benchmark could not run: ${b.error}`);
    const tasks = b.tasks.filter((t) => t.start < b.sortedAt);
    return {
      rowsMs: b.rowsAt,
      tilesMs: b.tilesAt,
      interactiveMs: b.sortedAt,
      sortMs: b.sortedAt - b.clickedAt,
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      blockingMs: tasks.reduce((n, t) => n + Math.max(0, t.duration - 50), 0),
      scriptsMs,
      api,
    };
  };

  console.log(`Opening the portfolio in Chromium: 1 warm-up, then ${runs} runs …`);
  const warm = await measure();
  console.log(`  warm-up: interactive at ${Math.round(warm.interactiveMs)} ms`);
  const samples: RunTimes[] = [];
  for (let i = 0; i < runs; i += 1) {
    const r = await measure();
    samples.push(r);
    console.log(
      `  run ${i + 1}: rows ${Math.round(r.rowsMs)} ms, tiles ${Math.round(r.tilesMs)} ms, re-sorted ${Math.round(
        r.interactiveMs,
      )} ms (sort ${Math.round(r.sortMs)} ms); ${r.longTasks} long tasks, longest ${Math.round(
        r.longestTaskMs,
      )} ms, blocking ${Math.round(r.blockingMs)} ms`,
    );
    console.log(
      `         scripts in by ${Math.round(r.scriptsMs)} ms; API answered: ${Object.entries(r.api)
        .map(([name, end]) => `${name} ${Math.round(end)} ms`)
        .join(', ')}`,
    );
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await product.close();
  await cleanUp();

  const median = (pick: (r: RunTimes) => number) => {
    const sorted = samples.map(pick).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
  };
  const best = (pick: (r: RunTimes) => number) => Math.round(Math.min(...samples.map(pick)));
  const interactive = { median: median((r) => r.interactiveMs), best: best((r) => r.interactiveMs) };
  console.log(
    `Portfolio of ${projects.toLocaleString('en-US')}: rows shown ${median((r) => r.rowsMs)} ms, tiles ${median(
      (r) => r.tilesMs,
    )} ms, interactive ${interactive.median} ms median (best ${interactive.best} ms; target < ${INTERACTIVE_TARGET_MS} ms)${
      interactive.median >= INTERACTIVE_TARGET_MS ? '  ✗ OVER' : ''
    }`,
  );
  console.log(`  peak RSS (this process) ${peakRssMb()} MB`);

  const figures = {
    bench: 'tab',
    projects,
    weeks,
    runs,
    initialJsGzipKb: kb(weight.initialJs),
    portfolioLazyGzipKb: kb(weight.lazy.filter((l) => l.when === 'route').reduce((n, l) => n + l.gzip, 0)),
    portfolioDeferredGzipKb: kb(
      weight.lazy.filter((l) => l.when === 'deferred').reduce((n, l) => n + l.gzip, 0),
    ),
    cssGzipKb: kb(weight.cssFiles.reduce((n, f) => n + f.gzip, 0)),
    rowsMedianMs: median((r) => r.rowsMs),
    tilesMedianMs: median((r) => r.tilesMs),
    interactiveMedianMs: interactive.median,
    interactiveBestMs: interactive.best,
    sortMedianMs: median((r) => r.sortMs),
    portfolioApiMedianMs: median((r) => r.api['/api/portfolio'] ?? NaN),
    blockingMedianMs: median((r) => r.blockingMs),
    longestTaskMedianMs: median((r) => r.longestTaskMs),
    peakRssMb: peakRssMb(),
  };
  console.log(JSON.stringify(figures));
  if (kb(weight.initialJs) > INITIAL_JS_TARGET_KB || interactive.median >= INTERACTIVE_TARGET_MS)
    process.exitCode = 1;
}

main().catch(async (err: unknown) => {
  console.error(err);
  await cleanUp();
  process.exit(1);
});
