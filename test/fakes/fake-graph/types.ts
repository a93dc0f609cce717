import type { FaultRule, RandomThrottle } from '../shared/fault-plan';
/** Public and shared types of the fake Microsoft Graph (SharePoint lists). */

export interface FakeGraphOptions {
  /** Port to listen on (127.0.0.1); default 0 = any free port. */
  port?: number;
  /** Added to every HTTP request before it is answered (a $batch is one request). Default 0. */
  latencyMs?: number;
  /** Server page cap for list items: a bigger $top is silently capped. Default 5000 (Graph/SharePoint). */
  maxPageSize?: number;
  /** SharePoint list view threshold: non-indexed queries on bigger lists fail even with the Prefer header. Default 5000. */
  listViewThreshold?: number;
  /** SharePoint hostname. Default 'contoso.sharepoint.com'. */
  hostname?: string;
  /** Sites that exist from the start. Default [{ path: '/sites/pmo' }]. */
  sites?: Array<{ path: string; displayName?: string }>;
}

export interface FakeGraphSite {
  id: string;
  webUrl: string;
  path: string;
  displayName: string;
}

export interface BatchLogEntry {
  id: string;
  method: string;
  url: string;
  status: number;
}

export interface RequestLogEntry {
  method: string;
  /** Path as received, e.g. '/v1.0/sites/…/items'. */
  path: string;
  /** Decoded query options, e.g. { $top: '2' }. */
  query: Record<string, string>;
  status: number;
  /** Inner requests of a $batch, in the order they ran (424s included, with the status they got). */
  batch?: BatchLogEntry[];
  /** Epoch milliseconds when the request arrived. */
  at: number;
}

/** What a fault matcher sees. `url` is relative to the version root: '/sites/…?…' or '/$batch'. */
export interface FaultTarget {
  method: string;
  url: string;
  inBatch: boolean;
}

/**
 * A fault for the next `count` (default 1) requests matching `match`; `code` defaults by status
 * (429 TooManyRequests, 503 serviceNotAvailable, …). The shape is the one both fakes share (../shared/fault-plan).
 */
export type FaultSpec = FaultRule<FaultTarget>;

export type { RandomThrottle };

export interface FakeGraph {
  /** 'http://127.0.0.1:PORT/' — what the Graph client gets as baseUrl. */
  url: string;
  /** url + 'v1.0' */
  graphRoot: string;
  sites: FakeGraphSite[];
  /** Every HTTP request, in order of completion. */
  requests: RequestLogEntry[];
  resetLog(): void;
  /** Queue faults for the next `count` (default 1) requests matching `match` (default: any, outer or inner). */
  injectFault(fault: FaultSpec): void;
  /** Random 429s on this fraction of requests (outer and inner), deterministic by seed; null turns it off. */
  throttleRandomly(opts: RandomThrottle | null): void;
  setLatency(ms: number): void;
  /** Field values (as Graph shows them) of a list's items, by site id and list display name, in id order. */
  itemsOf(siteId: string, listDisplayName: string): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** One request as the router sees it: an outer HTTP request or an inner $batch request. */
export interface GraphRequest {
  method: string;
  /** Relative to the version root, starting with '/': '/sites/…?$top=2'. Raw (still percent-encoded). */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON body; undefined when there is none. */
  body: unknown;
  inBatch: boolean;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}
