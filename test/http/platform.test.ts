import { PEOPLE } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

describe('API platform: health, identity, errors, OpenAPI', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('should answer /api/health without sign-in', async () => {
    const res = await server.as(null)('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', store: 'sqlite' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff'); // helmet
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('should give every response a request id, echoing a well-formed one', async () => {
    const mine = await server.as(null)('GET', '/api/health', undefined, { 'X-Request-Id': 'trace-123' });
    expect(mine.headers.get('x-request-id')).toBe('trace-123');
    const made = await server.as(null)('GET', '/api/health', undefined, {
      'X-Request-Id': 'bad id with spaces',
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should say who the caller is', async () => {
    const res = await server.as(PEOPLE.specialist)('GET', '/api/me');
    expect(res.body).toEqual({
      id: PEOPLE.specialist.id,
      name: PEOPLE.specialist.name,
      email: PEOPLE.specialist.email,
      pmoRole: 'projectSpecialist',
      isPmoStaff: true,
      authMode: 'dev',
    });
    expect((await server.as(PEOPLE.pm)('GET', '/api/me')).body.pmoRole).toBeNull();
  });

  it('should refuse an unknown or missing dev user with 401 problem+json', async () => {
    const unknown = await server.as(null)('GET', '/api/me', undefined, {
      'X-Dev-User': 'nobody@contoso.test',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ status: 401, instance: '/api/me' });
    expect((await server.as(null)('GET', '/api/portfolio')).status).toBe(401);
  });

  it('should answer an unknown route with a 404 problem', async () => {
    const res = await server.as(PEOPLE.head)('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.type).toMatch(/no-route$/);
  });

  it('should publish an OpenAPI 3.1 document covering every route', async () => {
    const res = await server.as(null)('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/change-requests',
        '/api/change-requests/{id}',
        '/api/change-requests/{id}/decisions',
        '/api/change-requests/{id}/reassign',
        '/api/change-requests/{id}/withdraw',
        '/api/health',
        '/api/me',
        '/api/me/away',
        '/api/people',
        '/api/people/{id}/away',
        '/api/portfolio',
        '/api/portfolio/highlights',
        '/api/portfolio/trend',
        '/api/projects',
        '/api/projects/{id}',
        '/api/projects/{id}/status-reports',
        '/api/projects/{id}/status-reports/{week}',
        '/api/raid',
        '/api/status-requests',
        '/api/status-requests/reminders',
        '/api/status-requests/run',
        '/api/stakeholders',
        '/api/stakeholders/{id}',
        '/api/projects/{id}/risks',
        '/api/projects/{id}/risks/{itemId}',
        '/api/projects/{id}/issues',
        '/api/projects/{id}/issues/{itemId}',
        '/api/projects/{id}/decision-log',
        '/api/projects/{id}/decision-log/{itemId}',
      ].sort(),
    );
    // request bodies come from the zod schemas: strict objects, limits and enums survive
    const resolve = (schema: { $ref?: string }) =>
      schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    const create = resolve(doc.paths['/api/projects'].post.requestBody.content['application/json'].schema);
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toEqual(expect.arrayContaining(['code', 'title', 'projectManager', 'sponsors']));
    expect(create.properties.title.maxLength).toBe(200);
    expect(create.properties.phase.enum).toEqual(['initiation', 'planning', 'execution', 'closure']);
    // every $ref points at a component that exists
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(doc.components.schemas[name]).toBeDefined();
    const query = doc.paths['/api/portfolio'].get.parameters.map((p: { name: string }) => p.name);
    expect(query).toEqual(
      expect.arrayContaining(['program', 'rag', 'q', 'sort', 'page', 'pageSize', 'stale']),
    );
    // the dashboard's figures take the portfolio's filters, not its sort or paging
    const highlights = doc.paths['/api/portfolio/highlights'].get;
    expect(highlights.parameters.map((p: { name: string }) => p.name)).toEqual([
      'program',
      'department',
      'rag',
      'phase',
      'state',
      'pm',
      'sponsor',
      'q',
      'stale',
    ]);
    expect(Object.keys(highlights.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
  });
});
