import type { Client } from '@microsoft/microsoft-graph-client';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { GraphCall, GraphResult } from './graph-errors';
import type { RetryPolicy, RetryTiming } from './graph-retry';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  REAL_TIMING,
  RETRYABLE_STATUSES,
  retryDelayMs,
} from './graph-retry';

/** Graph's documented ceiling for one JSON `$batch`. */
export const MAX_BATCH_REQUESTS = 20;

/**
 * SharePoint asks apps to decorate their traffic (`ISV|Company|App/Version`) so it throttles them by name
 * rather than as unidentified traffic, which is throttled first.
 */
export const USER_AGENT = 'ISV|PMO Hub|PmoHub/0.1';

export interface GraphExecutorOptions {
  /** The Graph root the client talks to, e.g. `https://graph.microsoft.com/v1.0`: nextLinks are made relative to it. */
  graphRoot: string;
  /** HTTP requests (a `$batch` is one) in flight at once; more wait in the queue and so fill bigger batches. */
  maxConcurrentRequests?: number;
  retry?: RetryPolicy;
  timing?: RetryTiming;
}

interface PendingGroup {
  calls: GraphCall[];
  /** Sends made so far for the calls still unresolved. */
  attempt: number;
  results: Array<GraphResult | undefined>;
  resolve: (results: GraphResult[]) => void;
  reject: (err: unknown) => void;
}

/**
 * Sends Graph requests for the SharePoint store. Calls that belong together are submitted as one group
 * and always travel in the same JSON `$batch` (with `dependsOn` where order matters); groups submitted
 * while earlier requests are in flight are packed together, up to Graph's 20 requests per batch, so a
 * burst of concurrent operations costs few HTTP requests. A lone call goes as a plain request.
 *
 * Graph does not retry inside a `$batch`: a 429/503/504 answer to one inner request (and the 424s of the
 * requests that depended on it) is sent again here after the Retry-After it carried, within the same
 * attempt budget as whole requests. Every call ends with a result; none is dropped.
 */
