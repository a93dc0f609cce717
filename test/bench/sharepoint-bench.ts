/**
 * npm run bench:sharepoint — the SharePoint store against the fake Graph adding 50 ms to every HTTP
 * request: (a) loading the portfolio of 2,000 projects, (b) submitting one week's status for every
 * project through the status service (the API's own path), all at once.
 * Targets: (a) ≤ ceil(N / page size) + 3 Graph requests; (b) ≤ N / 8 requests, every write landed.
 * Options: --projects N --latency MS --throttle RATE (a share of requests, outer and inner, answered
 * 429 with Retry-After 0.2 s, to see that throttling costs time, never writes). Ends with one JSON line.
 */
import { parseArgs } from 'node:util';
import type { IsoWeek } from '../../api/domain/iso-week';
import { isoWeekOf } from '../../api/domain/iso-week';
import type { Actor } from '../../api/domain/people';
import { generateDemoData } from '../../api/seed/demo-data';
import { serviceContext } from '../../api/services/context';
import { StatusService } from '../../api/services/status-service';
import { MAX_PAGE_SIZE } from '../../api/store/sharepoint/graph-lists';
import { startSharePoint } from '../support/sharepoint-harness';
import { peakRssMb } from './bench-stats';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      projects: { type: 'string', default: '2000' },
      latency: { type: 'string', default: '50' },
      throttle: { type: 'string', default: '0' },
    },
  });
  const count = Number(values.projects);
  const latencyMs = Number(values.latency);
  const throttle = Number(values.throttle);
  const now = new Date('2026-11-24T12:00:00Z');
  const pmoTimeZone = 'Europe/London';

  const sharepoint = await startSharePoint();
  const { fake } = sharepoint;
  const store = await sharepoint.open();
  const data = generateDemoData({ projects: count, weeks: 1, seed: 11, now, pmoTimeZone });
  console.log(`Creating ${count} projects on the fake SharePoint site (no latency yet) …`);
  for (let i = 0; i < data.projects.length; i += 200) {
    // Every project running, so each one owes this week's status.
    await Promise.all(
      data.projects.slice(i, i + 200).map((p) => store.createProject({ ...p, state: 'active' })),
    );
  }

  fake.setLatency(latencyMs);
  if (throttle > 0) fake.throttleRandomly({ rate: throttle, retryAfter: '0.2', seed: 3 });
  console.log(
    `Fake Graph now adds ${latencyMs} ms to every HTTP request${throttle > 0 ? ` and throttles ${throttle * 100}% of them` : ''}.\n`,
  );

  // (a) the portfolio
  fake.resetLog();
  let t = performance.now();
  const page = await store.queryPortfolio({
    filter: {},
    sort: 'overallRag',
    order: 'desc',
    page: 1,
    pageSize: 50,
    staleBefore: isoWeekOf(now, pmoTimeZone) as IsoWeek,
  });
  const portfolioMs = Math.round(performance.now() - t);
  const portfolioRequests = fake.requests.length;
  const portfolioTarget = Math.ceil(count / MAX_PAGE_SIZE) + 3;
  if (page.total !== count) throw new Error(`portfolio showed ${page.total} of ${count} projects`);

  // (b) one week's status for every project, all submitted at once through the status service
  const status = new StatusService(serviceContext(store, { clock: { now: () => now }, pmoTimeZone }));
  const pmoHead: Actor = {
    id: data.people[0].id,
    name: 'Bench PMO',
    email: 'bench@contoso.example',
    pmoRole: 'pmoHead',
  };
  fake.resetLog();
  t = performance.now();
  const results = await Promise.allSettled(
    data.projects.map((p, i) =>
      status.submit(pmoHead, p.id, {
        source: 'api',
        answers: {
          rag: {
            overall: 'amber',
            schedule: 'amber',
            budget: i % 3 === 0 ? 'red' : 'green',
            scope: 'green',
            resources: 'green',
          },
          overallOverrideReason: i % 3 === 0 ? 'Budget recovery agreed with the sponsor' : null,
          percentComplete: i % 100,
          accomplishments: `Week's work on ${p.code}`,
          nextSteps: 'Next milestone',
          risksAndIssues: '',
          decisionsNeeded: '',
          actualCostToDate: 1000 + i,
          forecastFinish: p.baselineFinish,
        },
      }),
    ),
  );
  const submitMs = Math.round(performance.now() - t);
  const submitRequests = fake.requests.length;
  const innerRequests = fake.requests.reduce((n, r) => n + (r.batch?.length ?? 1), 0);
  const failed = results.filter((r) => r.status === 'rejected');
  fake.setLatency(0);
  fake.throttleRandomly(null);
  const throttled = fake.requests.reduce(
    (n, r) => n + (r.status === 429 ? 1 : 0) + (r.batch?.filter((b) => b.status === 429).length ?? 0),
    0,
  );

  // Every write landed: one report per project, and each project carries it.
  const reports = fake.itemsOf(sharepoint.siteId, 'PMO Status Reports');
  const projects = fake.itemsOf(sharepoint.siteId, 'PMO Projects');
  const week = isoWeekOf(now, data.projects[0].cadence.timeZone);
  const carried = projects.filter((f) => f.LatestWeek !== undefined && f.LatestWeek !== null).length;
  const lost = count - reports.length + (count - carried) + failed.length;
  const submitTarget = Math.floor(count / 8);

  console.log(
    `(a) portfolio of ${count} projects: ${portfolioRequests} Graph requests (target ≤ ${portfolioTarget}), ${portfolioMs} ms`,
  );
  console.log(
    `(b) ${count} status submissions (${week}): ${submitRequests} Graph requests (target ≤ ${submitTarget}), ` +
      `${innerRequests} inside them, ${submitMs} ms, ${(count / (submitMs / 1000)).toFixed(0)} submissions/s`,
  );
  console.log(
    `    landed: ${reports.length} reports, ${carried} projects carrying their latest status, ${failed.length} failed`,
  );
  if (failed.length > 0) console.log(`    first failure: ${(failed[0] as PromiseRejectedResult).reason}`);
  console.log(`    peak RSS ${peakRssMb()} MB`);
  const figures = {
    bench: 'sharepoint',
    projects: count,
    latencyMs,
    throttle,
    portfolio: { requests: portfolioRequests, target: portfolioTarget, ms: portfolioMs },
    submit: { requests: submitRequests, innerRequests, target: submitTarget, ms: submitMs, throttled, lost },
    peakRssMb: peakRssMb(),
  };
  await store.close();
  await sharepoint.close();
  console.log(JSON.stringify(figures));
  if (portfolioRequests > portfolioTarget || submitRequests > submitTarget || lost !== 0)
    process.exitCode = 1;
}

void main();
