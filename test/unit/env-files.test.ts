import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { loadConfig } from '../../api/config/config';
import { DEMO_PMO_HEAD_EMAIL, DEMO_PMO_ROLES } from '../../api/seed/demo-data';

const read = (name: string) => dotenv.parse(fs.readFileSync(path.join(__dirname, '../../env', name)));

describe('env/ samples', () => {
  it('should make .env.local a valid configuration whose PMO staff and default user are the demo ones', () => {
    const env = read('.env.local');
    const config = loadConfig(env);
    expect(config.auth).toEqual({ mode: 'dev', defaultUser: DEMO_PMO_HEAD_EMAIL });
    expect(config.pmoRoles).toEqual(DEMO_PMO_ROLES);
  });

  it('should make .env.dev an entra configuration that names what is still to fill', () => {
    const env = read('.env.dev');
    expect(env.AUTH_MODE).toBe('entra');
    expect(() => loadConfig(env)).toThrow(/AAD_APP_CLIENT_ID is required/);
    const withApp = {
      ...env,
      AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
      AAD_APP_TENANT_ID: '11111111-2222-4333-8444-666666666666',
    };
    expect(() => loadConfig(withApp)).toThrow(/SHAREPOINT_SITE_ID is required when STORE=sharepoint/);
    const sharePointFilled = {
      ...withApp,
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/pmo',
      GRAPH_TENANT_ID: '11111111-2222-4333-8444-666666666666',
      GRAPH_CLIENT_ID: '11111111-2222-4333-8444-777777777777',
      GRAPH_CLIENT_SECRET: 'from env/.env.dev.user',
    };
    expect(() => loadConfig(sharePointFilled)).toThrow(/BOT_ID is required when NODE_ENV=production/);
    const filled = loadConfig({
      ...sharePointFilled,
      BOT_ID: '11111111-2222-4333-8444-888888888888',
      BOT_PASSWORD: 'from env/.env.dev.user',
      BOT_TENANT_ID: '11111111-2222-4333-8444-666666666666',
    });
    expect(filled.auth.mode).toBe('entra');
    expect(filled.store.kind).toBe('sharepoint');
    expect(filled.seedDemoData).toBe(false);
  });
});
