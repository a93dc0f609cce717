/**
 * A strict local stand-in for Microsoft Graph v1.0's SharePoint list API, over real HTTP on 127.0.0.1.
 * Point @microsoft/microsoft-graph-client at it with Client.init({ baseUrl: fake.url, defaultVersion: 'v1.0' }).
 * Authorization is ignored (the Graph client only sends it over https).
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch } from './batch';
import type { RequestIds } from './errors';
import { GraphHttpError, errorResponse, methodNotAllowed, responseFromError } from './errors';
import { Faults } from './faults';
import { fieldValueSet } from './field-values';
import type { RouteContext } from './route-context';
import { dispatch } from './router';
import { SharePointData, itemETag } from './sharepoint-data';
import type { FakeGraph, FakeGraphOptions, GraphResponse, RequestLogEntry } from './types';

export type * from './types';

const VERSION_PREFIX = '/v1.0';
/** Graph refuses request bodies over about 4 MB. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function decodedQuery(target: string): Record<string, string> {
  const at = target.indexOf('?');
  if (at === -1) return {};
  try {
    return Object.fromEntries(new URLSearchParams(target.slice(at + 1)));
  } catch {
    return {};
  }
}

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const data = new SharePointData(options.hostname ?? 'contoso.sharepoint.com');
  for (const site of options.sites ?? [{ path: '/sites/pmo' }]) data.addSite(site.path, site.displayName);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  let latencyMs = options.latencyMs ?? 0;
  const ctx: RouteContext = {
    data,
    graphRoot: '',
    maxPageSize: options.maxPageSize ?? 5000,
    listViewThreshold: options.listViewThreshold ?? 5000,
  };

  /** The answer to one HTTP request; `entry.batch` is filled for a $batch. */
  function answer(
    method: string,
    target: string,
    headers: Record<string, string>,
    raw: Buffer,
    ids: RequestIds,
    entry: RequestLogEntry,
  ): GraphResponse {
    const relative = target.startsWith(`${VERSION_PREFIX}/`) ? target.slice(VERSION_PREFIX.length) : target;
    const fault = faults.take({ method, url: relative, inBatch: false }, ids);
    if (fault) return fault;
    if (relative === target) {
      return errorResponse(
        400,
        'BadRequest',
        `Invalid version: the fake Graph serves only ${VERSION_PREFIX}/…; got '${target}'.`,
        ids,
      );
    }
    if (raw.length > MAX_BODY_BYTES) {
      return errorResponse(413, 'RequestEntityTooLarge', 'The request body is larger than 4 MB.', ids);
    }
    let body: unknown;
    if (raw.length > 0) {
      if (!/^application\/json\b/i.test(headers['content-type'] ?? '')) {
        return errorResponse(
          415,
          'UnsupportedMediaType',
          `Send JSON bodies with Content-Type: application/json.`,
          ids,
        );
      }
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return errorResponse(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          ids,
        );
      }
    }
    const path = relative.split('?')[0];
    if (path === '/$batch') {
      if (method !== 'POST') return responseFromError(methodNotAllowed(), ids);
      try {
        const outcome = runBatch(
          { ctx, faults, clientRequestId: ids.clientRequestId, newRequestId: randomUUID },
          body,
        );
        entry.batch = outcome.log;
        return outcome.response;
      } catch (err) {
        if (err instanceof GraphHttpError) return responseFromError(err, ids);
        throw err;
      }
    }
    return dispatch(ctx, { method, target: relative, headers, body, inBatch: false }, ids);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    if (latencyMs > 0) await sleep(latencyMs);
    const headers = lowerCaseHeaders(req);
    const ids: RequestIds = {
      requestId: randomUUID(),
      clientRequestId: headers['client-request-id'] ?? randomUUID(),
    };
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const entry: RequestLogEntry = {
      method,
      path: target.split('?')[0],
      query: decodedQuery(target),
      status: 0,
      at,
    };
    let result: GraphResponse;
    try {
      result = answer(method, target, headers, raw, ids, entry);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      result = errorResponse(500, 'generalException', `Fake Graph bug: ${message}`, ids);
    }
    entry.status = result.status;
    requests.push(entry);
    const payload = result.body === undefined ? undefined : JSON.stringify(result.body);
    res.writeHead(result.status, {
      ...result.headers,
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
      ...(payload === undefined ? {} : { 'Content-Length': Buffer.byteLength(payload) }),
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  ctx.graphRoot = `${url}v1.0`;

  return {
    url,
    graphRoot: ctx.graphRoot,
    sites: data.sites.map((s) => ({ id: s.id, webUrl: s.webUrl, path: s.path, displayName: s.displayName })),
    requests,
    resetLog: () => {
      requests.length = 0;
    },
    injectFault: (fault) => faults.inject(fault),
    throttleRandomly: (opts) => faults.throttleRandomly(opts),
    setLatency: (ms) => {
      if (!(ms >= 0)) throw new Error('setLatency: ms must be >= 0.');
      latencyMs = ms;
    },
    itemsOf: (siteId, listDisplayName) => {
      const site = data.findSite(siteId);
      if (!site) throw new Error(`itemsOf: no site '${siteId}'.`);
      const list = site.lists.find((l) => l.displayName === listDisplayName);
      if (!list) throw new Error(`itemsOf: no list named '${listDisplayName}' in ${site.path}.`);
      return list.items.map((item) => fieldValueSet({ site, list, item }, itemETag(item)));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
