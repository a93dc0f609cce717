import { ConfigError, loadConfig } from '../../api/config/config';

const GUID = '11111111-2222-4333-8444-555555555555';

describe('loadConfig', () => {
  it('should start with zero set-up: sqlite, dev auth on loopback, port 3978', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      store: { kind: 'sqlite', sqlitePath: './data/pmo-hub.db' },
      auth: { mode: 'dev' },
      pmoTimeZone: 'UTC',
      seedDemoData: true,
    });
  });

  it('should read PMO staff lists and treat blank values as unset', () => {
    const config = loadConfig({ PMO_HEAD_IDS: ` ${GUID} ,`, PMO_OFFICER_IDS: '', PORT: '' });
    expect(config.pmoRoles).toEqual({ pmoHead: [GUID], projectSpecialist: [], projectOfficer: [] });
    expect(config.port).toBe(3978);
  });

  it('should build the Entra settings from the tenant and client id', () => {
    const config = loadConfig({
      AUTH_MODE: 'entra',
      AAD_APP_CLIENT_ID: GUID,
      AAD_APP_TENANT_ID: GUID,
      HOST: '0.0.0.0',
    });
    expect(config.auth).toEqual({
      mode: 'entra',
      entra: {
        clientId: GUID,
        tenantId: GUID,
        audiences: [GUID],
        issuer: `https://login.microsoftonline.com/${GUID}/v2.0`,
        jwksUrl: `https://login.microsoftonline.com/${GUID}/discovery/v2.0/keys`,
      },
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT .*\(got 'abc'\)\.$/],
    [{ PORT: '70000' }, /^Configuration error: PORT /],
    [{ STORE: 'mongo' }, /^Configuration error: STORE .*sqlite/],
    [
      { AUTH_MODE: 'entra', HOST: '0.0.0.0' },
      /^Configuration error: AAD_APP_CLIENT_ID is required when AUTH_MODE=entra \(not set\)\.$/,
    ],
    [
      { AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: 'nope', AAD_APP_TENANT_ID: GUID },
      /^Configuration error: AAD_APP_CLIENT_ID /,
    ],
    [{ HOST: '0.0.0.0' }, /^Configuration error: HOST .*only binds to loopback/],
    [{ NODE_ENV: 'production' }, /^Configuration error: AUTH_MODE cannot be dev when NODE_ENV=production/],
    [{ PMO_HEAD_IDS: 'alice' }, /^Configuration error: PMO_HEAD_IDS must be a comma-separated list/],
    [{ PMO_TIME_ZONE: 'Europe/Atlantis' }, /^Configuration error: PMO_TIME_ZONE must be an IANA time zone/],
    [{ PORTFOLIO_CURRENCY: 'dollars' }, /^Configuration error: PORTFOLIO_CURRENCY /],
    [{ SEED_DEMO_DATA: 'perhaps' }, /^Configuration error: SEED_DEMO_DATA /],
  ])('should refuse %j with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });
});

