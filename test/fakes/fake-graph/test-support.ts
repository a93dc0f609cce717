/** Helpers for the fake Graph's own tests: JSON over fetch, list set-up, Graph error and shape checks. */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGraph } from './fake-graph';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected field by field
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** JSON request to the fake; `path` is relative to /v1.0 (e.g. '/sites/…'). */
export async function call(
  fake: FakeGraph,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(path.startsWith('http') ? path : `${fake.graphRoot}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export const sitePath = (fake: FakeGraph, index = 0): string => `/sites/${fake.sites[index].id}`;

/** Creates a genericList with these columns; returns its id. */
export async function createList(
  fake: FakeGraph,
  displayName: string,
  columns: unknown[] = [],
): Promise<string> {
  const reply = await call(fake, 'POST', `${sitePath(fake)}/lists`, {
    displayName,
    columns,
    list: { template: 'genericList' },
  });
  if (reply.status !== 201)
    throw new Error(`createList ${displayName}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

export async function createItem(
  fake: FakeGraph,
  listId: string,
  fields: Record<string, unknown>,
): Promise<Reply> {
  const reply = await call(fake, 'POST', `${sitePath(fake)}/lists/${listId}/items`, { fields });
  if (reply.status !== 201) throw new Error(`createItem: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

/** Graph's error shape, content type and request ids. */
export function expectGraphError(
  reply: Reply,
  status: number,
  code: string,
  message?: string | RegExp,
): void {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(typeof reply.body.error.message).toBe('string');
  if (message !== undefined) {
    if (typeof message === 'string') expect(reply.body.error.message).toBe(message);
    else expect(reply.body.error.message).toMatch(message);
  }
  expect(Object.keys(reply.body.error.innerError).sort()).toEqual([
    'client-request-id',
    'date',
    'request-id',
  ]);
  expect(reply.body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  expect(reply.body.error.innerError['client-request-id']).toBe(reply.headers.get('client-request-id'));
  expect(reply.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Every property of `sample` (recursively; arrays by their first element) must exist in `actual`
 * with the same JSON type. `ignore` lists dotted paths the fake deliberately answers differently.
 */
export function shapeDifferences(
  actual: unknown,
  sample: unknown,
  ignore: string[] = [],
  path = '',
): string[] {
  if (ignore.includes(path)) return [];
  const expected = jsonType(sample);
  const got = jsonType(actual);
  if (expected !== got) return [`${path || '(root)'}: expected ${expected}, got ${got}`];
  if (expected === 'array') {
    const [first] = sample as unknown[];
    const [mine] = actual as unknown[];
    if (first === undefined) return [];
    if (mine === undefined) return [`${path}: expected a non-empty array`];
    return shapeDifferences(mine, first, ignore, `${path}[]`);
  }
  if (expected !== 'object') return [];
  const diffs: string[] = [];
  for (const [key, value] of Object.entries(sample as Record<string, unknown>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (ignore.includes(childPath)) continue;
    if (!(key in (actual as Record<string, unknown>))) diffs.push(`${childPath}: missing`);
    else diffs.push(...shapeDifferences((actual as Record<string, unknown>)[key], value, ignore, childPath));
  }
  return diffs;
}

export interface DocSample {
  _source: string;
  request?: string;
  status: number;
  requestBody?: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- samples are JSON of many shapes
  body: any;
}

const SAMPLES_DIR = join(__dirname, 'samples');

export function loadSample(name: string): DocSample {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, `${name}.json`), 'utf8')) as DocSample;
}

export const sampleNames = (): string[] =>
  readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

/** Formats Graph uses. */
export const FORMATS = {
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  siteId: /^[a-z0-9.-]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i,
  /** A quoted "GUID,version" (the docs' delta sample wraps the GUID in braces; list items do not). */
  eTag: /^"\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?,\d+"$/i,
  sharePointTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
};
