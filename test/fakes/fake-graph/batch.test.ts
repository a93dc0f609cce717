import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import { HONOR_NON_INDEXED } from './item-query';
import { call, createList, expectGraphError, sitePath } from './test-support';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('JSON batching ($batch)', () => {
  let fake: FakeGraph;
  let items: string;

  beforeAll(async () => {
    fake = await startFakeGraph();
    items = `${sitePath(fake)}/lists/${await createList(fake, 'Batched', [{ name: 'Note', text: {} }])}/items`;
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.resetLog());

  const count = () => fake.itemsOf(fake.sites[0].id, 'Batched').length;
  const batch = (requests: unknown[]) => call(fake, 'POST', '/$batch', { requests });
  const create = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
    id,
    method: 'POST',
    url: items,
    headers: JSON_HEADERS,
    body: { fields: { Title: title } },
    ...extra,
  });

  it('should run inner requests and answer 200 with one response per request, each with its own status', async () => {
    const reply = await batch([
      create('a', 'one'),
      { id: 'b', method: 'GET', url: `${items}?$expand=fields($select=Title)`, dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: `${items}/999` },
      { id: 'd', method: 'GET', url: `${items.slice(1)}?$top=1` },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const byId = Object.fromEntries(reply.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.a).toMatchObject({
      status: 201,
      headers: { 'Content-Type': expect.stringMatching(/^application\/json/) },
    });
    expect(byId.a.body.fields.Title).toBe('one');
    expect(byId.b.body.value.map((i: { fields: { Title: string } }) => i.fields.Title)).toContain('one');
    expect(byId.c.status).toBe(404);
    expect(byId.c.body.error).toMatchObject({
      code: 'itemNotFound',
      innerError: { 'request-id': expect.any(String) },
    });
    expect(byId.d.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1.0/$batch', status: 200 });
    expect(fake.requests[0].batch?.map((b) => [b.id, b.method, b.status])).toEqual([
      ['a', 'POST', 201],
      ['b', 'GET', 200],
      ['c', 'GET', 404],
      ['d', 'GET', 200],
    ]);
  });

  it('should refuse more than 20 requests with 400 and run none of them', async () => {
    const before = count();
    const reply = await batch(Array.from({ length: 21 }, (_, i) => create(String(i + 1), `t${i}`)));
    expectGraphError(reply, 400, 'BadRequest', /has 21 requests; JSON batching allows at most 20/);
    expect(count()).toBe(before);
    const twenty = await batch(Array.from({ length: 20 }, (_, i) => create(String(i + 1), `t${i}`)));
    expect(twenty.body.responses.every((r: { status: number }) => r.status === 201)).toBe(true);
    expect(count()).toBe(before + 20);
  });

  it.each([
    [[], /no requests/],
    [
      [
        { id: 'x', method: 'GET', url: '/sites' },
        { id: 'X', method: 'GET', url: '/sites' },
      ],
      /more than one request with id 'X'/,
    ],
    [
      [{ id: 'x', method: 'GET', url: '/sites', dependsOn: ['y'] }],
      /depends on 'y', which is not a request id/,
    ],
    [
      [
        { id: 'x', method: 'GET', url: '/sites', dependsOn: ['y'] },
        { id: 'y', method: 'GET', url: '/sites', dependsOn: ['x'] },
      ],
      /circular/,
    ],
    [[{ id: 'x', method: 'FETCH', url: '/sites' }], /invalid 'method'/],
    [[{ id: 'x', method: 'GET' }], /needs a relative 'url'/],
    [[{ method: 'GET', url: '/sites' }], /needs a non-empty string 'id'/],
    [
      [{ id: 'w', method: 'POST', url: '/sites', body: { fields: {} } }],
      'Write request id : w does not contain Content-Type header or body.',
    ],
    [
      [{ id: 'w', method: 'PATCH', url: '/sites', headers: JSON_HEADERS }],
      'Write request id : w does not contain Content-Type header or body.',
    ],
  ])('should refuse a malformed batch %# with 400 before running anything', async (requests, message) => {
    const before = count();
    expectGraphError(await batch(requests as unknown[]), 400, 'BadRequest', message);
    expect(count()).toBe(before);
  });

  it('should refuse a body that is not a batch', async () => {
    expectGraphError(
      await call(fake, 'POST', '/$batch', { request: [] }),
      400,
      'BadRequest',
      /'requests' array/,
    );
    expectGraphError(await call(fake, 'GET', '/$batch'), 405, 'Request_BadRequest');
  });

  it('should run a request after what it depends on, even if listed first', async () => {
    const reply = await batch([
      { id: '2', method: 'GET', url: `${items}?$top=1`, dependsOn: ['1'] },
      create('1', 'first'),
    ]);
    expect(reply.body.responses.map((r: { id: string }) => r.id)).toEqual(['1', '2']);
    expect(fake.requests[0].batch?.map((b) => b.id)).toEqual(['1', '2']);
  });

  it('should answer 424 to requests whose dependency failed, transitively, without running them', async () => {
    const before = count();
    const reply = await batch([
      { id: '1', method: 'POST', url: items, headers: JSON_HEADERS, body: { fields: { Nope: 1 } } },
      create('2', 'never', { dependsOn: ['1'] }),
      create('3', 'never either', { dependsOn: ['2'] }),
      create('4', 'independent'),
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([
      ['1', 400],
      ['2', 424],
      ['3', 424],
      ['4', 201],
    ]);
    expect(reply.body.responses[1].body.error.code).toBe('FailedDependency');
    expect(count()).toBe(before + 1);
  });

  it('should give an inner request a 429 with Retry-After when a fault targets it, and run the others', async () => {
    fake.injectFault({ status: 429, retryAfter: '2.128', match: (r) => r.inBatch && r.method === 'POST' });
    const reply = await batch([
      create('1', 'throttled'),
      create('2', 'fine'),
      { id: '3', method: 'GET', url: `${items}?$top=1` },
    ]);
    expect(reply.status).toBe(200);
    const [first, second, third] = reply.body.responses;
    expect(first).toMatchObject({
      id: '1',
      status: 429,
      headers: { 'Retry-After': '2.128', 'Content-Type': 'application/json' },
    });
    expect(first.body.error.code).toBe('TooManyRequests');
    expect([second.status, third.status]).toEqual([201, 200]);
    expect(fake.requests[0].batch?.map((b) => b.status)).toEqual([429, 201, 200]);
  });

  it('should apply inner headers: If-Match, Prefer and client-request-id', async () => {
    const created = (await call(fake, 'POST', items, { fields: { Title: 'etag', Note: 'x' } })).body;
    const reply = await batch([
      {
        id: '1',
        method: 'PATCH',
        url: `${items}/${created.id}/fields`,
        headers: { ...JSON_HEADERS, 'If-Match': '"stale,1"' },
        body: { Note: 'y' },
      },
      {
        id: '2',
        method: 'GET',
        url: `${items}?$filter=${encodeURIComponent("fields/Note eq 'x'")}`,
        headers: { Prefer: HONOR_NON_INDEXED },
      },
      {
        id: '3',
        method: 'GET',
        url: `${items}?$filter=${encodeURIComponent("fields/Note eq 'x'")}`,
        headers: { 'client-request-id': 'inner-7' },
      },
    ]);
    const [stale, preferred, plain] = reply.body.responses;
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    expect(preferred.status).toBe(200);
    expect(preferred.body.value.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect(plain.status).toBe(400);
    expect(plain.body.error.innerError['client-request-id']).toBe('inner-7');
  });

  it('should refuse inner URLs that carry the version or a host, and nested batches', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: `/v1.0${items}` },
      { id: '2', method: 'GET', url: `${fake.graphRoot}${items}` },
      { id: '3', method: 'POST', url: '/$batch', headers: JSON_HEADERS, body: { requests: [] } },
    ]);
    expect(reply.body.responses.map((r: { status: number }) => r.status)).toEqual([400, 400, 400]);
    expect(reply.body.responses[0].body.error.message).toBe("Resource not found for the segment 'v1.0'.");
    expect(reply.body.responses[2].body.error.message).toMatch(/cannot be nested/);
  });
});