export class GraphExecutor {
  private readonly queue: PendingGroup[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxConcurrent: number;
  private readonly retry: RetryPolicy;
  private readonly timing: RetryTiming;
  private readonly graphRoot: string;
  /** HTTP requests sent (a `$batch` counts once): for diagnostics and benchmarks. */
  requestCount = 0;

  constructor(
    private readonly client: Client,
    options: GraphExecutorOptions,
  ) {
    this.graphRoot = options.graphRoot.replace(/\/+$/, '');
    this.maxConcurrent = options.maxConcurrentRequests ?? 4;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.timing = options.timing ?? REAL_TIMING;
  }

  /** One call. */
  async send(call: GraphCall): Promise<GraphResult> {
    const [result] = await this.sendTogether([call]);
    return result;
  }

  /** Calls that belong together: one `$batch`, in `dependsOn` order. At most 20. */
  sendTogether(calls: GraphCall[]): Promise<GraphResult[]> {
    if (calls.length === 0) return Promise.resolve([]);
    if (calls.length > MAX_BATCH_REQUESTS) {
      return Promise.reject(new Error(`A group of ${calls.length} Graph calls cannot travel in one $batch`));
    }
    return new Promise((resolve, reject) => {
      this.enqueue({ calls, attempt: 0, results: calls.map(() => undefined), resolve, reject });
    });
  }

  /** A Graph URL from `@odata.nextLink`, made relative to the Graph root the client was given. */
  relativeUrl(link: string): string {
    if (link.startsWith(this.graphRoot)) return link.slice(this.graphRoot.length);
    const url = new URL(link);
    const root = new URL(this.graphRoot);
    if (url.origin === root.origin && url.pathname.startsWith(root.pathname)) {
      return url.pathname.slice(root.pathname.length) + url.search;
    }
    throw new Error(`nextLink ${url.origin}${url.pathname} is outside the Graph root ${this.graphRoot}`);
  }

  private enqueue(group: PendingGroup): void {
    this.queue.push(group);
    if (this.scheduled) return;
    this.scheduled = true;
    // Wait for the rest of this turn's callers, so their calls can share a batch.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxConcurrent && this.queue.length > 0) {
      const batch: PendingGroup[] = [];
      let size = 0;
      while (this.queue.length > 0 && size + this.unresolved(this.queue[0]).length <= MAX_BATCH_REQUESTS) {
        const group = this.queue.shift()!;
        size += this.unresolved(group).length;
        batch.push(group);
      }
      this.inFlight += 1;
      this.dispatch(batch)
        .catch((err: unknown) => batch.forEach((g) => g.reject(err)))
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }

  private unresolved(group: PendingGroup): number[] {
    return group.calls.flatMap((_, i) => (group.results[i] === undefined ? [i] : []));
  }

  private async dispatch(batch: PendingGroup[]): Promise<void> {
    const parts = batch.map((group) => ({ group, indexes: this.unresolved(group) }));
    const total = parts.reduce((n, p) => n + p.indexes.length, 0);
    let answers: GraphResult[][];
    if (total === 1) {
      const { group, indexes } = parts[0];
      answers = [[await this.direct(group.calls[indexes[0]])]];
    } else {
      answers = await this.batchRequest(parts);
    }
    parts.forEach(({ group, indexes }, n) => {
      indexes.forEach((i, k) => (group.results[i] = answers[n][k]));
      group.attempt += 1;
      this.settle(group);
    });
  }

  /** Resolves a group when every call has a final answer; else re-queues what a retry may cure. */
  private settle(group: PendingGroup): void {
    const retryable = new Set<number>();
    group.calls.forEach((call, i) => {
      const result = group.results[i]!;
      if (RETRYABLE_STATUSES.has(result.status)) retryable.add(i);
      // 424: a call this one depended on failed; when that one is being retried, so is this one.
      else if (result.status === 424 && call.dependsOn?.some((d) => retryable.has(d))) retryable.add(i);
    });
    if (retryable.size === 0 || group.attempt >= this.retry.maxAttempts) {
      group.resolve(group.results as GraphResult[]);
      return;
    }
    const waits = [...retryable].map(
      (i) => parseRetryAfter(group.results[i]!.headers['retry-after'], this.timing.now()) ?? -1,
    );
    const longest = Math.max(...waits);
    const delay = retryDelayMs(
      group.attempt,
      longest >= 0 ? longest : undefined,
      this.retry,
      this.timing.random,
    );
    for (const i of retryable) group.results[i] = undefined;
    this.timing.sleep(delay).then(
      () => this.enqueue(group),
      (err: unknown) => group.reject(err),
    );
  }

  private async direct(call: GraphCall): Promise<GraphResult> {
    this.requestCount += 1;
    let request = this.client.api(call.url).responseType(ResponseType.RAW).header('User-Agent', USER_AGENT);
    for (const [name, value] of Object.entries(call.headers ?? {})) request = request.header(name, value);
    let response: Response;
    switch (call.method) {
      case 'GET':
        response = (await request.get()) as Response;
        break;
      case 'POST':
        response = (await request.post(call.body)) as Response;
        break;
      case 'PATCH':
        response = (await request.patch(call.body)) as Response;
        break;
      case 'DELETE':
        response = (await request.delete()) as Response;
        break;
    }
    return readResponse(response);
  }

  /**
   * One `$batch` carrying several groups' unanswered calls; returns each part's answers in order. A
   * dependency answered in an earlier attempt is not in this batch: there is nothing left to wait for.
   */
  private async batchRequest(
    parts: Array<{ group: PendingGroup; indexes: number[] }>,
  ): Promise<GraphResult[][]> {
    const requests: Array<Record<string, unknown>> = [];
    const idsOf: string[][] = [];
    for (const { group, indexes } of parts) {
      const base = requests.length;
      const ids = indexes.map((_, k) => String(base + k + 1));
      idsOf.push(ids);
      indexes.forEach((i, k) => {
        const call = group.calls[i];
        const dependsOn = (call.dependsOn ?? [])
          .map((d) => indexes.indexOf(d))
          .filter((k2) => k2 >= 0)
          .map((k2) => ids[k2]);
        requests.push({
          id: ids[k],
          method: call.method,
          url: call.url,
          ...(call.body !== undefined
            ? { body: call.body, headers: { 'Content-Type': 'application/json', ...call.headers } }
            : call.headers
              ? { headers: call.headers }
              : {}),
          ...(dependsOn.length > 0 ? { dependsOn } : {}),
        });
      });
    }
    this.requestCount += 1;
    const response = (await this.client
      .api('/$batch')
      .responseType(ResponseType.RAW)
      .header('User-Agent', USER_AGENT)
      .post({ requests })) as Response;
    const outer = await readResponse(response);
    if (outer.status !== 200) {
      // The batch as a whole failed (throttled past every retry, or refused): every call shares its fate.
      return idsOf.map((ids) => ids.map(() => outer));
    }
    const byId = new Map<string, GraphResult>();
    for (const r of (outer.body as { responses?: BatchResponse[] }).responses ?? []) {
      byId.set(String(r.id), {
        status: r.status,
        headers: lowerCaseKeys(r.headers ?? {}),
        body: r.body ?? null,
      });
    }
    return idsOf.map((ids) =>
      ids.map(
        (id) =>
          byId.get(id) ?? {
            status: 502,
            headers: {},
            body: {
              error: { code: 'missingBatchResponse', message: `The $batch response had no answer for ${id}` },
            },
          },
      ),
    );
  }
}

interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

async function readResponse(response: Response): Promise<GraphResult> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  const text = await response.text();
  let body: unknown = null;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers, body };
}
