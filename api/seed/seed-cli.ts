/**
 * npm run seed -- [--projects 48] [--weeks 16] [--seed 42] [--path file.db] [--reset]
 *                  [--now ISO-date] [--time-zone IANA-zone]
 *
 * Fills an SQLite store with the deterministic demo. Refuses a store that already has projects unless
 * --reset, which deletes the file (and its WAL sidecars) first. Exit codes: 0 done, 1 refused or failed,
 * 2 bad arguments.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { isValidTimeZone } from '../domain/iso-week';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { DEMO_DEFAULTS, DEMO_PMO_HEAD_EMAIL, DEMO_PMO_ROLES, generateDemoData } from './demo-data';
import { seedStore } from './seed-store';

const USAGE =
  'usage: npm run seed -- [--projects N] [--weeks N] [--seed N] [--path file.db] [--reset] ' +
  '[--now ISO-date] [--time-zone IANA-zone]';

/** Bad input: one line saying what is wrong, exit code 2. */
function fail(message: string): never {
  console.error(`seed: ${message.split('\n')[0]} (npm run seed -- --help)`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) fail(`--${name} must be a whole number (got '${raw}')`);
  const value = Number(raw);
  if (value < min || value > max) fail(`--${name} must be between ${min} and ${max} (got ${raw})`);
  return value;
}

function parse() {
  // parseArgs calls `--weeks -3` "ambiguous"; say plainly what is wrong with a negative number.
  const argv = process.argv.slice(2);
  argv.forEach((arg, i) => {
    const name = /^--(projects|weeks|seed)$/.exec(arg)?.[1];
    if (name && /^-\d/.test(argv[i + 1] ?? ''))
      fail(`--${name} must be a positive whole number (got ${argv[i + 1]})`);
  });
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        projects: { type: 'string' },
        weeks: { type: 'string' },
        seed: { type: 'string' },
        path: { type: 'string' },
        reset: { type: 'boolean', default: false },
        now: { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) fail(`--now must be an ISO date or date-time (got '${values.now}')`);
  // The same zone the server uses for "this week" (PMO_TIME_ZONE), so staleness reads the same in both.
  const timeZone = values['time-zone'] ?? (process.env.PMO_TIME_ZONE || 'UTC');
  if (!isValidTimeZone(timeZone))
    fail(`--time-zone must be an IANA time zone such as Europe/London (got '${timeZone}')`);
  const dbPath = values.path ?? (process.env.SQLITE_PATH || './data/pmo-hub.db');
  if (dbPath.trim() === '') fail('--path must not be empty');
  return {
    projects: integer('projects', values.projects, DEMO_DEFAULTS.projects, 1, 100_000),
    weeks: integer('weeks', values.weeks, DEMO_DEFAULTS.weeks, 1, 520),
    seed: integer('seed', values.seed, DEMO_DEFAULTS.seed, 0, 0xffffffff),
    path: dbPath,
    reset: values.reset,
    now,
    timeZone,
  };
}

async function main(): Promise<void> {
  const args = parse();
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

  if (args.reset && args.path !== ':memory:') {
    // The WAL and shared-memory files belong to the database: leaving them would resurrect old pages.
    for (const file of [args.path, `${args.path}-wal`, `${args.path}-shm`]) fs.rmSync(file, { force: true });
  }
  const store = new SqliteStore({ path: args.path });
  try {
    if (!(await store.isEmpty())) {
      console.error(`seed: ${args.path} already has projects; pass --reset to delete it and seed again.`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `Generating ${args.projects} projects x ${args.weeks} weeks ` +
        `(seed ${args.seed}, now ${args.now.toISOString()}, PMO time zone ${args.timeZone}) ...`,
    );
    const data = generateDemoData({
      projects: args.projects,
      weeks: args.weeks,
      seed: args.seed,
      now: args.now,
      pmoTimeZone: args.timeZone,
    });
    console.log(`  generated in ${seconds()} s; writing to ${args.path}`);
    const summary = await seedStore(store, data, (msg) => console.log(`  ${msg} (${seconds()} s)`));
    console.log(`Seeded ${args.path} in ${seconds()} s:`);
    console.log(
      `  ${summary.people} people, ${summary.projects} projects, ${summary.statusReports} status reports ` +
        `(+${summary.revisions} revisions), ${summary.risks} risks, ${summary.issues} issues, ` +
        `${summary.decisionLog} decision-log entries, ${summary.changeRequests} change requests, ` +
        `${summary.decisions} decisions, ${summary.statusRequests} status requests`,
    );
    console.log(`  PMO head: ${DEMO_PMO_HEAD_EMAIL} (PMO_HEAD_IDS=${DEMO_PMO_ROLES.pmoHead.join(',')})`);
    console.log(`  PMO_SPECIALIST_IDS=${DEMO_PMO_ROLES.projectSpecialist.join(',')}`);
    console.log(`  PMO_OFFICER_IDS=${DEMO_PMO_ROLES.projectOfficer.join(',')}`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`seed: failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
