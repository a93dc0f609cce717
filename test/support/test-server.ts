import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildProduct } from '../../api/app-factory';
import type { Config } from '../../api/config/config';
import { loadConfig } from '../../api/config/config';
import type { Person } from '../../api/domain/people';
import type { IdentityResolver } from '../../api/http/auth/authenticate';
import type { Clock } from '../../api/services/context';
import { SqliteStore } from '../../api/store/sqlite/sqlite-store';
import type { Store } from '../../api/store/store';
import { PEOPLE, ROLES } from './fixtures';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestServer {
  url: string;
  store: Store;
  clock: FakeClock;
  config: Config;
  /** fetch against the server as a person (dev identity), JSON in and out. */
  as(person: Person | null): Requester;
  close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test replies are inspected field by field
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Reply
export type Requester = <T = any>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply<T>>;

/** Starts the real app on 127.0.0.1 with an in-memory store, fixture people and a fixed clock. */
export async function startTestServer(
  options: { env?: NodeJS.ProcessEnv; identity?: IdentityResolver; now?: string; store?: Store } = {},
): Promise<TestServer> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    PMO_HEAD_IDS: ROLES.pmoHead.join(','),
    PMO_SPECIALIST_IDS: ROLES.projectSpecialist.join(','),
    PMO_OFFICER_IDS: ROLES.projectOfficer.join(','),
    PMO_TIME_ZONE: 'Europe/London',
    SQLITE_PATH: ':memory:',
    ...options.env,
  });
  const store = options.store ?? new SqliteStore({ path: ':memory:' });
  for (const p of Object.values(PEOPLE)) await store.upsertPerson(p);
  const clock = new FakeClock(new Date(options.now ?? '2026-11-25T12:00:00Z'));
  const product = buildProduct(config, { store, clock, identity: options.identity });
  const server: Server = await new Promise((resolve) => {
    const s = product.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const as =
    (person: Person | null): Requester =>
    async (method, path, body, headers = {}) => {
      const res = await fetch(url + path, {
        method,
        headers: {
          ...(person ? { 'X-Dev-User': person.email } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const textBody = await res.text();
      let parsed: unknown = textBody;
      try {
        parsed = textBody ? JSON.parse(textBody) : undefined;
      } catch {
        // not JSON: leave the text for the assertion to show
      }
      return { status: res.status, headers: res.headers, body: parsed as never };
    };
  return {
    url,
    store,
    clock,
    config,
    as,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await product.close();
    },
  };
}
