import type { IsoWeek } from '../../api/domain/iso-week';
import type { StatusRequest } from '../../api/domain/status-request';
import { portfolioHighlightsResponse, portfolioTrendResponse } from '../../api/http/schemas/portfolio';
import { PEOPLE, projectBody, ref, statusBody } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

const RED = { overall: 'red', schedule: 'red', budget: 'green', scope: 'green', resources: 'green' };
const GREEN = { overall: 'green', schedule: 'green', budget: 'green', scope: 'green', resources: 'green' };
const AMBER = { overall: 'amber', schedule: 'amber', budget: 'green', scope: 'green', resources: 'green' };

/**
 * The dashboard's trend and tiles. Wednesday 25 November 2026, 12:00 London: the PMO's week is 2026-W48.
 * Pat manages FIN-001 (due Mondays), OPS-001 (due Fridays) and LEG-001 (on hold); Quinn manages HR-001.
 * Sasha sponsors everything, Tom only HR-001 (before Sasha). HR-001 is in the People program, the rest in
 * Finance Transformation.
 */
describe('Portfolio trend and highlights API', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-11-25T12:00:00Z' });
    const head = server.as(PEOPLE.head);
    const make = async (code: string, extra: Record<string, unknown> = {}) => {
      const res = await head('POST', '/api/projects', projectBody({ code, ...extra }));
      expect(res.status).toBe(201);
      ids[code] = res.body.id;
    };
    await make('FIN-001', { cadence: { weekday: 1, localTime: '09:00', timeZone: 'Europe/London' } });
    await make('HR-001', {
      program: 'People',
      department: 'HR',
      projectManager: ref(PEOPLE.otherPm),
      sponsors: [ref(PEOPLE.otherSponsor), ref(PEOPLE.sponsor)],
      delegates: [],
    });
    await make('OPS-001');
    await make('LEG-001', { state: 'onHold' });

    const report = async (who: typeof PEOPLE.pm, code: string, week: string, rag: object) => {
      const res = await server.as(who)(
        'POST',
        `/api/projects/${ids[code]}/status-reports`,
        statusBody({ week, rag }),
      );
      expect(res.status).toBe(201);
    };
    await report(PEOPLE.pm, 'FIN-001', '2026-W46', GREEN);
    await report(PEOPLE.pm, 'FIN-001', '2026-W47', AMBER);
    await report(PEOPLE.pm, 'FIN-001', '2026-W48', RED);
    await report(PEOPLE.otherPm, 'HR-001', '2026-W45', AMBER);
    await report(PEOPLE.otherPm, 'HR-001', '2026-W47', GREEN);

    // This week's requests, as the cycle leaves them (HR-001's was escalated; LEG-001 is on hold).
    const request = async (code: string, state: StatusRequest['state'], week = '2026-W48') => {
      await server.store.createStatusRequest({
        id: `request-${code}-${week}`,
        projectId: ids[code],
        week: week as IsoWeek,
        state,
        sentAt: state === 'excused' ? null : '2026-11-23T09:00:00.000Z',
        remindedAt: null,
        escalatedAt: state === 'overdue' ? '2026-11-25T09:00:00.000Z' : null,
        reason: state === 'excused' ? 'The project is on hold.' : null,
        cardActivityId: null,
        conversationId: null,
        createdAt: '2026-11-23T09:00:00.000Z',
        version: 1,
      });
    };
    await request('FIN-001', 'pending'); // due Monday 09:00: late
    await request('OPS-001', 'pending'); // due Friday: not yet
    await request('HR-001', 'overdue');
    await request('LEG-001', 'excused');
    await request('FIN-001', 'overdue', '2026-W47'); // last week's: not counted

    const risk = (who: typeof PEOPLE.pm, code: string, body: Record<string, unknown>) =>
      server.as(who)('POST', `/api/projects/${ids[code]}/risks`, { title: 'Risk', ...body });
    await risk(PEOPLE.pm, 'FIN-001', { probability: 4, impact: 5 });
    await risk(PEOPLE.pm, 'FIN-001', { probability: 3, impact: 5, status: 'mitigating' });
    await risk(PEOPLE.pm, 'FIN-001', { probability: 5, impact: 5, status: 'closed' });
    await risk(PEOPLE.pm, 'FIN-001', { probability: 2, impact: 2 });
    await risk(PEOPLE.otherPm, 'HR-001', { probability: 5, impact: 4 });

    const raise = (who: typeof PEOPLE.pm, code: string) =>
      server.as(who)('POST', '/api/change-requests', {
        projectId: ids[code],
        title: 'More scope',
        costDelta: 1000,
        scheduleDeltaDays: 7,
        justification: 'Needed.',
      });
    await raise(PEOPLE.pm, 'FIN-001'); // awaits Sasha
    ids.hrChange = (await raise(PEOPLE.otherPm, 'HR-001')).body.id; // awaits Tom, then Sasha
    const withdrawn = await raise(PEOPLE.pm, 'OPS-001');
    await server.as(PEOPLE.pm)('POST', `/api/change-requests/${withdrawn.body.id}/withdraw`);
  });
  afterAll(() => server.close());

  describe('GET /api/portfolio/trend', () => {
    const trend = (query = '', person = PEOPLE.head) =>
      server.as(person)('GET', `/api/portfolio/trend${query}`);

    it('should give each project’s overall RAG over the last N weeks, oldest first, null where none was filed', async () => {
      const res = await trend('?weeks=3');
      expect(res.status).toBe(200);
      portfolioTrendResponse.parse(res.body);
      expect(res.body).toEqual({
        weeks: ['2026-W46', '2026-W47', '2026-W48'],
        projects: {
          [ids['FIN-001']]: ['green', 'amber', 'red'],
          [ids['HR-001']]: [null, 'green', null],
          [ids['OPS-001']]: [null, null, null],
          [ids['LEG-001']]: [null, null, null],
        },
      });
    });

    it('should span 8 weeks by default and up to 26', async () => {
      const eight = await trend();
      expect(eight.body.weeks).toHaveLength(8);
      expect(eight.body.weeks[0]).toBe('2026-W41');
      expect(eight.body.weeks.at(-1)).toBe('2026-W48');
      expect(eight.body.projects[ids['HR-001']]).toEqual([
        null,
        null,
        null,
        null,
        'amber',
        null,
        'green',
        null,
      ]);
      const half = await trend('?weeks=26');
      expect(half.body.weeks).toHaveLength(26);
      expect(half.body.weeks[0]).toBe('2026-W23');
    });

    it('should show PMs and sponsors only their own projects, and an outsider none', async () => {
      expect(Object.keys((await trend('?weeks=2', PEOPLE.otherPm)).body.projects)).toEqual([ids['HR-001']]);
      expect(Object.keys((await trend('?weeks=2', PEOPLE.otherSponsor)).body.projects)).toEqual([
        ids['HR-001'],
      ]);
      expect(Object.keys((await trend('?weeks=2', PEOPLE.delegate)).body.projects).sort()).toEqual(
        [ids['FIN-001'], ids['LEG-001'], ids['OPS-001']].sort(),
      );
      const none = await trend('?weeks=2', PEOPLE.outsider);
      expect(none.status).toBe(200);
      expect(none.body).toEqual({ weeks: ['2026-W47', '2026-W48'], projects: {} });
    });

    it.each([
      ['?weeks=0', 'weeks'],
      ['?weeks=27', 'weeks'],
      ['?weeks=2.5', 'weeks'],
      ['?weeks=many', 'weeks'],
      ['?weeks=', 'weeks'],
      ['?week=3', 'week'],
    ])('should refuse %s with a 400 naming the parameter', async (query, field) => {
      const res = await trend(query);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.errors[0].field).toBe(field);
    });
  });

  describe('GET /api/portfolio/highlights', () => {
    const highlights = async (person: typeof PEOPLE.pm, query = '') => {
      const res = await server.as(person)('GET', `/api/portfolio/highlights${query}`);
      expect(res.status).toBe(200);
      return portfolioHighlightsResponse.parse(res.body);
    };

    it('should count this week’s requests, late statuses, open change requests and high risks over the whole portfolio for PMO staff', async () => {
      expect(await highlights(PEOPLE.head)).toEqual({
        week: '2026-W48',
        statusRequests: { pending: 2, submitted: 0, overdue: 1, excused: 1, undeliverable: 0 },
        lateStatuses: 2, // FIN-001 pending past Monday 09:00, HR-001 overdue
        openChangeRequests: 2,
        awaitingMyDecision: 0,
        openHighRisks: 3, // 20 and 15 on FIN-001 (open, mitigating), 20 on HR-001; not the closed 25 nor the 4
      });
    });

    it('should count only a PM’s own projects', async () => {
      expect(await highlights(PEOPLE.pm)).toEqual({
        week: '2026-W48',
        statusRequests: { pending: 2, submitted: 0, overdue: 0, excused: 1, undeliverable: 0 },
        lateStatuses: 1,
        openChangeRequests: 1,
        awaitingMyDecision: 0,
        openHighRisks: 2,
      });
      expect(await highlights(PEOPLE.otherPm)).toMatchObject({
        statusRequests: { pending: 0, submitted: 0, overdue: 1, excused: 0, undeliverable: 0 },
        lateStatuses: 1,
        openChangeRequests: 1,
        openHighRisks: 1,
      });
    });

    it('should count the change requests awaiting the caller’s decision now, in turn', async () => {
      expect((await highlights(PEOPLE.sponsor)).awaitingMyDecision).toBe(1); // FIN-001's; HR-001's awaits Tom first
      expect((await highlights(PEOPLE.otherSponsor)).awaitingMyDecision).toBe(1);
      const decided = await server.as(PEOPLE.otherSponsor)(
        'POST',
        `/api/change-requests/${ids.hrChange}/decisions`,
        { decision: 'approved' },
      );
      expect(decided.status).toBe(201);
      expect((await highlights(PEOPLE.sponsor)).awaitingMyDecision).toBe(2);
      expect((await highlights(PEOPLE.otherSponsor)).awaitingMyDecision).toBe(0);
      expect((await highlights(PEOPLE.head)).openChangeRequests).toBe(2);
    });

    describe('filtered as the portfolio is', () => {
      it('should count only the projects of the program asked for', async () => {
        expect(await highlights(PEOPLE.head, '?program=People')).toEqual({
          week: '2026-W48',
          statusRequests: { pending: 0, submitted: 0, overdue: 1, excused: 0, undeliverable: 0 },
          lateStatuses: 1, // HR-001 overdue
          openChangeRequests: 1,
          awaitingMyDecision: 0,
          openHighRisks: 1, // 20 on HR-001
        });
        expect(await highlights(PEOPLE.head, '?program=Finance%20Transformation')).toEqual({
          week: '2026-W48',
          statusRequests: { pending: 2, submitted: 0, overdue: 0, excused: 1, undeliverable: 0 },
          lateStatuses: 1, // FIN-001 pending past Monday 09:00
          openChangeRequests: 1, // FIN-001's; OPS-001's was withdrawn
          awaitingMyDecision: 0,
          openHighRisks: 2, // 20 and 15 on FIN-001
        });
        // Repeated values are alternatives: both programs are the whole portfolio.
        expect(await highlights(PEOPLE.head, '?program=People&program=Finance%20Transformation')).toEqual(
          await highlights(PEOPLE.head),
        );
      });

      it('should narrow by every filter together, with the portfolio’s own rules (RAG, staleness, search)', async () => {
        expect(await highlights(PEOPLE.head, '?rag=red')).toMatchObject({
          statusRequests: { pending: 1, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 },
          lateStatuses: 1,
          openChangeRequests: 1,
          openHighRisks: 2,
        }); // FIN-001 only
        // Stale as the portfolio judges it, in the same week: OPS-001 never reported (LEG-001 is on hold).
        const stale = await server.as(PEOPLE.head)('GET', '/api/portfolio?stale=true');
        expect(stale.body.projects.map((p: { code: string }) => p.code)).toEqual(['OPS-001']);
        expect(await highlights(PEOPLE.head, '?stale=true')).toMatchObject({
          statusRequests: { pending: 1, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 },
          lateStatuses: 0,
          openChangeRequests: 0,
          openHighRisks: 0,
        });
        expect(await highlights(PEOPLE.head, '?q=hr-&state=active')).toMatchObject({
          lateStatuses: 1,
          openChangeRequests: 1,
          openHighRisks: 1,
        });
        expect(await highlights(PEOPLE.head, '?program=People&pm=' + PEOPLE.pm.id)).toMatchObject({
          statusRequests: { pending: 0, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 },
          lateStatuses: 0,
          openChangeRequests: 0,
          openHighRisks: 0,
        });
      });

      it('should filter within what the caller may see, never beyond it', async () => {
        expect(await highlights(PEOPLE.pm, '?program=People')).toMatchObject({
          statusRequests: { pending: 0, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 },
          lateStatuses: 0,
          openChangeRequests: 0,
          openHighRisks: 0,
        });
        expect(await highlights(PEOPLE.otherPm, '?program=People')).toMatchObject({
          lateStatuses: 1,
          openChangeRequests: 1,
          openHighRisks: 1,
        });
      });

      it('should keep awaitingMyDecision the caller’s whole queue, whatever the filters', async () => {
        const all = await highlights(PEOPLE.sponsor);
        expect(all.awaitingMyDecision).toBeGreaterThan(0);
        const none = await highlights(PEOPLE.sponsor, '?q=no-such-project');
        expect(none).toMatchObject({ lateStatuses: 0, openChangeRequests: 0, openHighRisks: 0 });
        expect(none.awaitingMyDecision).toBe(all.awaitingMyDecision);
        expect((await highlights(PEOPLE.sponsor, '?program=People')).awaitingMyDecision).toBe(
          all.awaitingMyDecision,
        );
      });

      it.each([
        ['?sort=code', 'sort'],
        ['?order=desc', 'order'],
        ['?page=2', 'page'],
        ['?pageSize=10', 'pageSize'],
        ['?programme=People', 'programme'],
        ['?rag=purple', 'rag'],
        ['?phase=done', 'phase'],
        ['?stale=yes', 'stale'],
        ['?pm=not-an-id', 'pm'],
      ])('should refuse %s with a 400 naming the parameter', async (query, field) => {
        const res = await server.as(PEOPLE.head)('GET', `/api/portfolio/highlights${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      });
    });

    it('should give someone on no project zeros, not a 403', async () => {
      expect(await highlights(PEOPLE.outsider)).toEqual({
        week: '2026-W48',
        statusRequests: { pending: 0, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 },
        lateStatuses: 0,
        openChangeRequests: 0,
        awaitingMyDecision: 0,
        openHighRisks: 0,
      });
    });

    it('should refuse a caller who is not signed in', async () => {
      expect((await server.as(null)('GET', '/api/portfolio/highlights')).status).toBe(401);
    });
  });
});
