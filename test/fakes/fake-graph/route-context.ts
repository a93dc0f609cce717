/** What route handlers share: the context, response helpers, body and header checks. */

import { GraphHttpError, ODATA_CONTENT_TYPE, invalidRequest } from './errors';
import type { QueryOptions } from './odata-query';
import type { SharePointData } from './sharepoint-data';
import type { GraphRequest, GraphResponse } from './types';

export interface RouteContext {
  data: SharePointData;
  /** 'http://127.0.0.1:PORT/v1.0' */
  graphRoot: string;
  maxPageSize: number;
  listViewThreshold: number;
}

/** One request on its way through the routes. */
export interface RouteRequest {
  req: GraphRequest;
  query: QueryOptions;
  /** Path relative to the version root, still encoded: '/sites/…/items'. */
  rawPath: string;
}

export const DEFAULT_PAGE_SIZE = 200;

export function ok(body: unknown, status = 200): GraphResponse {
  return { status, headers: { 'Content-Type': ODATA_CONTENT_TYPE }, body };
}

export const noContent = (): GraphResponse => ({ status: 204, headers: {} });

export function requireObjectBody(req: GraphRequest): Record<string, unknown> {
  if (req.body === undefined) throw invalidRequest('This request needs a JSON body.');
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  return req.body as Record<string, unknown>;
}

const unquote = (value: string): string =>
  value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;

/** If-Match: absent passes; '*' passes; otherwise it must equal the current eTag (quotes optional). */
export function checkIfMatch(req: GraphRequest, currentETag: string): void {
  const header = req.headers['if-match'];
  if (header === undefined) return;
  const wanted = header.trim();
  if (wanted === '*') return;
  if (unquote(wanted) !== unquote(currentETag)) {
    throw new GraphHttpError(
      412,
      'preconditionFailed',
      `The request ETag value '${wanted}' does not match the object's ETag value '${currentETag}'.`,
    );
  }
}

/** Whether a Prefer header carries this preference (Prefer may list several, comma-separated). */
export function prefers(req: GraphRequest, preference: string): boolean {
  const header = req.headers.prefer;
  if (!header) return false;
  return header
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .includes(preference.toLowerCase());
}