describe('loadConfig: STORE=sharepoint', () => {
  const SITE =
    'contoso.sharepoint.com,2c6c5d5e-1a4b-4c4d-8e9f-0a1b2c3d4e5f,7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';
  const APP = { STORE: 'sharepoint', SHAREPOINT_SITE_ID: SITE, GRAPH_TENANT_ID: GUID, GRAPH_CLIENT_ID: GUID };

  it('should read the site, the app credentials and Graph defaults', () => {
    const config = loadConfig({ ...APP, GRAPH_CLIENT_SECRET: 'secret' });
    expect(config.store).toEqual({
      kind: 'sharepoint',
      site: { id: SITE },
      graphBaseUrl: 'https://graph.microsoft.com/',
      credentials: {
        mode: 'app',
        tenantId: GUID,
        clientId: GUID,
        authorityHost: 'https://login.microsoftonline.com',
        clientSecret: 'secret',
      },
      maxConcurrency: 4,
      currency: 'USD',
    });
  });

  it('should accept a certificate instead of a secret, and a site URL instead of an id', () => {
    const config = loadConfig({
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/pmo',
      GRAPH_TENANT_ID: GUID,
      GRAPH_CLIENT_ID: GUID,
      GRAPH_CERTIFICATE_PATH: '/etc/pmo/graph.pem',
      GRAPH_CERTIFICATE_THUMBPRINT: 'A1'.repeat(32),
    });
    expect(config.store).toMatchObject({
      site: { url: 'https://contoso.sharepoint.com/sites/pmo' },
      credentials: { certificate: { path: '/etc/pmo/graph.pem', thumbprintSha256: 'A1'.repeat(32) } },
    });
  });

  it('should let a local stand-in go without credentials, and nothing else', () => {
    const local = loadConfig({
      STORE: 'sharepoint',
      SHAREPOINT_SITE_ID: SITE,
      GRAPH_BASE_URL: 'http://127.0.0.1:5050/',
      GRAPH_AUTH: 'none',
    });
    expect(local.store).toMatchObject({
      graphBaseUrl: 'http://127.0.0.1:5050/',
      credentials: { mode: 'none' },
    });
    expect(() => loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: SITE, GRAPH_AUTH: 'none' })).toThrow(
      /GRAPH_AUTH is none, which only works against a local stand-in/,
    );
  });

  it.each([
    [{ STORE: 'sharepoint' }, /^Configuration error: SHAREPOINT_SITE_ID is required when STORE=sharepoint/],
    [{ ...APP, SHAREPOINT_SITE_ID: 'pmo' }, /SHAREPOINT_SITE_ID must be a Graph site id/],
    [
      { ...APP, SHAREPOINT_SITE_ID: undefined, SHAREPOINT_SITE_URL: 'http://x/sites/pmo' },
      /SHAREPOINT_SITE_URL must be the https/,
    ],
    [{ ...APP, GRAPH_CLIENT_ID: undefined, GRAPH_CLIENT_SECRET: 's' }, /GRAPH_CLIENT_ID is required/],
    [{ ...APP }, /GRAPH_CLIENT_SECRET is required when STORE=sharepoint \(or set GRAPH_CERTIFICATE_PATH/],
    [{ ...APP, GRAPH_CERTIFICATE_PATH: '/k.pem' }, /GRAPH_CERTIFICATE_THUMBPRINT is required with the other/],
    [{ ...APP, GRAPH_CERTIFICATE_PATH: '/k.pem', GRAPH_CERTIFICATE_THUMBPRINT: 'abc' }, /SHA-256 thumbprint/],
    [{ ...APP, GRAPH_CLIENT_SECRET: 's', GRAPH_MAX_CONCURRENCY: '0' }, /GRAPH_MAX_CONCURRENCY/],
  ])('should stop start-up with one line naming the setting: %j', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('loadConfig: the bot', () => {
  it('should run the bot anonymously in development, and take a full set of credentials', () => {
    expect(loadConfig({}).bot).toBeNull();
    const config = loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 'secret', BOT_TENANT_ID: GUID });
    expect(config.bot).toEqual({ appId: GUID, password: 'secret', tenantId: GUID });
    expect(config.statusCycle).toEqual({ reminderAfterMs: 24 * 3600_000, deadlineAfterMs: 48 * 3600_000 });
  });

  it.each([
    [{ BOT_ID: GUID }, /^Configuration error: BOT_PASSWORD is required with BOT_ID/],
    [
      { BOT_ID: GUID, BOT_PASSWORD: 'x' },
      /^Configuration error: BOT_TENANT_ID is required with BOT_ID and BOT_PASSWORD/,
    ],
    [{ BOT_ID: 'my-bot', BOT_PASSWORD: 'x', BOT_TENANT_ID: GUID }, /BOT_ID must be the bot’s Entra app/],
    [
      {
        NODE_ENV: 'production',
        AUTH_MODE: 'entra',
        AAD_APP_CLIENT_ID: GUID,
        AAD_APP_TENANT_ID: GUID,
        HOST: '0.0.0.0',
      },
      /^Configuration error: BOT_ID is required when NODE_ENV=production/,
    ],
    [{ STATUS_REMINDER_HOURS: '48', STATUS_DEADLINE_HOURS: '24' }, /STATUS_DEADLINE_HOURS must be later/],
  ])('should refuse %j with one line', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });
});
