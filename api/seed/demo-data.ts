import { DateTime } from 'luxon';
import type { ApprovalPolicy, ChangeRequest, Decision } from '../domain/change-request';
import type { IsoWeek } from '../domain/iso-week';
import { addWeeks, isoWeekOf, isValidTimeZone, weekBounds, timestampOf, addDays } from '../domain/iso-week';
import type { Person, PersonRef } from '../domain/people';
import type { Methodology, NewProject, ProjectPhase, ProjectState, StatusCadence } from '../domain/project';
import type { Rag, RagAssessment, RagDimension } from '../domain/rag';
import { RAG_DIMENSIONS, suggestedOverall } from '../domain/rag';
import type { DecisionLogEntry, Issue, RaidItem, Risk, Score } from '../domain/raid';
import type { StatusReport, StatusSource } from '../domain/status-report';
import type { StatusRequest } from '../domain/status-request';
import type { Stakeholder } from '../domain/stakeholder';
import { DEFAULT_CYCLE, excuseFor, requestDueAt } from '../domain/status-request';
import type { PmoRoleAssignments } from '../services/actors';
import * as T from './demo-text';
import { Random } from './random';

/**
 * A believable PMO, generated from a seed: people in every role, projects across programs and departments,
 * weeks of status history with trends, RAID logs and change requests. Pure: the same options always give
 * the same data (no clock, no Math.random), so demos, screenshots and tests are reproducible.
 */

export interface DemoOptions {
  projects: number;
  weeks: number;
  /** Defaults to 42. */
  seed?: number;
  /** "Now" for the demo: history ends in the ISO week that contains it. */
  now: Date;
  /** The PMO's zone: its ISO week is the dashboard's "this week" (staleness is judged against it). */
  pmoTimeZone: string;
}

export const DEMO_DEFAULTS = { projects: 48, weeks: 16, seed: 42 } as const;

export type DemoProject = NewProject & { id: string; createdAt: string };
/** The store numbers versions; a resubmission carries the same id as the first report of its week. */
export type DemoStatusReport = Omit<StatusReport, 'version'>;

export interface DemoData {
  seed: number;
  now: string;
  pmoTimeZone: string;
  /** The ISO week of `now` in the PMO's zone. */
  currentWeek: IsoWeek;
  pmoRoles: PmoRoleAssignments;
  people: Person[];
  projects: DemoProject[];
  /** Oldest first, resubmissions included (each after the report it replaces). */
  statusReports: DemoStatusReport[];
  raidItems: RaidItem[];
  changeRequests: ChangeRequest[];
  /** Oldest first; each after its change request. */
  decisions: Decision[];
  /** The weekly status requests the cycle would have filed over the demo's weeks, oldest first. */
  statusRequests: StatusRequest[];
  /** The registers: each program's steering group, each project's sponsors, some team channels and customers. */
  stakeholders: Stakeholder[];
}

// ---- the PMO's own staff: fixed ids, so configuration (PMO_HEAD_IDS, ...) can name them ----

interface StaffMember extends Person {
  role: keyof PmoRoleAssignments;
}

const PMO_STAFF: readonly StaffMember[] = [
  staff('3c9e6f1a-52d4-4b8e-9a71-0d2f5c8e4b01', 'Olivia Bennett', 'pmoHead', 'Head of PMO', 'Europe/London'),
  staff(
    '3c9e6f1a-52d4-4b8e-9a71-0d2f5c8e4b02',
    'Rahul Mehta',
    'projectSpecialist',
    'Senior Project Specialist',
    'Europe/London',
  ),
  staff(
    '3c9e6f1a-52d4-4b8e-9a71-0d2f5c8e4b03',
    'Sofia Alvarez',
    'projectSpecialist',
    'Project Specialist',
    'America/New_York',
  ),
  staff(
    '3c9e6f1a-52d4-4b8e-9a71-0d2f5c8e4b04',
    "Liam O'Connor",
    'projectOfficer',
    'Project Officer',
    'Europe/London',
  ),
  staff(
    '3c9e6f1a-52d4-4b8e-9a71-0d2f5c8e4b05',
    'Hannah Schmidt',
    'projectOfficer',
    'Project Officer',
    'Europe/Berlin',
  ),
];

function staff(
  id: string,
  name: string,
  role: StaffMember['role'],
  jobTitle: string,
  timeZone: string,
): StaffMember {
  return { id, name, email: emailOf(name), department: 'PMO', jobTitle, timeZone, role };
}

function emailOf(name: string): string {
  const local = name
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.replace(/[^a-z]/g, ''))
    .join('.');
  return `${local}@${T.DEMO_DOMAIN}`;
}

/** The demo's PMO staff by role, for the PMO_*_IDS settings of a demo deployment. */
export const DEMO_PMO_ROLES: PmoRoleAssignments = {
  pmoHead: PMO_STAFF.filter((s) => s.role === 'pmoHead').map((s) => s.id),
  projectSpecialist: PMO_STAFF.filter((s) => s.role === 'projectSpecialist').map((s) => s.id),
  projectOfficer: PMO_STAFF.filter((s) => s.role === 'projectOfficer').map((s) => s.id),
};

export const DEMO_PMO_HEAD_EMAIL = PMO_STAFF[0].email;

// ---- small pure helpers ----

/** Seeds the status requests' own random stream (see makeStatusRequests). */
const STATUS_REQUEST_STREAM = 0x5e9d0a11;
/** Seeds the stakeholder registers' own random stream (see makeStakeholders). */
const STAKEHOLDER_STREAM = 0x57a4e401;
/** Customers who hear about the projects they pay for: outside addresses. */
const CUSTOMER_ADDRESSES = ['programme.office@fabrikam.example', 'pmo@northwindtraders.example'] as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LEVELS: readonly Rag[] = ['green', 'amber', 'red'];
type Level = 0 | 1 | 2;

function parseDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function iso(ms: number): string {
  return timestampOf(new Date(ms));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function roundTo(value: number, unit: number): number {
  return Math.round(value / unit) * unit;
}

function ref(p: PersonRef): PersonRef {
  return { id: p.id, name: p.name, email: p.email };
}

/**
 * Categories in fixed proportions rather than independent coin flips, so even a small demo is sure to
 * contain each kind (a stale project, one slipping to red, ...). `min` applies when `n` is at least 10.
 */
function quota<K extends string>(
  rng: Random,
  n: number,
  spec: ReadonlyArray<readonly [K, number, number]>,
  rest: K,
): K[] {
  const out: K[] = [];
  for (const [kind, share, min] of spec) {
    const count = Math.max(n >= 10 ? min : 0, Math.round(share * n));
    for (let i = 0; i < count && out.length < n; i++) out.push(kind);
  }
  while (out.length < n) out.push(rest);
  return rng.shuffle(out);
}

// ---- the generator ----

type Trend = 'steadyGreen' | 'steadyAmber' | 'volatileAmber' | 'slipping' | 'recovering' | 'chronicRed';
type History = 'full' | 'recent' | 'new';
type Reporting = 'onTime' | 'late' | 'stale';

interface Plan {
  project: DemoProject;
  pm: Person;
  delegates: Person[];
  sponsors: Person[];
  object: string;
  trend: Trend;
  driver: RagDimension;
  /** Weeks with a report, oldest first. */
  weeks: IsoWeek[];
  /** The first week of the project's history window, and the last week it reported (or would have). */
  firstWeek: IsoWeek;
  lastWeek: IsoWeek;
  /** The last instant anything happens on the project (now, or when it paused or closed). */
  activeUntil: number;
  /** Change requests approved, with when: they raise the approved budget from then on. */
  approvedChanges: Array<{ at: number; cost: number }>;
  finalLevel: Level;
}

export function generateDemoData(options: DemoOptions): DemoData {
  return new DemoGenerator(options).build();
}

class DemoGenerator {
  private readonly rng: Random;
  private readonly seed: number;
  private readonly nowMs: number;
  private readonly today: string;
  private readonly currentWeek: IsoWeek;
  private readonly boundsCache = new Map<string, { start: number; end: number }>();
  private readonly momentCache = new Map<string, number>();
  private readonly dueCache = new Map<string, number>();
  private readonly weekShift = new Map<string, IsoWeek>();

  private readonly people: Person[] = [];
  private readonly projects: DemoProject[] = [];
  private readonly reports: DemoStatusReport[] = [];
  private readonly raid: RaidItem[] = [];
  private readonly changeRequests: ChangeRequest[] = [];
  private readonly decisions: Decision[] = [];
  private readonly statusRequests: StatusRequest[] = [];
  private readonly stakeholders: Stakeholder[] = [];
  private readonly sponsors: Person[] = [];
  private readonly delegates: Person[] = [];

  constructor(private readonly options: DemoOptions) {
    for (const key of ['projects', 'weeks'] as const) {
      if (!Number.isInteger(options[key]) || options[key] < 1) {
        throw new RangeError(`${key} must be a positive integer (got ${options[key]})`);
      }
    }
    if (!isValidTimeZone(options.pmoTimeZone))
      throw new RangeError(`Unknown IANA time zone '${options.pmoTimeZone}'`);
    if (Number.isNaN(options.now.getTime())) throw new RangeError('now must be a valid date');
    this.seed = (options.seed ?? DEMO_DEFAULTS.seed) >>> 0;
    this.rng = new Random(this.seed);
    this.nowMs = options.now.getTime();
    this.today = DateTime.fromMillis(this.nowMs, { zone: options.pmoTimeZone }).toISODate() as string;
    this.currentWeek = isoWeekOf(options.now, options.pmoTimeZone);
  }

  build(): DemoData {
    const n = this.options.projects;
    const pms = this.makePeople(n);
    const plans = this.planProjects(n, pms);
    for (const plan of plans) {
      this.makeChangeRequests(plan);
      this.makeReports(plan);
      this.makeRaid(plan);
      this.projects.push(plan.project);
    }
    // Chronological, as they would have been filed; a stable sort keeps a project's own order on ties.
    this.reports.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
    this.decisions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    this.makeStatusRequests(plans);
    this.statusRequests.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    this.makeStakeholders(plans);
    return {
      seed: this.seed,
      now: iso(this.nowMs),
      pmoTimeZone: this.options.pmoTimeZone,
      currentWeek: this.currentWeek,
      pmoRoles: DEMO_PMO_ROLES,
      people: this.people,
      projects: this.projects,
      statusReports: this.reports,
      raidItems: this.raid,
      changeRequests: this.changeRequests,
      decisions: this.decisions,
      statusRequests: this.statusRequests,
      stakeholders: this.stakeholders,
    };
  }

  // ---- people ----

  private makePeople(n: number): Person[] {
    const rng = this.rng;
    for (const s of PMO_STAFF) {
      this.people.push({
        id: s.id,
        name: s.name,
        email: s.email,
        department: s.department,
        jobTitle: s.jobTitle,
        timeZone: s.timeZone,
      });
    }
    const taken = new Set(PMO_STAFF.map((s) => s.name));
    const names = rng
      .shuffle(T.FIRST_NAMES.flatMap((f) => T.LAST_NAMES.map((l) => `${f} ${l}`)))
      .filter((x) => !taken.has(x));
    const emails = new Set(PMO_STAFF.map((s) => s.email));
    let next = 0;
    const person = (department: string, jobTitle: string): Person => {
      const name = names[next % names.length];
      // Past 3,600 people names repeat (as in any big company); the email gets a number to stay unique.
      let email = emailOf(name);
      for (let i = 2; emails.has(email); i++) email = emailOf(name).replace('@', `${i}@`);
      emails.add(email);
      next += 1;
      const p: Person = {
        id: rng.uuid(),
        name,
        email,
        department,
        jobTitle,
        timeZone: rng.weighted(T.TIME_ZONES),
      };
      this.people.push(p);
      return p;
    };

    const pms: Person[] = [];
    const pmCount = Math.max(15, Math.ceil(n / 10));
    for (let i = 0; i < pmCount; i++) {
      pms.push(person(rng.pick(T.DEPARTMENTS), rng.weighted(T.JOB_TITLES.projectManager)));
    }
    const sponsorCount = Math.max(8, Math.ceil(n / 40));
    const titlesUsed = new Map<string, number>();
    for (let i = 0; i < sponsorCount; i++) {
      const department = T.DEPARTMENTS[i % T.DEPARTMENTS.length];
      const used = titlesUsed.get(department) ?? 0;
      titlesUsed.set(department, used + 1);
      const titles = T.JOB_TITLES.sponsor[department];
      const title = used < titles.length ? titles[used] : `Director, ${department}`;
      this.sponsors.push(person(department, title));
    }
    const delegateCount = Math.max(4, Math.ceil(n / 20));
    for (let i = 0; i < delegateCount; i++) {
      this.delegates.push(person(rng.pick(T.DEPARTMENTS), rng.pick(T.JOB_TITLES.delegate)));
    }
    return pms;
  }

  // ---- projects ----

  private planProjects(n: number, pms: Person[]): Plan[] {
    const rng = this.rng;
    const states = quota<ProjectState>(
      rng,
      n,
      [
        ['onHold', 0.07, 1],
        ['closed', 0.06, 1],
      ],
      'active',
    );
    const activeCount = states.filter((s) => s === 'active').length;
    const histories = quota<History>(
      rng,
      activeCount,
      [
        ['new', 0.04, 1],
        ['recent', 0.1, 1],
      ],
      'full',
    );
    const reportingCount = histories.filter((h) => h !== 'new').length;
    const reportings = quota<Reporting>(
      rng,
      reportingCount,
      [
        ['late', 0.15, 1],
        ['stale', 0.05, 1],
      ],
      'onTime',
    );
    const trends = quota<Trend>(
      rng,
      n,
      [
        ['slipping', 0.15, 2],
        ['recovering', 0.15, 2],
        ['volatileAmber', 0.15, 1],
        ['steadyAmber', 0.1, 1],
        ['chronicRed', 0.05, 1],
      ],
      'steadyGreen',
    );
    // Every PM runs at least one project before anyone gets a second.
    const pmOrder = [...rng.shuffle(pms)];
    const codes = new Map<string, number>();
    const titles = new Set<string>();
    const plans: Plan[] = [];
    let activeIndex = 0;
    let reportingIndex = 0;
    for (let i = 0; i < n; i++) {
      const state = states[i];
      const history: History = state === 'active' ? histories[activeIndex++] : 'full';
      const reporting: Reporting =
        state === 'active' && history !== 'new' ? reportings[reportingIndex++] : 'onTime';
      const pm = i < pmOrder.length ? pmOrder[i] : rng.pick(pms);
      plans.push(this.planProject(state, history, reporting, trends[i], pm, codes, titles));
    }
    return plans;
  }

  private planProject(
    state: ProjectState,
    history: History,
    reporting: Reporting,
    trendDrawn: Trend,
    pm: Person,
    codes: Map<string, number>,
    titles: Set<string>,
  ): Plan {
    const rng = this.rng;
    const program = rng.pick(T.PROGRAMS);
    const department = rng.chance(0.6) ? program.home : rng.pick(T.DEPARTMENTS);
    const number = (codes.get(program.prefix) ?? 0) + 1;
    codes.set(program.prefix, number);
    const code = `${program.prefix}-${String(number).padStart(3, '0')}`;
    const object = rng.pick(program.objects);
    let title = '';
    for (let attempt = 0; attempt < 6 && (title === '' || titles.has(title)); attempt++) {
      title = `${rng.pick(T.VERBS)} ${rng.pick(program.objects)}${rng.weighted(T.QUALIFIERS)}`;
    }
    if (titles.has(title)) title = `${title} (${code})`;
    titles.add(title);

    const sameDept = this.sponsors.filter((s) => s.department === department);
    const firstSponsor =
      sameDept.length > 0 && rng.chance(0.6) ? rng.pick(sameDept) : rng.pick(this.sponsors);
    const sponsors = [firstSponsor];
    if (rng.chance(0.3)) {
      const second = rng.pick(this.sponsors);
      if (second.id !== firstSponsor.id) sponsors.push(second);
    }
    const delegates: Person[] = [];
    if (rng.chance(0.25)) delegates.push(rng.pick(this.delegates));
    if (delegates.length > 0 && rng.chance(0.15)) {
      const second = rng.pick(this.delegates);
      if (second.id !== delegates[0].id) delegates.push(second);
    }

    const cadence: StatusCadence = {
      weekday: rng.weighted<StatusCadence['weekday']>([
        [5, 70],
        [4, 12],
        [1, 8],
        [3, 6],
        [2, 4],
      ]),
      localTime: rng.weighted([
        ['10:00', 50],
        ['09:00', 20],
        ['14:00', 15],
        ['16:00', 10],
        ['11:30', 5],
      ]),
      timeZone: pm.timeZone ?? this.options.pmoTimeZone,
    };
    const weeks = this.options.weeks;
    const projectWeek = isoWeekOf(new Date(this.nowMs), cadence.timeZone);

    // Where the history ends: this week, last week, or further back (late, stale, paused, closed).
    let end: IsoWeek;
    if (state === 'onHold') end = this.shift(projectWeek, -rng.int(3, 8));
    else if (state === 'closed') end = this.shift(projectWeek, -rng.int(2, 10));
    else if (reporting === 'late') end = this.shift(projectWeek, -1);
    else if (reporting === 'stale') {
      // Measured from the earlier of the two zones' weeks, so it is stale from the PMO's side too.
      const base = projectWeek < this.currentWeek ? projectWeek : this.currentWeek;
      end = this.shift(base, -rng.int(2, 3));
    } else end = this.canReport(projectWeek, cadence) ? projectWeek : this.shift(projectWeek, -1);
    const windowStart = this.shift(end, -(weeks - 1));
    const windowStartDate = dateOf(this.bounds(windowStart, 'UTC').start);
    const endMoment = this.moment(end, cadence);
    const endDate = dateOf(endMoment);

    let startDate: string;
    if (history === 'new') startDate = addDays(this.today, rng.int(-10, 21));
    else if (history === 'recent') {
      // Started inside the window, a week or more before its last report (which may be an early one today).
      const lastDate = dateOf(Math.min(endMoment, this.nowMs));
      const latest = Math.max(0, Math.floor((parseDate(lastDate) - parseDate(windowStartDate)) / DAY) - 7);
      startDate = addDays(windowStartDate, rng.int(Math.min(7, latest), latest));
    } else startDate = addDays(windowStartDate, -rng.int(7, 240));

    let baselineFinish: string;
    let activeUntil = this.nowMs;
    if (state === 'closed') {
      activeUntil = endMoment + 4 * HOUR;
      baselineFinish = addDays(endDate, rng.int(-21, 10));
    } else if (state === 'onHold') {
      activeUntil = endMoment + 4 * HOUR;
      baselineFinish = addDays(endDate, rng.int(60, 400));
    } else if (history === 'new') {
      baselineFinish = addDays(startDate, rng.int(120, 540));
    } else {
      baselineFinish = addDays(this.today, rng.int(30, 540));
    }
    if (baselineFinish < addDays(startDate, 30)) baselineFinish = addDays(startDate, 30);

    const reportWeeks: IsoWeek[] = [];
    if (history !== 'new') {
      let week = windowStart;
      // A project reports from its first cadence moment after it starts.
      while (week < end && this.moment(week, cadence) < parseDate(startDate) + DAY)
        week = this.shift(week, 1);
      for (; week <= end; week = this.shift(week, 1)) {
        // The odd missed week in the middle of a history, as in real life.
        if (week !== end && reportWeeks.length > 0 && rng.chance(0.03)) continue;
        reportWeeks.push(week);
      }
    }

    // Trends need a few weeks to show; a short history gets a steadier one.
    let trend = trendDrawn;
    if ((trend === 'slipping' || trend === 'recovering') && reportWeeks.length < 4) trend = 'volatileAmber';
    const driver: RagDimension =
      trend === 'slipping'
        ? rng.weighted<RagDimension>([
            ['schedule', 6],
            ['budget', 3],
            ['resources', 1],
          ])
        : rng.weighted<RagDimension>([
            ['schedule', 45],
            ['budget', 25],
            ['resources', 20],
            ['scope', 10],
          ]);

    const baseline = roundTo(Math.exp(rng.float(Math.log(50_000), Math.log(5_000_000))), 5_000);
    const createdAt = Math.min(
      this.nowMs - HOUR,
      parseDate(startDate) - rng.int(3, 30) * DAY + rng.int(8 * 60, 17 * 60) * MINUTE,
    );
    const id = rng.uuid();
    const region = rng.pick(T.REGIONS);
    const project: DemoProject = {
      id,
      code,
      title,
      description:
        `${title}: part of the ${program.name} programme, led by ${department}, covering ${region}. ` +
        rng.pick(T.BENEFITS),
      program: program.name,
      department,
      projectManager: ref(pm),
      delegates: delegates.map(ref),
      sponsors: sponsors.map(ref),
      phase: 'initiation',
      state,
      methodology: rng.weighted<Methodology>(program.methodology),
      startDate,
      baselineFinish,
      forecastFinish: baselineFinish,
      budget: { baseline, approved: baseline, actualCost: 0, forecastAtCompletion: baseline },
      percentComplete: 0,
      cadence,
      createdAt: iso(createdAt),
    };
    return {
      project,
      pm,
      delegates,
      sponsors,
      object,
      trend,
      driver,
      weeks: reportWeeks,
      firstWeek: windowStart,
      lastWeek: end,
      activeUntil,
      approvedChanges: [],
      finalLevel: 0,
    };
  }

  // ---- status history ----

  private makeReports(plan: Plan): void {
    const rng = this.rng;
    const { project, weeks } = plan;
    const start = parseDate(project.startDate);
    const span = parseDate(project.baselineFinish) - start;
    let spi = rng.float(0.96, 1.04);
    // Cost performance drifts back to the project's own norm whenever budget is green.
    const normalCpi = rng.float(0.93, 1.03);
    let cpi = normalCpi;
    const initialSlip = rng.chance(0.2) ? -rng.int(1, 7) : 0;
    let slip = initialSlip;
    let pct = 0;
    let cost = 0;
    let forecast = project.baselineFinish;
    let level: Level = 0;
    let rag: RagAssessment | null = null;
    const closing = project.state === 'closed';
    const pausing = project.state === 'onHold';
    for (let k = 0; k < weeks.length; k++) {
      const week = weeks[k];
      const last = k === weeks.length - 1;
      const f = weeks.length === 1 ? 1 : k / (weeks.length - 1);
      const at = this.submissionTime(week, project.cadence);
      if (at === null) continue;
      level = this.levelAt(plan.trend, f, k === 0, last, level);
      const dims = this.dimensions(level, plan.driver);
      if (closing && last) {
        // A project closes on a final, calm report: delivered, whatever the road was like.
        dims.schedule = dims.schedule === 'red' ? 'amber' : dims.schedule;
        dims.resources = 'green';
        dims.scope = 'green';
      }
      const suggested = suggestedOverall(dims);
      let overall = suggested;
      let reason: string | null = null;
      const worst = LEVELS.indexOf(suggested);
      // Not on the first or last report, so a trend's end points read plainly.
      if (worst > 0 && k > 0 && !last && rng.chance(0.07)) {
        // The watermelon guard in action: a better overall, with the PM's reason on record.
        overall = LEVELS[worst - 1];
        const driving = RAG_DIMENSIONS.find((d) => dims[d] === suggested) ?? plan.driver;
        reason = rng.pick(T.OVERRIDE_REASONS[driving]);
      }
      rag = { overall, ...dims };

      spi =
        dims.schedule === 'green'
          ? Math.min(1.05, spi + 0.004)
          : dims.schedule === 'amber'
            ? spi - 0.012
            : spi - 0.025;
      spi = Math.max(0.6, spi);
      const planned = clamp((at - start) / span, 0, 1);
      pct = clamp(Math.round(planned * spi * 100), pct, 99);
      if (closing && last) pct = 100;

      // Amber weeks lose a few days now and then, red weeks lose more; green weeks claw a little back.
      if (dims.schedule === 'amber' && rng.chance(0.35)) slip += rng.int(1, 5);
      else if (dims.schedule === 'red' && rng.chance(0.8)) slip += rng.int(3, 10);
      else if (dims.schedule === 'green' && slip > initialSlip && rng.chance(0.15)) {
        slip = Math.max(initialSlip, slip - rng.int(1, 3));
      }
      forecast = addDays(project.baselineFinish, slip);
      if (closing && last) forecast = dateOf(at);
      if (forecast < project.startDate) forecast = project.startDate;

      cpi =
        dims.budget === 'green'
          ? cpi + (normalCpi - cpi) * 0.15 + rng.float(-0.004, 0.004)
          : dims.budget === 'amber'
            ? cpi + 0.006
            : cpi + 0.015;
      cpi = clamp(cpi, 0.85, 1.6);
      const approved =
        project.budget.baseline +
        plan.approvedChanges.filter((c) => c.at <= at).reduce((s, c) => s + c.cost, 0);
      cost = Math.max(cost, roundTo((approved * pct * cpi) / 100, 100));

      const submitter = plan.delegates.length > 0 && rng.chance(0.2) ? rng.pick(plan.delegates) : plan.pm;
      const early = at < this.moment(week, project.cadence);
      const source: StatusSource = rng.chance(early ? 0.6 : 0.22) ? 'tab' : 'bot';
      const report: DemoStatusReport = {
        id: rng.uuid(),
        projectId: project.id,
        week,
        rag,
        overallOverrideReason: reason,
        percentComplete: pct,
        accomplishments: this.text(plan, level, 'accomplishments', k),
        nextSteps: this.text(plan, level, 'nextSteps', k),
        risksAndIssues: this.text(plan, level, 'risksAndIssues', k),
        decisionsNeeded: this.text(plan, level, 'decisionsNeeded', k),
        actualCostToDate: cost,
        forecastFinish: forecast,
        suggestedOverall: suggested,
        submittedBy: ref(submitter),
        submittedAt: iso(at),
        source,
      };
      if (last && pausing) {
        report.accomplishments = T.PAUSED_NOTE;
        report.decisionsNeeded = T.PAUSED_DECISION;
      }
      if (last && closing) {
        report.accomplishments = T.CLOSED_NOTE;
        report.nextSteps = T.CLOSED_NEXT;
        report.decisionsNeeded = 'None.';
      }

      const resubmitAt = this.resubmissionTime(week, project.cadence, at);
      if (resubmitAt !== null) {
        // The first answer was a rough draft; the PM corrected it later that week (kept as a revision).
        this.reports.push(this.firstDraft(report, plan, k));
        this.reports.push({
          ...report,
          submittedAt: iso(resubmitAt),
          submittedBy: ref(plan.pm),
          source: rng.chance(0.5) ? 'tab' : 'bot',
        });
      } else {
        this.reports.push(report);
      }
    }
    plan.finalLevel = level;

    const p = plan.project;
    const approvedTotal = p.budget.baseline + plan.approvedChanges.reduce((s, c) => s + c.cost, 0);
    p.budget.approved = approvedTotal;
    // The project carries what its newest report says (as `projectUpdateFromReport` would copy it).
    p.percentComplete = pct;
    p.budget.actualCost = cost;
    p.forecastFinish = forecast;
    p.budget.forecastAtCompletion =
      rag === null ? approvedTotal : closing ? cost : roundTo(approvedTotal * Math.max(cpi, 0.92), 1_000);
    p.phase = phaseOf(p.state, pct, rag !== null);
  }

  /** Health level (0 green, 1 amber, 2 red) at fraction `f` of a project's history. */
  private levelAt(trend: Trend, f: number, first: boolean, last: boolean, previous: Level): Level {
    const rng = this.rng;
    const noisy = (base: Level): Level => {
      if (first || last || !rng.chance(0.1)) return base;
      return clamp(base + (rng.chance(0.5) ? 1 : -1), 0, 2) as Level;
    };
    switch (trend) {
      case 'steadyGreen':
        return !first && rng.chance(0.07) ? 1 : 0;
      case 'steadyAmber':
        return rng.weighted<Level>([
          [1, 80],
          [0, 15],
          [2, 5],
        ]);
      case 'chronicRed':
        return rng.weighted<Level>([
          [2, 75],
          [1, 25],
        ]);
      case 'volatileAmber': {
        const next = rng.weighted<Level>([
          [0, 30],
          [1, 50],
          [2, 20],
        ]);
        // Volatile, but rarely the same non-amber extreme twice in a row.
        return next === previous && next !== 1 && rng.chance(0.5) ? 1 : next;
      }
      case 'slipping':
        if (first) return 0;
        if (last) return 2;
        return noisy(f < 0.3 ? 0 : f < 0.65 ? 1 : 2);
      case 'recovering':
        if (first) return 2;
        if (last) return 0;
        return noisy(f < 0.3 ? 2 : f < 0.65 ? 1 : 0);
    }
  }

  /** Dimensions whose worst is exactly `level`: the driver carries it, the others trail. */
  private dimensions(level: Level, driver: RagDimension): Omit<RagAssessment, 'overall'> {
    const rng = this.rng;
    const dims = { schedule: 'green', budget: 'green', scope: 'green', resources: 'green' } as Record<
      RagDimension,
      Rag
    >;
    for (const d of RAG_DIMENSIONS) {
      if (d === driver) dims[d] = LEVELS[level];
      else {
        const r = rng.next();
        dims[d] = LEVELS[r < 0.1 ? level : r < 0.35 ? Math.max(0, level - 1) : 0];
      }
    }
    return dims;
  }

  /** When `week`'s report went in: near the PM's cadence moment, never after now or the week's end. */
  private submissionTime(week: IsoWeek, cadence: StatusCadence): number | null {
    const rng = this.rng;
    const { start, end } = this.bounds(week, cadence.timeZone);
    const latest = Math.min(end - MINUTE, this.nowMs - MINUTE);
    const moment = this.moment(week, cadence);
    if (moment <= latest) {
      const r = rng.next();
      const delay = r < 0.6 ? rng.int(2, 180) : r < 0.85 ? rng.int(180, 480) : rng.int(1200, 3000);
      let at = moment + delay * MINUTE + rng.int(0, 59) * 1000;
      if (at > latest) at = moment + Math.floor(rng.next() * (latest - moment));
      return at;
    }
    // This week's moment is still ahead: the PM answered early, from the tab or by messaging the bot.
    const from = start + 8 * HOUR;
    if (latest - from < 30 * MINUTE) return null;
    return from + Math.floor((rng.next() * (latest - from)) / 1000) * 1000;
  }

  private canReport(week: IsoWeek, cadence: StatusCadence): boolean {
    const { start, end } = this.bounds(week, cadence.timeZone);
    const latest = Math.min(end - MINUTE, this.nowMs - MINUTE);
    return this.moment(week, cadence) <= latest || latest - (start + 8 * HOUR) >= 30 * MINUTE;
  }

  /** A correction later the same week (in the PM's zone), or null when there is no time left for one. */
  private resubmissionTime(week: IsoWeek, cadence: StatusCadence, first: number): number | null {
    if (!this.rng.chance(0.04)) return null;
    const latest = Math.min(this.bounds(week, cadence.timeZone).end - MINUTE, this.nowMs - MINUTE);
    const at = first + this.rng.int(45, 1500) * MINUTE;
    return at <= latest ? at : null;
  }

  /** The draft a resubmission replaced: a lower percentage and, now and then, a gloomier driver. */
  private firstDraft(report: DemoStatusReport, plan: Plan, k: number): DemoStatusReport {
    const rng = this.rng;
    const draft: DemoStatusReport = {
      ...report,
      percentComplete: Math.max(0, report.percentComplete - rng.int(1, 4)),
      accomplishments: this.text(plan, 0, 'accomplishments', k + 1),
    };
    if (rng.chance(0.3) && report.rag[plan.driver] !== 'red') {
      const { overall: _ignored, ...dims } = report.rag;
      dims[plan.driver] = dims[plan.driver] === 'green' ? 'amber' : 'red';
      const suggested = suggestedOverall(dims);
      draft.rag = { overall: suggested, ...dims };
      draft.suggestedOverall = suggested;
      draft.overallOverrideReason = null;
    }
    return draft;
  }

  private text(
    plan: Plan,
    level: Level,
    kind: 'accomplishments' | 'nextSteps' | 'risksAndIssues' | 'decisionsNeeded',
    k: number,
  ): string {
    const rng = this.rng;
    const agile = plan.project.methodology === 'agile';
    let parts: string[];
    switch (kind) {
      case 'accomplishments': {
        const pool = agile && rng.chance(0.5) ? T.AGILE_ACCOMPLISHMENTS : T.ACCOMPLISHMENTS;
        parts = rng.sample(pool, rng.int(1, 2));
        break;
      }
      case 'nextSteps':
        parts = rng.sample(agile && rng.chance(0.4) ? T.AGILE_NEXT_STEPS : T.NEXT_STEPS, rng.int(1, 2));
        break;
      case 'risksAndIssues':
        parts = [rng.pick(T.RISKS_BY_LEVEL[level])];
        break;
      case 'decisionsNeeded':
        parts = [rng.pick(T.DECISIONS_BY_LEVEL[level])];
        break;
    }
    return parts.map((p) => this.fill(p, plan, k)).join(' ');
  }

  private fill(template: string, plan: Plan, k: number): string {
    if (!template.includes('{')) return template;
    const rng = this.rng;
    return template.replace(/\{(\w+)\}/g, (_, key: string) => {
      switch (key) {
        case 'object':
          return plan.object;
        case 'vendor':
          return rng.pick(T.VENDORS);
        case 'region':
          return rng.pick(T.REGIONS);
        case 'n':
          return String(rng.int(2, 12));
        case 'm':
          return String(rng.int(13, 40));
        case 'month':
          return rng.pick(T.MONTHS);
        case 'sprint':
          return String(k + 3);
        default:
          return key;
      }
    });
  }

  // ---- change requests ----

  private makeChangeRequests(plan: Plan): void {
    const rng = this.rng;
    const { project } = plan;
    const from = Math.max(Date.parse(project.createdAt) + DAY, parseDate(project.startDate));
    const decidedCount = rng.chance(0.35) ? (rng.chance(0.15) ? 2 : 1) : 0;
    for (let i = 0; i < decidedCount; i++) {
      const until = Math.min(plan.activeUntil, this.nowMs) - 15 * DAY;
      if (until <= from) break;
      const requestedAt = from + Math.floor((rng.next() * (until - from)) / 1000) * 1000;
      const state = rng.weighted<'approved' | 'rejected' | 'withdrawn'>([
        ['approved', 70],
        ['rejected', 25],
        ['withdrawn', 5],
      ]);
      this.changeRequest(plan, requestedAt, state);
    }
    if (project.state === 'active' && plan.weeks.length > 0 && rng.chance(0.15)) {
      const requestedAt = Math.floor(this.nowMs / MINUTE) * MINUTE - rng.int(2 * 60, 10 * 24 * 60) * MINUTE;
      if (requestedAt > from) this.changeRequest(plan, requestedAt, 'submitted');
    }
  }

  private changeRequest(
    plan: Plan,
    requestedAt: number,
    state: 'approved' | 'rejected' | 'withdrawn' | 'submitted',
  ): void {
    const rng = this.rng;
    const { project } = plan;
    const template = rng.pick(T.CHANGE_REQUESTS);
    const fill = (s: string) => this.fill(s, plan, 0);
    const policy: ApprovalPolicy = rng.weighted<ApprovalPolicy>([
      ['sequential', 5],
      ['all', 3],
      ['any', 2],
    ]);
    const approvers = plan.sponsors.map(ref);
    const cr: ChangeRequest = {
      id: rng.uuid(),
      projectId: project.id,
      title: fill(template.title),
      description: fill(template.description),
      costDelta: Math.max(1_000, roundTo(project.budget.baseline * rng.float(0.03, 0.2), 1_000)),
      scheduleDeltaDays: rng.int(0, 45),
      scopeChange: fill(template.scopeChange),
      benefitImpact: fill(template.benefitImpact),
      justification: fill(template.justification),
      requestedBy: ref(plan.pm),
      requestedAt: iso(requestedAt),
      approvers,
      policy,
      state,
      decidedAt: null,
      history: [],
      version: 1,
    };
    const decisions: Decision[] = [];
    let at = requestedAt;
    const decide = (approver: PersonRef, outcome: 'approved' | 'rejected'): void => {
      at += rng.int(2, 72) * HOUR + rng.int(0, 59) * MINUTE;
      decisions.push({
        id: rng.uuid(),
        changeRequestId: cr.id,
        approver: ref(approver),
        decision: outcome,
        comment: outcome === 'approved' ? rng.pick(T.APPROVE_COMMENTS) : rng.pick(T.REJECT_COMMENTS),
        at: iso(at),
        channel: rng.chance(0.75) ? 'bot' : 'tab',
      });
    };
    if (state === 'approved') {
      const order =
        policy === 'any' ? [rng.pick(approvers)] : policy === 'all' ? rng.shuffle(approvers) : approvers;
      for (const a of order) decide(a, 'approved');
    } else if (state === 'rejected') {
      if (policy === 'any') decide(rng.pick(approvers), 'rejected');
      else {
        const order = policy === 'all' ? rng.shuffle(approvers) : approvers;
        // Approvals until someone says no; in sequential order nobody after them is asked.
        const rejecter = rng.int(0, order.length - 1);
        for (let i = 0; i < rejecter; i++) decide(order[i], 'approved');
        decide(order[rejecter], 'rejected');
      }
    } else if (state === 'submitted' && policy !== 'any' && approvers.length > 1 && rng.chance(0.5)) {
      // Half-way through: the first approver has said yes, the next is still thinking.
      decide(policy === 'all' ? rng.pick(approvers) : approvers[0], 'approved');
      if (at > this.nowMs - MINUTE) decisions.pop();
    }
    if (state === 'approved' || state === 'rejected') cr.decidedAt = iso(at);
    if (state === 'approved') plan.approvedChanges.push({ at, cost: cr.costDelta });
    this.changeRequests.push(cr);
    this.decisions.push(...decisions);
  }

  // ---- weekly status requests ----

  /**
   * What the weekly cycle (StatusCycleService) would have filed, week by week, from the start of each
   * project's history to this week, by the rules of api/domain/status-request.ts:
   * - none before the project reports (its first cadence moment after it starts) or before the week's
   *   request is due (requestDueAt): the cycle files a request only once it is due;
   * - on hold or closed since its last report: excused, with the domain's reason;
   * - a report in before the request was due: submitted, never sent; after: sent when due, reminded and
   *   escalated on the way if the report came that late, then submitted;
   * - no report: sent, reminded a day after it was due, overdue and escalated after two.
   * This week one PM removed the bot before a request of theirs was due, and has answered nothing since:
   * from then on their requests are undeliverable.
   * The requests draw from a random stream of their own, so adding them left the rest of the demo as it was.
   */
  private makeStakeholders(plans: readonly Plan[]): void {
    const rng = new Random(this.seed ^ STAKEHOLDER_STREAM);
    const add = (entry: Omit<Stakeholder, 'id' | 'version'>) =>
      this.stakeholders.push({ ...entry, id: rng.uuid(), version: 1 });
    const none = { person: null, address: null, channelId: null };
    // Each program's steering group hears by email, on its distribution list.
    const programs = [...new Set(plans.map((p) => p.project.program))].sort();
    for (const program of programs) {
      const slug = program
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      add({
        ...none,
        scope: { kind: 'program', id: program },
        address: `${slug}-steering@${T.DEMO_DOMAIN}`,
        role: 'steering',
        channel: 'email',
        frequency: rng.chance(0.5) ? 'fortnightly' : 'monthly',
      });
    }
    let customers = 0;
    for (const plan of plans) {
      const scope = { kind: 'project' as const, id: plan.project.id };
      // Sponsors read a short digest in a Teams chat with the bot.
      for (const sponsor of plan.sponsors) {
        add({
          ...none,
          scope,
          person: { id: sponsor.id, name: sponsor.name, email: sponsor.email },
          role: 'sponsor',
          channel: 'teamsChat',
          frequency: 'weekly',
        });
      }
      if (plan.project.state !== 'active') continue;
      // Some teams follow their project in a channel of their own.
      if (rng.chance(0.35)) {
        add({
          ...none,
          scope,
          channelId: `19:${rng.uuid().replace(/-/g, '')}@thread.tacv2`,
          role: 'team',
          channel: 'teamsChannel',
          frequency: 'weekly',
        });
      }
      if (customers < CUSTOMER_ADDRESSES.length && rng.chance(0.15)) {
        add({
          ...none,
          scope,
          address: CUSTOMER_ADDRESSES[customers],
          role: 'customer',
          channel: 'email',
          frequency: 'milestones',
        });
        customers += 1;
      }
    }
  }

  private makeStatusRequests(plans: readonly Plan[]): void {
    const rng = new Random(this.seed ^ STATUS_REQUEST_STREAM);
    // When each (project, week) was first answered: a resubmission does not move it.
    const answered = new Map<string, number>();
    for (const r of this.reports) {
      const key = `${r.projectId}|${r.week}`;
      const at = Date.parse(r.submittedAt);
      const first = answered.get(key);
      if (first === undefined || at < first) answered.set(key, at);
    }
    const { reminderAfterMs, deadlineAfterMs } = DEFAULT_CYCLE;
    // The cycle runs every minute: it acts a few seconds after each moment.
    const tick = (moment: number) => moment + rng.int(1, 20) * 1000;
    const thisWeekOf = new Map<string, IsoWeek>();
    // This week's requests that were sent, by PM, in the order they fell due.
    const sentThisWeek = new Map<string, { pm: Person; requests: StatusRequest[] }>();

    for (const plan of plans) {
      const { project } = plan;
      const zone = project.cadence.timeZone;
      let thisWeek = thisWeekOf.get(zone);
      if (thisWeek === undefined) thisWeekOf.set(zone, (thisWeek = isoWeekOf(new Date(this.nowMs), zone)));
      const from = Math.max(Date.parse(project.createdAt), parseDate(project.startDate) + DAY);
      const excuse =
        project.state === 'active' ? null : excuseFor(project, plan.pm, new Date(this.nowMs), zone);
      for (let week = plan.firstWeek; week <= thisWeek; week = this.shift(week, 1)) {
        const due = this.dueAt(week, project.cadence);
        if (due > this.nowMs) break;
        if (due < from) continue;
        const answeredAt = answered.get(`${project.id}|${week}`);
        const request: StatusRequest = {
          id: rng.uuid(),
          projectId: project.id,
          week,
          state: 'pending',
          sentAt: null,
          remindedAt: null,
          escalatedAt: null,
          reason: null,
          cardActivityId: null,
          conversationId: null,
          createdAt: iso(Math.min(tick(due), this.nowMs)),
          version: 1,
        };
        if (excuse && week > plan.lastWeek) {
          request.state = 'excused';
          request.reason = excuse;
        } else if (answeredAt !== undefined && answeredAt < due) {
          request.state = 'submitted';
        } else {
          const until = answeredAt ?? this.nowMs;
          request.sentAt = iso(Math.min(Date.parse(request.createdAt), until));
          const remindAt = tick(due + reminderAfterMs);
          const escalateAt = tick(due + deadlineAfterMs);
          if (remindAt <= until) request.remindedAt = iso(remindAt);
          if (escalateAt <= until) request.escalatedAt = iso(escalateAt);
          request.state =
            answeredAt !== undefined ? 'submitted' : request.escalatedAt ? 'overdue' : 'pending';
        }
        this.statusRequests.push(request);
        if (week !== thisWeek || request.sentAt === null) continue;
        const entry = sentThisWeek.get(plan.pm.id) ?? { pm: plan.pm, requests: [] };
        entry.requests.push(request);
        sentThisWeek.set(plan.pm.id, entry);
      }
    }

    // Whose requests from some point on all went unanswered: the bot may have lost them at that point.
    const candidates: Array<{ pm: Person; requests: StatusRequest[] }> = [];
    for (const { pm, requests } of sentThisWeek.values()) {
      requests.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      const lostFrom = requests.findIndex((r) => r.state !== 'submitted');
      const lost = lostFrom < 0 ? [] : requests.slice(lostFrom);
      if (lost.length > 0 && lost.every((r) => r.state !== 'submitted'))
        candidates.push({ pm, requests: lost });
    }
    // Nothing was sent, reminded or escalated for these: the PMO sees why instead.
    for (const { pm, requests } of rng.sample(candidates, Math.ceil(candidates.length / 20))) {
      for (const request of requests) {
        Object.assign(request, {
          state: 'undeliverable',
          sentAt: null,
          remindedAt: null,
          escalatedAt: null,
          reason: `${pm.name} has not installed PMO Hub in Teams, so the bot cannot reach them.`,
        } satisfies Partial<StatusRequest>);
      }
    }
  }

  // ---- RAID ----

  private makeRaid(plan: Plan): void {
    const rng = this.rng;
    const { project } = plan;
    const big = this.options.projects > 500;
    const from = Math.max(Date.parse(project.createdAt) + HOUR, parseDate(project.startDate));
    const until = Math.min(plan.activeUntil, this.nowMs - HOUR);
    if (until <= from) return;
    const when = () => from + Math.floor((rng.next() * (until - from)) / 1000) * 1000;
    const level = plan.finalLevel;
    const done = project.state === 'closed';
    const owner = (): PersonRef | null => {
      const r = rng.next();
      if (r < 0.05) return null;
      if (r < 0.25 && plan.delegates.length > 0) return ref(rng.pick(plan.delegates));
      if (r < 0.4) return ref(rng.pick(plan.sponsors));
      return ref(plan.pm);
    };
    const envelope = (createdAtMs: number) => {
      const updated = Math.min(until, createdAtMs + rng.int(0, 21) * DAY);
      return {
        id: rng.uuid(),
        projectId: project.id,
        owner: owner(),
        dueDate: rng.chance(0.9) ? addDays(dateOf(createdAtMs), rng.int(7, 75)) : null,
        createdAt: iso(createdAtMs),
        updatedAt: iso(updated),
        createdBy: ref(rng.chance(0.8) ? plan.pm : rng.pick(PMO_STAFF)),
        version: 1,
      };
    };
    const fill = (s: string) => this.fill(s, plan, 0);

    const riskCount = big ? rng.int(1, 3) : rng.int(2, 5);
    for (let i = 0; i < riskCount; i++) {
      const t = rng.pick(T.RISKS);
      const high = (level === 2 && i === 0) || rng.chance(level === 0 ? 0.06 : 0.15);
      const lo = high ? 4 : level === 0 ? 1 : 2;
      const hi = high ? 5 : level === 0 ? 3 : 4;
      const risk: Risk = {
        ...envelope(when()),
        kind: 'risk',
        title: t.title,
        description: fill(t.description),
        probability: rng.int(lo, hi) as Score,
        impact: rng.int(high ? 4 : lo, hi) as Score,
        mitigation: fill(t.mitigation),
        status: done
          ? rng.weighted<Risk['status']>([
              ['closed', 8],
              ['occurred', 2],
            ])
          : high
            ? rng.weighted<Risk['status']>([
                ['open', 5],
                ['mitigating', 5],
              ])
            : rng.weighted<Risk['status']>([
                ['open', 45],
                ['mitigating', 30],
                ['closed', 18],
                ['occurred', 7],
              ]),
      };
      this.raid.push(risk);
    }
    const issueCount = big ? rng.int(0, 2) : rng.int(1, 3);
    for (let i = 0; i < issueCount; i++) {
      const t = rng.pick(T.ISSUES);
      const status = done
        ? rng.weighted<Issue['status']>([
            ['closed', 7],
            ['resolved', 3],
          ])
        : rng.weighted<Issue['status']>([
            ['open', 35],
            ['inProgress', 35],
            ['resolved', 20],
            ['closed', 10],
          ]);
      const issue: Issue = {
        ...envelope(when()),
        kind: 'issue',
        title: t.title,
        description: fill(t.description),
        severity: rng.weighted<Issue['severity']>(
          level === 2
            ? [
                ['critical', 3],
                ['high', 4],
                ['medium', 2],
                ['low', 1],
              ]
            : [
                ['critical', 1],
                ['high', 3],
                ['medium', 5],
                ['low', 3],
              ],
        ),
        resolution: status === 'resolved' || status === 'closed' ? fill(t.resolution) : '',
        status,
      };
      this.raid.push(issue);
    }
    const decisionCount = big ? rng.int(0, 2) : rng.int(1, 3);
    for (let i = 0; i < decisionCount; i++) {
      const t = rng.pick(T.DECISION_LOG);
      const createdAt = when();
      const status = done
        ? 'decided'
        : rng.weighted<DecisionLogEntry['status']>([
            ['proposed', 3],
            ['decided', 6],
            ['superseded', 1],
          ]);
      const decided = status !== 'proposed';
      const entry: DecisionLogEntry = {
        ...envelope(createdAt),
        kind: 'decision',
        title: fill(t.title),
        description: fill(t.description),
        rationale: fill(t.rationale),
        decidedBy: decided ? ref(rng.pick(plan.sponsors)) : null,
        decidedOn: decided ? dateOf(Math.min(until, createdAt + rng.int(0, 14) * DAY)) : null,
        status,
      };
      this.raid.push(entry);
    }
  }

  // ---- week and time caches (luxon is the slow part of a 5,000-project run) ----

  private shift(week: IsoWeek, n: number): IsoWeek {
    const key = `${week}|${n}`;
    let out = this.weekShift.get(key);
    if (out === undefined) this.weekShift.set(key, (out = addWeeks(week, n)));
    return out;
  }

  private bounds(week: IsoWeek, zone: string): { start: number; end: number } {
    const key = `${week}|${zone}`;
    let out = this.boundsCache.get(key);
    if (!out) {
      const b = weekBounds(week, zone);
      this.boundsCache.set(key, (out = { start: b.start.getTime(), end: b.end.getTime() }));
    }
    return out;
  }

  /** When the week's status request is due, as the cycle computes it (requestDueAt), cached. */
  private dueAt(week: IsoWeek, cadence: StatusCadence): number {
    const key = `${week}|${cadence.weekday}|${cadence.localTime}|${cadence.timeZone}`;
    let out = this.dueCache.get(key);
    if (out === undefined) this.dueCache.set(key, (out = requestDueAt({ cadence }, week).getTime()));
    return out;
  }

  /** When the week's status request goes out: the cadence weekday and local time in the PM's zone. */
  private moment(week: IsoWeek, cadence: StatusCadence): number {
    const key = `${week}|${cadence.weekday}|${cadence.localTime}|${cadence.timeZone}`;
    let out = this.momentCache.get(key);
    if (out === undefined) {
      const [hour, minute] = cadence.localTime.split(':').map(Number);
      out = DateTime.fromMillis(this.bounds(week, cadence.timeZone).start, { zone: cadence.timeZone })
        .set({ weekday: cadence.weekday, hour, minute })
        .toMillis();
      this.momentCache.set(key, out);
    }
    return out;
  }
}

function phaseOf(state: ProjectState, pct: number, reported: boolean): ProjectPhase {
  if (state === 'closed') return 'closure';
  if (!reported) return 'initiation';
  if (pct < 5) return 'initiation';
  if (pct < 20) return 'planning';
  if (pct < 92) return 'execution';
  return 'closure';
}
