import type { Server } from 'node:http';
import type { AuthConfiguration } from '@microsoft/agents-hosting';
import type { AddressInfo } from 'node:net';
import { buildProduct } from '../../api/app-factory';
import type { Config } from '../../api/config/config';
import { loadConfig } from '../../api/config/config';
import type { Person } from '../../api/domain/people';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import type { Store } from '../../api/store/store';
import { startFakeConnector } from '../fakes/fake-connector/fake-connector';
import type { FakeConnector, FakeConnectorOptions } from '../fakes/fake-connector/types';
import { PEOPLE, ROLES } from './fixtures';
import { FakeClock } from './test-server';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT_TEAMS_ID = '28:pmo-hub-bot';

export interface BotHarness {
  url: string;
  store: Store;
  connector: FakeConnector;
  clock: FakeClock;
  config: Config;
  /** POSTs activity JSON to /api/messages as the Bot Connector would; returns status and body. */
  post(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected field by field
  ): Promise<{ status: number; body: any }>;
  /** A Teams-shaped activity from `person` in their personal chat with the bot. */
  activity(person: Person, fields: Record<string, unknown>): Record<string, unknown>;
  /** The personal conversation id the fake Connector knows for a person (created on first use). */
  conversationOf(person: Person): string;
  close(): Promise<void>;
}

export async function startBot(
  options: {
    now?: string;
    env?: NodeJS.ProcessEnv;
    connector?: FakeConnectorOptions;
    /** The Agents SDK's auth settings, e.g. pointing its key lookup at a local test issuer. */
    botAuth?: AuthConfiguration;
  } = {},
): Promise<BotHarness> {
  // One time for the product, its proactive sender's waits and the fake Connector's rate limits: a wait
  // the sender asks for moves the clock on at once, so nothing sleeps.
  const clock = new FakeClock(new Date(options.now ?? '2026-11-25T12:00:00Z'));
  const connector = await startFakeConnector({ clock: () => clock.now().getTime(), ...options.connector });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    PMO_HEAD_IDS: ROLES.pmoHead.join(','),
    PMO_SPECIALIST_IDS: ROLES.projectSpecialist.join(','),
    PMO_OFFICER_IDS: ROLES.projectOfficer.join(','),
    PMO_TIME_ZONE: 'Europe/London',
    PORTFOLIO_CURRENCY: 'GBP',
    ...options.env,
  });
  const store = new SqliteStore({ path: ':memory:' });
  for (const p of Object.values(PEOPLE)) await store.upsertPerson(p);
  const product = buildProduct(config, {
    store,
    clock,
    ...(options.botAuth ? { botAuth: options.botAuth } : {}),
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
  const conversations = new Map<string, string>();

  const conversationOf = (person: Person): string => {
    let id = conversations.get(person.id);
    if (!id) {
      id = connector.addConversation({
        members: [{ id: `29:${person.id}`, name: person.name, aadObjectId: person.id, email: person.email }],
        tenantId: TENANT_ID,
        conversationType: 'personal',
      });
      conversations.set(person.id, id);
    }
    return id;
  };

  let sequence = 0;
  const activity = (person: Person, fields: Record<string, unknown>): Record<string, unknown> => ({
    id: `incoming-${++sequence}`,
    timestamp: clock.now().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id },
    recipient: { id: BOT_TEAMS_ID, name: 'PMO Hub' },
    conversation: { id: conversationOf(person), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
    ...fields,
  });

  return {
    url,
    store,
    connector,
    clock,
    config,
    activity,
    conversationOf,
    async post(body, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: res.status, body: parsed };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await product.close();
      await connector.close();
    },
  };
}
