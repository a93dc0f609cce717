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
