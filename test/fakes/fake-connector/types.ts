import type { FaultRule, RandomThrottle } from '../shared/fault-plan';
/** Public and shared types of the fake Bot Framework Connector (as Teams runs it). */

/** One sliding window: at most `max` operations in any `windowMs`. */
export interface RateWindow {
  windowMs: number;
  max: number;
}

/** Teams' documented limits; every list is a set of sliding windows that must all have room. */
export interface Limits {
  /** Per bot, per conversation: create, send, reply, update and delete. Teams: 7/1 s, 8/2 s, 60/30 s, 1,800/h. */
  send: RateWindow[];
  /** Per bot, per conversation: members, paged members, one member. Teams: 14/1 s, 16/2 s, 120/30 s, 3,600/h. */
  members: RateWindow[];
  /** All bots together in one conversation: send-type operations. Teams: 14/1 s, 16/2 s. */
  sendAllBots: RateWindow[];
  /** All bots together in one conversation: member reads. Teams: 28/1 s, 32/2 s. */
  membersAllBots: RateWindow[];
  /** Per app (bot), per tenant, every request whatever its outcome, throttled ones included. Teams: 50/1 s. */
  perAppPerTenant: RateWindow[];
}

export interface FakeConnectorOptions {
  /** Port to listen on (127.0.0.1); default 0 = any free port. */
  port?: number;
  /**
   * Path segment(s) put in `url` before /v3, like Teams' 'teams' or 'amer' ('https://smba.trafficmanager.net/teams/').
   * Default '' (url = 'http://127.0.0.1:PORT/'). Requests are accepted with any prefix or none.
   */
  pathPrefix?: string;
  /** false switches rate limiting off; a partial object replaces those window lists (an empty list = no limit). */
  limits?: false | Partial<Limits>;
  /** Epoch milliseconds; default Date.now. Rate limits, activity ids and the log's `at` read it. */
  clock?: () => number;
  /** Largest activity, in bytes at 2 per UTF-16 code unit of its JSON. Default 100 * 1024 (Teams' ~100 KB). */
  maxMessageBytes?: number;
}

/** A conversation member, as the fake stores it and answers it (TeamsChannelAccount). */
export interface Member {
  /** Teams user id ('29:…'). */
  id: string;
  name?: string;
  /** Entra object id. Answered as both `aadObjectId` and `objectId` (the name Teams' wire format uses). */
  aadObjectId?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  userPrincipalName?: string;
  /** Default 'user'. */
  userRole?: 'user' | 'guest' | 'anonymous';
}

export type ConversationType = 'personal' | 'channel' | 'groupChat';

export interface ConversationInfo {
  id: string;
  members: Member[];
  isGroup: boolean;
  tenantId: string;
  conversationType: ConversationType;
}

export interface AddConversationOptions {
  /** Default: generated in Teams' format for the type ('a:…' personal, '19:…@thread.tacv2' channel, '19:…@thread.v2' group chat). */
  id?: string;
  members: Member[];
  tenantId: string;
  /** Default: true unless personal. */
  isGroup?: boolean;
  /** Default: 'personal' unless isGroup, then 'groupChat'. */
  conversationType?: ConversationType;
}

export type ConnectorOperation =
  | 'createConversation'
  | 'sendToConversation'
  | 'replyToActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'getConversationMembers'
  | 'getConversationPagedMembers'
  | 'getConversationMember'
  | 'unknown';

export interface ConnectorRequest {
  method: string;
  /** Path as received (still encoded, prefix included), without the query. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  operation: ConnectorOperation;
  /** Decoded conversation id from the path (for a create: the conversation answered, when one was). */
  conversationId?: string;
  /** Decoded activity id from the path (the one replied to, updated or deleted); for a send or a create, the id answered. */
  activityId?: string;
  status: number;
  /** The error code answered, for a 4xx/5xx. */
  errorCode?: string;
  /** The Retry-After answered, if any. */
  retryAfter?: string;
  /** Parsed JSON body; undefined when there was none or it did not parse. */
  body: unknown;
  /** Epoch ms from the clock when the request arrived. */
  at: number;
}

export interface DeliveredActivity {
  /** The id the fake answered (Teams style: epoch milliseconds as a string). */
  id: string;
  /** The conversation id the activity was addressed to (a channel thread keeps its ';messageid=…'). */
  conversationId: string;
  /** The activity id of a reply route, else the activity's own replyToId. */
  replyToId?: string;
  /** The activity as last received (an update replaces it). */
  activity: Record<string, unknown>;
  /** How many times it was updated in place. */
  updatedCount: number;
}

/** What a fault matcher sees. */
export interface FaultTarget {
  method: string;
  /** Path as received, without the query. */
  path: string;
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
}

/**
 * A fault for the next `count` (default 1) requests matching `match`; `code` defaults by status
 * (429 Throttled, 412 PreconditionFailed, 502 ServiceError, …). The shape is the one both fakes share (../shared/fault-plan).
 */
export type FaultSpec = FaultRule<FaultTarget>;

export type { RandomThrottle };

export interface FakeConnector {
  /** The serviceUrl to put in activities: 'http://127.0.0.1:PORT/' (plus the pathPrefix), ending in '/'. */
  url: string;
  /** Every request, in order of arrival. */
  requests: ConnectorRequest[];
  /** What was delivered (2xx), in order; for a conversation id, its activities (a channel's include its threads'). */
  activities(conversationId?: string): DeliveredActivity[];
  conversations(): ConversationInfo[];
  /** Pre-creates a conversation (as if the user installed the app) and returns its id. */
  addConversation(opts: AddConversationOptions): string;
  /** Queues faults for the next `count` (default 1) requests matching `match` (default: any). */
  injectFault(fault: FaultSpec): void;
  /** Random 429s on this fraction of requests, deterministic by seed; null turns it off. */
  throttleRandomly(opts: RandomThrottle | null): void;
  resetLog(): void;
  close(): Promise<void>;
}

/** One answer before it is written. */
export interface ConnectorResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}
