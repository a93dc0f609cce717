/**
 * A strict local stand-in for the Bot Framework Connector as Teams runs it, over real HTTP on 127.0.0.1.
 * Put `fake.url` in an activity's serviceUrl (or hand it to ConnectorClient) and the bot's replies and
 * proactive messages land here: validated, rate-limited and logged as Teams would. Authorization is not
 * required (the Agents SDK sends none when the bot has no credentials).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConversationStore } from './conversations';
import { ConnectorHttpError, ErrorCodes, badArgument, errorResponse, responseFromError } from './errors';
import { Faults } from './faults';
import { RateLimiter, formatRetryAfter, resolveLimits } from './rate-limits';
import type { MatchedRoute, RouteContext } from './route-context';
import { DEFAULT_APP_ID, appIdOf, botOf, tenantOf } from './route-context';
import { dispatch, matchRoute } from './router';
import type { ConnectorRequest, ConnectorResponse, FakeConnector, FakeConnectorOptions } from './types';
import { isJsonObject } from './validation';

export type * from './types';
export { DEFAULT_LIMITS } from './rate-limits';

/** Teams' message limit: about 100 KB, counted in UTF-16. */
export const DEFAULT_MAX_MESSAGE_BYTES = 100 * 1024;
/** Bodies are read up to this size; anything bigger is refused before parsing. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodedQuery(target: string): Record<string, string> {
  const at = target.indexOf('?');
  return at === -1 ? {} : Object.fromEntries(new URLSearchParams(target.slice(at + 1)));
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (raw.length > MAX_BODY_BYTES) {
    throw new ConnectorHttpError(413, ErrorCodes.messageSizeTooBig, 'Message size too large.');
  }
  if (!/^application\/json\b/i.test(contentType ?? '')) {
    throw new ConnectorHttpError(
      415,
      ErrorCodes.unsupportedMediaType,
      'Send JSON bodies with Content-Type: application/json.',
    );
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw badArgument(`The request body is not valid JSON (${(err as Error).message}).`);
  }
}

function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const clock = options.clock ?? Date.now;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!(maxMessageBytes > 0)) throw new Error('startFakeConnector: maxMessageBytes must be > 0.');
  const store = new ConversationStore(clock);
  const limiter = new RateLimiter(resolveLimits(options.limits));
  const faults = new Faults();
  const requests: ConnectorRequest[] = [];
  const ctx: RouteContext = { store, limiter, clock, maxMessageBytes };

  /** The answer to one request; fills in what the log learns on the way. */
  function answer(
    method: string,
    req: IncomingMessage,
    raw: Buffer,
    entry: ConnectorRequest,
  ): ConnectorResponse {
    const route: MatchedRoute = matchRoute(method, entry.path);
    entry.operation = route.operation;
    entry.conversationId = route.conversationId;
    entry.activityId = route.activityId;
    const fault = faults.take({
      method,
      path: entry.path,
      operation: route.operation,
      conversationId: route.conversationId,
      activityId: route.activityId,
    });
    if (fault) return fault;

    let body: unknown;
    let bodyError: unknown;
    try {
      body = parseBody(raw, req.headers['content-type']);
      entry.body = body;
    } catch (err) {
      bodyError = err;
    }
    const conversation = route.conversationId === undefined ? undefined : store.resolve(route.conversationId);
    const appId = appIdOf(req.headers.authorization);
    const bot = botOf(body, appId);
    // Every routed request counts against the app in its tenant, whatever happens to it next.
    const throttle = limiter.admitAppRequest(appId ?? DEFAULT_APP_ID, tenantOf(body, conversation), clock());
    if (throttle) {
      const retryAfter = formatRetryAfter(throttle.retryAfterMs);
      return errorResponse(429, ErrorCodes.throttled, `${throttle.message} Retry after ${retryAfter} s.`, {
        'Retry-After': retryAfter,
      });
    }
    if (bodyError) throw bodyError;

    const response = dispatch(ctx, { route, body, query: entry.query, bot, conversation });
    if (isJsonObject(response.body)) {
      const { id, activityId } = response.body;
      if (route.operation === 'createConversation') {
        entry.conversationId = id as string;
        entry.activityId = activityId as string | undefined;
      } else if (route.operation === 'sendToConversation') {
        entry.activityId = id as string;
      }
    }
    return response;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clock();
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const entry: ConnectorRequest = {
      method,
      path: target.split('?')[0],
      query: decodedQuery(target),
      operation: 'unknown',
      status: 0,
      body: undefined,
      at,
    };
    let result: ConnectorResponse;
    try {
      result = answer(method, req, raw, entry);
    } catch (err) {
      if (err instanceof ConnectorHttpError) result = responseFromError(err);
      else {
        const message = err instanceof Error ? err.message : String(err);
        result = errorResponse(500, ErrorCodes.serviceError, `Fake Connector bug: ${message}`);
      }
    }
    entry.status = result.status;
    if (result.status >= 400 && isJsonObject(result.body) && isJsonObject(result.body.error)) {
      entry.errorCode = result.body.error.code as string;
    }
    if (result.headers['Retry-After'] !== undefined) entry.retryAfter = result.headers['Retry-After'];
    requests.push(entry);
    const payload = result.body === undefined ? undefined : JSON.stringify(result.body);
    res.writeHead(result.status, {
      ...result.headers,
      ...(payload === undefined ? { 'Content-Length': 0 } : { 'Content-Length': Buffer.byteLength(payload) }),
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

  return {
    url: `http://127.0.0.1:${port}/${normalisePrefix(options.pathPrefix)}`,
    requests,
    activities: (conversationId) => store.activities(conversationId),
    conversations: () => store.list(),
    addConversation: (opts) => store.add(opts).id,
    injectFault: (fault) => faults.inject(fault),
    throttleRandomly: (opts) => faults.throttleRandomly(opts),
    resetLog: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
