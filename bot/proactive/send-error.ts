/**
 * What a failed send means: whether to try again, and a reason a person can act on (it becomes the
 * delivery record's `lastError`).
 */

/**
 * Which limit a 429 was about. Teams' answer does not say, so a transport sets `app` only when it can
 * tell; an unknown scope pauses just the conversation, since pausing everyone for each stray 429 would
 * stop all sending.
 */
export type ThrottleScope = 'conversation' | 'app';

export interface SendErrorDetails {
  /** Teams' error code from the body, e.g. `MessageWritesBlocked`, `ConversationNotFound`. */
  code?: string;
  scope?: ThrottleScope;
}

/** Thrown by a `SendTransport` when the Bot Connector answers with an error, or cannot be reached. */
export class SendError extends Error {
  override readonly name = 'SendError';
  readonly code?: string;
  readonly scope?: ThrottleScope;

  constructor(
    message: string,
    /** The HTTP status; `null` when the request got no answer (a network failure). */
    readonly status: number | null,
    /** From the `Retry-After` header, in ms. */
    readonly retryAfterMs?: number,
    details: SendErrorDetails = {},
  ) {
    super(message);
    this.code = details.code;
    this.scope = details.scope;
  }
}

/** Teams asks bots to retry these (and 503, which its gateways also answer). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export interface Failure {
  status: number | null;
  retryable: boolean;
  retryAfterMs?: number;
  scope: ThrottleScope;
  reason: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Kept short: it is stored with the record. */
const clip = (text: string): string => (text.length > 300 ? `${text.slice(0, 297)}...` : text);

/** Why `error` ended a send, and whether a retry can help. */
export function describeFailure(error: unknown, operation: 'send' | 'update'): Failure {
  if (!(error instanceof SendError)) {
    // Not an HTTP answer: a bug in the transport, which retrying would only repeat.
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: null,
      retryable: false,
      scope: 'conversation',
      reason: `unexpected transport error: ${clip(message)}`,
    };
  }
  const { status, retryAfterMs } = error;
  const scope = error.scope ?? 'conversation';
  const detail = clip(error.message);
  if (status === null) {
    return { status, retryable: true, retryAfterMs, scope, reason: `network error: ${detail}` };
  }
  const head = `${status} ${STATUS_TEXT[status] ?? 'HTTP error'}${error.code ? ` (${error.code})` : ''}`;
  const hint = advice(status, operation);
  return {
    status,
    retryable: RETRYABLE_STATUSES.has(status),
    retryAfterMs,
    scope,
    reason: hint ? `${head}: ${hint} [${detail}]` : `${head}: ${detail}`,
  };
}

function advice(status: number, operation: 'send' | 'update'): string | undefined {
  switch (status) {
    case 400:
      return 'Teams refused the activity as malformed; fix the message or card';
    case 401:
      return "the Bot Connector refused the bot's credentials; check BOT_ID, BOT_PASSWORD and BOT_TENANT_ID";
    case 403:
      return 'Teams will not deliver here: the user blocked the bot, or the app is not installed for them; install it for them again before resending';
    case 404:
      return operation === 'update'
        ? 'the conversation or the activity to update no longer exists; send a new message instead'
        : 'the conversation no longer exists (the app was probably uninstalled); store a fresh conversation reference before resending';
    case 413:
      return "the activity is over Teams' size limit (about 100 KB; keep it under 80 KB); shorten or split it";
    default:
      return undefined;
  }
}
