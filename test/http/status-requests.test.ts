import type { IsoWeek } from '../../api/domain/iso-week';
import type { StatusRequest } from '../../api/domain/status-request';
import {
  reminderResultsResponse,
  statusRequestsOfWeekResponse,
} from '../../api/http/schemas/status-requests';
import { PEOPLE, projectBody, ref, statusBody } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

/**
 * The PMO's compliance view and "send reminder now". Wednesday 25 November 2026, 12:00 London (2026-W48).
 * No one has installed the bot here, so a reminder cannot be delivered: the bot tests show one arriving.
 */
describe('Status requests API', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  const request = async (code: string, state: StatusRequest['state'], extra: Partial<StatusRequest> = {}) => {
    const id = `request-${code}`;
    await server.store.createStatusRequest({
      id,
      projectId: ids[code],
      week: '2026-W48' as IsoWeek,
      state,
      sentAt: '2026-11-23T09:00:00.000Z',
      remindedAt: null,
      escalatedAt: null,
      reason: null,
      cardActivityId: null,
      conversationId: null,
      createdAt: '2026-11-23T09:00:00.000Z',
      version: 1,
      ...extra,
    });
    return id;
  };

  beforeEach(async () => {
    server = await startTestServer({ now: '2026-11-25T12:00:00Z' });
    const make = async (code: string, extra: Record<string, unknown> = {}) => {
      const res = await server.as(PEOPLE.head)('POST', '/api/projects', projectBody({ code, ...extra }));
      expect(res.status).toBe(201);
      ids[code] = res.body.id;
    };
    await make('ZED-001', { program: 'Zeta' });
    await make('ABC-001', { cadence: { weekday: 1, localTime: '09:00', timeZone: 'Europe/London' } });
    await make('HR-001', { projectManager: ref(PEOPLE.otherPm), sponsors: [ref(PEOPLE.otherSponsor)] });
    await make('OPS-001', { state: 'onHold' });
    await request('ZED-001', 'pending');
    await request('ABC-001', 'overdue', { escalatedAt: '2026-11-25T09:00:00.000Z' });
    await request('HR-001', 'submitted');
    await request('OPS-001', 'excused', { sentAt: null, reason: 'The project is on hold.' });
  });
  afterEach(() => server.close());

  describe('GET /api/status-requests', () => {
    it('should give this PMO week’s requests by PM name, then project code, with counts', async () => {
      const res = await server.as(PEOPLE.officer)('GET', '/api/status-requests');
      expect(res.status).toBe(200);
      const body = statusRequestsOfWeekResponse.parse(res.body);
      expect(body.week).toBe('2026-W48');
      expect(body.counts).toEqual({ pending: 1, submitted: 1, overdue: 1, excused: 1, undeliverable: 0 });
      expect(body.requests.map((r) => `${r.projectManager.name} ${r.project.code} ${r.state}`)).toEqual([
        'Pat Manager ABC-001 overdue',
        'Pat Manager OPS-001 excused',
        'Pat Manager ZED-001 pending',
        'Quinn Other HR-001 submitted',
      ]);
      expect(body.requests[0]).toEqual({
        id: 'request-ABC-001',
        week: '2026-W48',
        state: 'overdue',
        dueAt: '2026-11-23T09:00:00.000Z',
        sentAt: '2026-11-23T09:00:00.000Z',
        remindedAt: null,
        escalatedAt: '2026-11-25T09:00:00.000Z',
        reason: null,
        project: {
          id: ids['ABC-001'],
          code: 'ABC-001',
          title: 'ERP replacement',
          program: 'Finance Transformation',
        },
        projectManager: ref(PEOPLE.pm),
      });
      expect(body.requests[2]).toMatchObject({ dueAt: '2026-11-27T10:00:00.000Z' }); // Friday 10:00
    });

    it('should give another week when asked, empty when it had none', async () => {
      const res = await server.as(PEOPLE.head)('GET', '/api/status-requests?week=2026-W47');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        week: '2026-W47',
        counts: { pending: 0, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 },
        requests: [],
      });
    });

    it.each(['?week=2026-W54', '?week=2026-48', '?week=', '?week=2026-W48&week=2026-W47'])(
      "should refuse '%s' with a 400 naming week",
      async (query) => {
        const res = await server.as(PEOPLE.head)('GET', `/api/status-requests${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe('week');
      },
    );

    it('should refuse anyone but PMO staff with a 403, even for their own projects', async () => {
      for (const who of [PEOPLE.pm, PEOPLE.sponsor, PEOPLE.outsider]) {
        const res = await server.as(who)('GET', '/api/status-requests');
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    });
  });

  describe('POST /api/status-requests/reminders', () => {
    const remind = (body: unknown, who = PEOPLE.head) =>
      server.as(who)('POST', '/api/status-requests/reminders', body);

    it('should try each pending or overdue request and say, per id, what became of it', async () => {
      const res = await remind({
        requestIds: ['request-ZED-001', 'request-ABC-001', 'request-HR-001', 'request-OPS-001', 'nope'],
      });
      expect(res.status).toBe(200);
      const { results } = reminderResultsResponse.parse(res.body);
      const notInstalled = 'Pat Manager has not installed PMO Hub in Teams, so the bot cannot reach them.';
      expect(results).toEqual([
        { id: 'request-ZED-001', outcome: 'undeliverable', reason: notInstalled },
        { id: 'request-ABC-001', outcome: 'undeliverable', reason: notInstalled },
        {
          id: 'request-HR-001',
          outcome: 'skipped',
          reason: 'The 2026-W48 status is already in: there is nothing to remind Quinn Other of.',
        },
        {
          id: 'request-OPS-001',
          outcome: 'skipped',
          reason: 'Pat Manager is excused from the 2026-W48 status: The project is on hold.',
        },
        { id: 'nope', outcome: 'notFound', reason: 'There is no status request with this id.' },
      ]);
      // Recorded as the cycle records its own reminder, with a new version.
      expect(await server.store.getStatusRequest('request-ABC-001')).toMatchObject({
        state: 'overdue',
        remindedAt: '2026-11-25T12:00:00.000Z',
        version: 2,
      });
      expect((await server.store.getStatusRequest('request-HR-001'))?.version).toBe(1);
    });

    it('should skip a pending request whose report is already in', async () => {
      await server.as(PEOPLE.pm)('POST', `/api/projects/${ids['ZED-001']}/status-reports`, statusBody());
      const res = await remind({ requestIds: ['request-ZED-001'] });
      expect(res.body.results).toEqual([
        {
          id: 'request-ZED-001',
          outcome: 'skipped',
          reason: 'The 2026-W48 status is already in: there is nothing to remind Pat Manager of.',
        },
      ]);
    });

    it.each([
      ['an empty list', { requestIds: [] }, 'requestIds'],
      ['no list', {}, 'requestIds'],
      ['one id not in a list', { requestIds: 'request-ZED-001' }, 'requestIds'],
      ['an empty id', { requestIds: [''] }, 'requestIds.0'],
      ['201 ids', { requestIds: Array.from({ length: 201 }, (_, i) => `r-${i}`) }, 'requestIds'],
      ['an unknown field', { requestIds: ['request-ZED-001'], force: true }, 'force'],
    ])('should refuse %s with a 400 naming the field', async (_case, body, field) => {
      const res = await remind(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it('should accept 200 ids at once', async () => {
      const res = await remind({ requestIds: Array.from({ length: 200 }, (_, i) => `r-${i}`) });
      expect(res.status).toBe(200);
      expect(res.body.results).toHaveLength(200);
    });

    it('should refuse anyone but PMO staff with a 403 and record nothing', async () => {
      for (const who of [PEOPLE.pm, PEOPLE.delegate, PEOPLE.sponsor]) {
        const res = await remind({ requestIds: ['request-ZED-001'] }, who);
        expect(res.status).toBe(403);
      }
      expect((await server.store.getStatusRequest('request-ZED-001'))?.remindedAt).toBeNull();
    });
  });
});
