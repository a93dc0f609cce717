/**
 * JSON batching (POST /v1.0/$batch): at most 20 requests, unique ids, dependsOn ordering, 424 for a
 * request whose dependency failed. A malformed batch fails whole (400); otherwise the outer answer is
 * 200 and each inner request has its own status, faults included.
 */

import type { RequestIds } from './errors';
import { JSON_CONTENT_TYPE, badRequest, errorResponse } from './errors';
import type { Faults } from './faults';
import type { RouteContext } from './route-context';
import { dispatch } from './router';
import type { BatchLogEntry, GraphResponse } from './types';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const WRITE_METHODS = ['POST', 'PATCH', 'PUT'];

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export interface BatchOutcome {
  response: GraphResponse;
  log: BatchLogEntry[];
}

function parseInner(raw: unknown, index: number): InnerRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest(`Batch request at index ${index} must be a JSON object.`);
  }
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.trim() === '') {
    throw badRequest(`Batch request at index ${index} needs a non-empty string 'id'.`);
  }
  if (typeof r.method !== 'string' || !METHODS.includes(r.method.toUpperCase())) {
    throw badRequest(`Batch request id : ${r.id} has an invalid 'method' (${String(r.method)}).`);
  }
  if (typeof r.url !== 'string' || r.url.trim() === '') {
    throw badRequest(`Batch request id : ${r.id} needs a relative 'url'.`);
  }
  const headers: Record<string, string> = {};
  if (r.headers !== undefined) {
    if (typeof r.headers !== 'object' || r.headers === null || Array.isArray(r.headers)) {
      throw badRequest(`Batch request id : ${r.id} has 'headers' that are not an object.`);
    }
    for (const [name, value] of Object.entries(r.headers)) {
      if (typeof value !== 'string')
        throw badRequest(`Header '${name}' of batch request id : ${r.id} must be a string.`);
      headers[name.toLowerCase()] = value;
    }
  }
  let dependsOn: string[] = [];
  if (r.dependsOn !== undefined) {
    if (!Array.isArray(r.dependsOn) || r.dependsOn.some((d) => typeof d !== 'string')) {
      throw badRequest(`'dependsOn' of batch request id : ${r.id} must be an array of request ids.`);
    }
    dependsOn = r.dependsOn as string[];
  }
  const method = r.method.toUpperCase();
  const hasBody = r.body !== undefined && r.body !== null;
  if ((WRITE_METHODS.includes(method) || hasBody) && (!hasBody || headers['content-type'] === undefined)) {
    throw badRequest(`Write request id : ${r.id} does not contain Content-Type header or body.`);
  }
  return { id: r.id, method, url: r.url, headers, body: hasBody ? r.body : undefined, dependsOn };
}

/** Validates the whole batch; a malformed one is refused before anything runs. */
function parseBatch(body: unknown): InnerRequest[] {
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as { requests?: unknown }).requests)
  ) {
    throw badRequest(`A batch body must be a JSON object with a 'requests' array.`);
  }
  const raw = (body as { requests: unknown[] }).requests;
  if (raw.length === 0) throw badRequest('The batch has no requests.');
  if (raw.length > MAX_BATCH_REQUESTS) {
    throw badRequest(
      `The batch has ${raw.length} requests; JSON batching allows at most ${MAX_BATCH_REQUESTS} requests in one batch.`,
    );
  }
  const requests = raw.map(parseInner);
  const ids = new Map<string, InnerRequest>();
  for (const request of requests) {
    const key = request.id.toLowerCase();
    if (ids.has(key))
      throw badRequest(`The batch has more than one request with id '${request.id}'; ids must be unique.`);
    ids.set(key, request);
  }
  for (const request of requests) {
    for (const dep of request.dependsOn) {
      if (!ids.has(dep.toLowerCase())) {
        throw badRequest(
          `Request id : ${request.id} depends on '${dep}', which is not a request id in this batch.`,
        );
      }
      if (dep.toLowerCase() === request.id.toLowerCase()) {
        throw badRequest(`Request id : ${request.id} depends on itself.`);
      }
    }
  }
  checkAcyclic(requests, ids);
  return requests;
}

function checkAcyclic(requests: InnerRequest[], ids: Map<string, InnerRequest>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (request: InnerRequest): void => {
    const key = request.id.toLowerCase();
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting')
      throw badRequest(`The dependsOn chain through request id : ${request.id} is circular.`);
    state.set(key, 'visiting');
    for (const dep of request.dependsOn) visit(ids.get(dep.toLowerCase()) as InnerRequest);
    state.set(key, 'done');
  };
  requests.forEach(visit);
}

export interface BatchEnvironment {
  ctx: RouteContext;
  faults: Faults;
  /** The outer request's client-request-id, reused by inner requests that bring none. */
  clientRequestId: string;
  newRequestId: () => string;
}

/** Runs a batch; throws GraphHttpError (400) for a malformed batch. */
export function runBatch(env: BatchEnvironment, body: unknown): BatchOutcome {
  const requests = parseBatch(body);
  const statuses = new Map<string, number>();
  const responses: Array<Record<string, unknown>> = [];
  const log: BatchLogEntry[] = [];
  const pending = [...requests];
  while (pending.length > 0) {
    // Array order, except that a request waits for everything it depends on.
    const index = pending.findIndex((r) => r.dependsOn.every((d) => statuses.has(d.toLowerCase())));
    const request = pending.splice(index, 1)[0];
    const ids: RequestIds = {
      requestId: env.newRequestId(),
      clientRequestId: request.headers['client-request-id'] ?? env.clientRequestId,
    };
    const failed = request.dependsOn.find((d) => (statuses.get(d.toLowerCase()) as number) >= 400);
    const result =
      failed !== undefined
        ? errorResponse(
            424,
            'FailedDependency',
            `Request id : ${request.id} was not run: request '${failed}' it depends on failed.`,
            ids,
          )
        : runInner(env, request, ids);
    statuses.set(request.id.toLowerCase(), result.status);
    log.push({ id: request.id, method: request.method, url: request.url, status: result.status });
    const entry: Record<string, unknown> = { id: request.id, status: result.status, headers: result.headers };
    if (result.body !== undefined) entry.body = result.body;
    responses.push(entry);
  }
  return {
    response: { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: { responses } },
    log,
  };
}

function runInner(env: BatchEnvironment, request: InnerRequest, ids: RequestIds): GraphResponse {
  const target = request.url.startsWith('/') ? request.url : `/${request.url}`;
  const fault = env.faults.take({ method: request.method, url: target, inBatch: true }, ids);
  if (fault) return fault;
  const contentType = request.headers['content-type'];
  if (request.body !== undefined && !/^application\/json\b/i.test(contentType ?? '')) {
    return errorResponse(
      415,
      'UnsupportedMediaType',
      `The fake Graph accepts only application/json bodies; got '${contentType}'.`,
      ids,
    );
  }
  if (request.body !== undefined && (typeof request.body !== 'object' || Array.isArray(request.body))) {
    return errorResponse(
      400,
      'BadRequest',
      'The body of a JSON request in a batch must be a JSON object.',
      ids,
    );
  }
  return dispatch(
    env.ctx,
    { method: request.method, target, headers: request.headers, body: request.body, inBatch: true },
    ids,
  );
}
