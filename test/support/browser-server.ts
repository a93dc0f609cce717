import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildProduct } from '../../api/app-factory';
import type { Config } from '../../api/config/config';
import { loadConfig } from '../../api/config/config';
import type { Person } from '../../api/domain/people';
import type { DemoData } from '../../api/seed/demo-data';
import {
  DEMO_DEFAULTS,
  DEMO_PMO_HEAD_EMAIL,
  DEMO_PMO_ROLES,
  generateDemoData,
} from '../../api/seed/demo-data';
import type { SeedSummary } from '../../api/seed/seed-store';
import { seedStore } from '../../api/seed/seed-store';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import type { Store } from '../../api/store/store';
import { startFakeConnector } from '../fakes/fake-connector/fake-connector';
import type { FakeConnector } from '../fakes/fake-connector/types';
import { FakeClock } from './test-server';

const REPO = path.resolve(__dirname, '../..');

/** "Now" for browser tests and screenshots: a Wednesday, so this week's reports are partly in. */
export const BROWSER_NOW = '2026-11-25T12:00:00Z';
export const PMO_TIME_ZONE = 'Europe/London';
export const TENANT_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
export const CLIENT_ID = 'cccccccc-0000-4000-8000-000000000003';
export const APP_ID_URI = `api://pmohub.contoso.test/${CLIENT_ID}`;

/** The tab build the server hosts: TAB_DIR, else the repo's dist/tab (`npm run build:tab`). */
export function tabBuildDir(): string {
  return path.resolve(process.env.TAB_DIR ?? path.join(REPO, 'dist/tab'));
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Browser tests test the build, so a missing or stale one would test the wrong tab: say how to fix it
 * rather than fail on some page detail. (`npm test` builds the tab before jest runs.) A build named by
 * TAB_DIR is taken as it is.
 */
export function assertTabBuilt(dir = tabBuildDir()): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`No tab build in ${dir}: run \`npm run build:tab\` first.`);
  }
  if (process.env.TAB_DIR) return;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(REPO, 'tab/src')),
    statSync(path.join(REPO, 'tab/index.html')).mtimeMs,
  );
  if (sources > built) {
    throw new Error(`The tab build in ${dir} is older than tab/src: run \`npm run build:tab\` again.`);
  }
}

export interface BrowserServer {
  /** http://127.0.0.1:<port> */
  url: string;
  store: Store;
  clock: FakeClock;
  config: Config;
  connector: FakeConnector;
  demo: DemoData;
  seeded: SeedSummary;
  /** A demo person by name ("Olivia Bennett"). */
  person(name: string): Person;
  /** Installs the bot for a person, as Teams does: the bot remembers their chat (and welcomes them). */
  installBot(person: Person): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real product on 127.0.0.1 for browser tests: in-memory SQLite seeded with the demo (48 projects,
 * 16 weeks, seed 42) at a fixed "now", the demo PMO staff, a FakeClock, the tab from its build, and a fake
 * Bot Connector for whatever the bot sends. Dev sign-in unless `env` says AUTH_MODE=entra.
 */
export async function startBrowserServer(
  options: { env?: NodeJS.ProcessEnv; projects?: number; now?: string; sqlitePath?: string } = {},
): Promise<BrowserServer> {
  const now = new Date(options.now ?? BROWSER_NOW);
  const tabDir = tabBuildDir();
  assertTabBuilt(tabDir);
  const clock = new FakeClock(now);
  const connector = await startFakeConnector({ clock: () => clock.now().getTime() });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    AUTH_MODE: 'dev',
    DEV_DEFAULT_USER: DEMO_PMO_HEAD_EMAIL,
    PMO_HEAD_IDS: DEMO_PMO_ROLES.pmoHead.join(','),
    PMO_SPECIALIST_IDS: DEMO_PMO_ROLES.projectSpecialist.join(','),
    PMO_OFFICER_IDS: DEMO_PMO_ROLES.projectOfficer.join(','),
    PMO_TIME_ZONE,
    PORTFOLIO_CURRENCY: 'GBP',
    SQLITE_PATH: options.sqlitePath ?? ':memory:',
    TAB_DIR: tabDir,
    ...options.env,
  });
  const store = new SqliteStore({ path: options.sqlitePath ?? ':memory:' });
  const demo = generateDemoData({
    projects: options.projects ?? DEMO_DEFAULTS.projects,
    weeks: DEMO_DEFAULTS.weeks,
    seed: DEMO_DEFAULTS.seed,
    now,
    pmoTimeZone: PMO_TIME_ZONE,
  });
  const seeded = await seedStore(store, demo);
  const product = buildProduct(config, {
    store,
    clock,
    // The proactive sender's waits move the fake clock on instead of sleeping.
    senderTiming: {
      now: () => clock.now().getTime(),
      sleep: async (ms) => clock.advance(Math.max(0, ms)),
      random: () => 0.5,
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = product.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const person = (name: string): Person => {
    const found = demo.people.find((p) => p.name === name);
    if (!found) throw new Error(`No demo person called ${name}`);
    return found;
  };

  let sequence = 0;
  const installBot = async (who: Person): Promise<string> => {
    const conversationId = connector.addConversation({
      members: [{ id: `29:${who.id}`, name: who.name, aadObjectId: who.id, email: who.email }],
      tenantId: TENANT_ID,
      conversationType: 'personal',
    });
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'installationUpdate',
        action: 'add',
        id: `install-${++sequence}`,
        timestamp: clock.now().toISOString(),
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:${who.id}`, name: who.name, aadObjectId: who.id },
        recipient: { id: '28:pmo-hub-bot', name: 'PMO Hub' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
        locale: 'en-GB',
      }),
    });
    if (res.status >= 300)
      throw new Error(`Installing the bot for ${who.name}: ${res.status} ${await res.text()}`);
    return conversationId;
  };

  return {
    url,
    store,
    clock,
    config,
    connector,
    demo,
    seeded,
    person,
    installBot,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await product.close();
      await connector.close();
    },
  };
}

/** Settings for AUTH_MODE=entra against a local JWKS (test-jwks), as test/http/entra-auth.test.ts uses. */
export function entraEnv(jwksUrl: string, frameAncestors: string[] = []): NodeJS.ProcessEnv {
  return {
    AUTH_MODE: 'entra',
    AAD_APP_CLIENT_ID: CLIENT_ID,
    AAD_APP_TENANT_ID: TENANT_ID,
    AAD_APP_ID_URI: APP_ID_URI,
    AAD_APP_JWKS_URL: jwksUrl,
    TAB_FRAME_ANCESTORS: frameAncestors.join(','),
  };
}

/** Claims as Teams SSO issues them for the tab (a v2 token for our API). */
export function ssoClaims(person: Person): Record<string, unknown> {
  return {
    iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT_ID,
    oid: person.id,
    name: person.name,
    preferred_username: person.email,
    scp: 'access_as_user',
    ver: '2.0',
  };
}
