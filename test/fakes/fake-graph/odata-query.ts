/** OData system query options: parsing the query string, $expand/$select/$orderby/$top, and nextLinks. */

import { badRequest, invalidRequest } from './errors';

const SYSTEM_OPTIONS = [
  'select',
  'expand',
  'filter',
  'orderby',
  'top',
  'skip',
  'skiptoken',
  'count',
  'search',
];

export interface RawPair {
  rawKey: string;
  rawValue: string;
}

export class QueryOptions {
  constructor(
    private readonly values: Map<string, string>,
    /** The pairs as received, still encoded, for building nextLinks. */
    readonly rawPairs: RawPair[],
    private readonly normalizedKeys: string[],
  ) {}

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Refuses any system query option this route does not support. */
  allowOnly(allowed: string[]): void {
    for (const key of this.normalizedKeys) {
      if (key.startsWith('$') && !allowed.includes(key)) {
        throw badRequest(`The query option '${key}' is not supported on this resource.`);
      }
    }
  }

  /** The pairs without some options, re-joined as received. */
  rawWithout(names: string[]): RawPair[] {
    return this.rawPairs.filter((_, i) => !names.includes(this.normalizedKeys[i]));
  }
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw badRequest(`The query string is not valid percent-encoding: '${raw}'.`);
  }
}

/** Parses '?a=b&…' (with or without '?'). Graph accepts system options with or without '$', any case. */
export function parseQueryOptions(search: string): QueryOptions {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const values = new Map<string, string>();
  const rawPairs: RawPair[] = [];
  const normalizedKeys: string[] = [];
  if (text === '') return new QueryOptions(values, rawPairs, normalizedKeys);
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const key = decode(rawKey);
    const bare = key.startsWith('$') ? key.slice(1).toLowerCase() : key.toLowerCase();
    let normalized = key;
    if (SYSTEM_OPTIONS.includes(bare)) normalized = `$${bare}`;
    else if (key.startsWith('$')) throw badRequest(`The query parameter '${key}' is not supported.`);
    if (values.has(normalized)) {
      throw badRequest(`The query option '${normalized}' was specified more than once.`);
    }
    values.set(normalized, decode(rawValue));
    rawPairs.push({ rawKey, rawValue });
    normalizedKeys.push(normalized);
  }
  return new QueryOptions(values, rawPairs, normalizedKeys);
}

export interface Expansion {
  name: string;
  select?: string[];
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (depth < 0) throw badRequest(`Unbalanced parentheses in '${text}'.`);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw badRequest(`Unbalanced parentheses in '${text}'.`);
  parts.push(current);
  return parts.map((p) => p.trim());
}

export function parseSelect(text: string, where = '$select'): string[] {
  const names = text.split(',').map((n) => n.trim());
  for (const name of names) {
    if (!/^[A-Za-z_@][A-Za-z0-9_.]*$/.test(name))
      throw badRequest(`'${name}' is not a valid name in ${where}.`);
  }
  return names;
}

/** Parses $expand, e.g. 'fields($select=A,B)' or 'fields(select=A,B)' or 'columns'. */
export function parseExpand(text: string, allowed: string[], typeName: string): Expansion[] {
  const expansions: Expansion[] = [];
  for (const part of splitTopLevel(text)) {
    const m = /^([A-Za-z]+)(?:\((.*)\))?$/s.exec(part);
    if (!m) throw badRequest(`'${part}' is not a valid $expand item.`);
    const name = allowed.find((a) => a.toLowerCase() === m[1].toLowerCase());
    if (!name)
      throw badRequest(`Could not find a property named '${m[1]}' on type 'microsoft.graph.${typeName}'.`);
    const expansion: Expansion = { name };
    if (m[2] !== undefined) {
      const inner = /^\$?select=(.+)$/is.exec(m[2].trim());
      if (!inner) {
        throw badRequest(`Only $select is supported inside $expand=${name}(…); got '${m[2]}'.`);
      }
      expansion.select = parseSelect(inner[1], `$expand=${name}($select=…)`);
    }
    if (expansions.some((e) => e.name === name)) throw badRequest(`'${name}' is expanded twice.`);
    expansions.push(expansion);
  }
  return expansions;
}

/** $top: a positive integer; values over the cap are capped silently, as Graph does. */
export function parseTop(text: string | undefined, defaultSize: number, cap: number): number {
  if (text === undefined) return Math.min(defaultSize, cap);
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw invalidRequest(`Invalid value '${text}' for $top: it must be a positive integer.`);
  }
  return Math.min(Number(text), cap);
}

export interface OrderTerm {
  path: string[];
  descending: boolean;
}

export function parseOrderBy(text: string): OrderTerm[] {
  return splitTopLevel(text).map((term) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?$/.exec(term);
    if (!m) throw badRequest(`'${term}' is not a valid $orderby term; use e.g. 'fields/Title desc'.`);
    return { path: m[1].split('/'), descending: m[2] === 'desc' };
  });
}

/** An absolute nextLink on the fake's own host, keeping every other query option as received. */
export function buildNextLink(
  graphRoot: string,
  rawPath: string,
  query: QueryOptions,
  skiptoken: string,
): string {
  const pairs = query
    .rawWithout(['$skiptoken'])
    .map((p) => (p.rawValue === '' ? p.rawKey : `${p.rawKey}=${p.rawValue}`));
  pairs.push(`$skiptoken=${encodeURIComponent(skiptoken)}`);
  return `${graphRoot}${rawPath}?${pairs.join('&')}`;
}

/** Opaque page tokens: base64url JSON bound to a fingerprint of the query that made them. */
export function encodeSkipToken(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeSkipToken(token: string): unknown {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidRequest(
      `The $skiptoken '${token}' is not valid: use the @odata.nextLink exactly as returned.`,
    );
  }
}
