import { PEOPLE } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('PUT /api/me/away and /api/people/{id}/away', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-11-25T12:00:00Z' });
  });
  afterAll(() => server.close());

  it('should mark me away through a date, show it in the directory, and bring me back', async () => {
    const res = await server.as(PEOPLE.pm)('PUT', '/api/me/away', { until: '2026-12-04' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: PEOPLE.pm.id, name: PEOPLE.pm.name, awayUntil: '2026-12-04' });
    const people = await server.as(PEOPLE.head)('GET', '/api/people');
    expect(people.body.people.find((p: { id: string }) => p.id === PEOPLE.pm.id).awayUntil).toBe(
      '2026-12-04',
    );
    const back = await server.as(PEOPLE.pm)('PUT', '/api/me/away', { until: null });
    expect(back.body.awayUntil).toBeNull();
  });

  it.each([
    [{ until: '2026-11-24' }, 'until', /today \(2026-11-25\) or later/],
    [{ until: '2027-12-01' }, 'until', /within a year/],
    [{ until: '2026-02-30' }, 'until', /real date/],
    [{}, 'until', /./],
    [{ until: '2026-12-01', extra: 1 }, 'extra', /Unknown field/],
  ])('should refuse %j with a problem naming the field', async (body, field, message) => {
    const res = await server.as(PEOPLE.pm)('PUT', '/api/me/away', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const error = res.body.errors.find((e: { field: string }) => e.field === field);
    expect(error.message).toMatch(message);
  });

  it('should let PMO staff mark someone else away, and nobody else', async () => {
    const byHead = await server.as(PEOPLE.specialist)('PUT', `/api/people/${PEOPLE.otherPm.id}/away`, {
      until: '2026-12-24',
    });
    expect(byHead.status).toBe(200);
    expect(byHead.body.awayUntil).toBe('2026-12-24');
    const byPeer = await server.as(PEOPLE.pm)('PUT', `/api/people/${PEOPLE.otherPm.id}/away`, {
      until: null,
    });
    expect(byPeer.status).toBe(403);
    const unknown = await server.as(PEOPLE.head)(
      'PUT',
      '/api/people/3b1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f/away',
      {
        until: null,
      },
    );
    expect(unknown.status).toBe(404);
  });
});
