import { PEOPLE, projectBody } from '../support/fixtures';
import type { TestIssuer } from '../support/test-jwks';
import { startTestIssuer } from '../support/test-jwks';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-000000000002';
const CLIENT_ID = 'cccccccc-0000-4000-8000-000000000003';
const APP_ID_URI = `api://pmohub.contoso.test/${CLIENT_ID}`;
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

describe('Entra ID (Teams SSO) authentication', () => {
  let issuer: TestIssuer;
  let server: TestServer;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    server = await startTestServer({
      env: {
        AUTH_MODE: 'entra',
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        AAD_APP_ID_URI: APP_ID_URI,
        AAD_APP_JWKS_URL: issuer.jwksUrl,
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await issuer.close();
  });

  /** Claims as Teams SSO issues them for the tab (v2 token). */
  const claims = (who = PEOPLE.pm, overrides: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    aud: CLIENT_ID,
    tid: TENANT,
    oid: who.id,
    name: who.name,
    preferred_username: who.email,
    scp: 'access_as_user',
    ver: '2.0',
    ...overrides,
  });
  const call = (token: string | null, method = 'GET', path = '/api/me', body?: unknown) =>
    server.as(null)(method, path, body, token === null ? {} : { Authorization: `Bearer ${token}` });

  it('should accept a valid token and take the user from its oid claim', async () => {
    const res = await call(await issuer.sign(claims()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: PEOPLE.pm.id,
      email: PEOPLE.pm.email,
      pmoRole: null,
      authMode: 'entra',
    });
  });

  it('should accept the application ID URI as audience (v1 tokens)', async () => {
    const res = await call(await issuer.sign(claims(PEOPLE.pm, { aud: APP_ID_URI })));
    expect(res.status).toBe(200);
  });

  it('should know PMO staff from configured object ids', async () => {
    const res = await call(await issuer.sign(claims(PEOPLE.head)));
    expect(res.body.pmoRole).toBe('pmoHead');
  });

  it('should ignore the X-Dev-User header in entra mode', async () => {
    const res = await server.as(PEOPLE.head)('GET', '/api/me');
    expect(res.status).toBe(401);
  });

  const refused: Array<[string, () => Promise<string | null>]> = [
    ['a missing token', async () => null],
    ['a malformed token', async () => 'not.a.jwt'],
    [
      'an expired token',
      async () => issuer.sign(claims(), { expiresIn: Math.floor(Date.now() / 1000) - 600 }),
    ],
    [
      'a wrong audience',
      async () => issuer.sign(claims(PEOPLE.pm, { aud: '00000003-0000-0000-c000-000000000000' })),
    ],
    ['a wrong issuer', async () => issuer.sign(claims(PEOPLE.pm, { iss: 'https://sts.windows.net/evil/' }))],
    [
      'another tenant',
      async () =>
        issuer.sign(
          claims(PEOPLE.pm, {
            tid: OTHER_TENANT,
            iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
          }),
        ),
    ],
    ['a tid that does not match', async () => issuer.sign(claims(PEOPLE.pm, { tid: OTHER_TENANT }))],
    ['a bad signature', async () => issuer.sign(claims(), { withKey: 'rogue' })],
    ['an unknown key id', async () => issuer.sign(claims(), { kid: 'other-key' })],
    ['no oid claim', async () => issuer.sign(claims(PEOPLE.pm, { oid: undefined }))],
  ];
  it.each(refused)('should answer 401 for %s', async (_name, token) => {
    const res = await call(await token());
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('should refuse a token without the access_as_user scope with 403', async () => {
    const res = await call(await issuer.sign(claims(PEOPLE.pm, { scp: 'User.Read' })));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/insufficient_scope/);
  });

  it('should answer 403 for a valid token whose user may not act', async () => {
    const res = await call(await issuer.sign(claims(PEOPLE.pm)), 'POST', '/api/projects', projectBody());
    expect(res.status).toBe(403);
    expect(await server.store.isEmpty()).toBe(true);
    const ok = await call(await issuer.sign(claims(PEOPLE.head)), 'POST', '/api/projects', projectBody());
    expect(ok.status).toBe(201);
  });
});
