import type { ConversationReference } from '@microsoft/agents-activity';
import { Activity } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { SendError } from './send-error';
import type { ConversationTarget, OutgoingActivity, SendTransport } from './types';

/**
 * Sends through the Agents SDK's CloudAdapter (which gets the bot's token and speaks the Connector's
 * REST API), turning its HTTP failures into SendErrors the sender understands. The SDK does not retry:
 * the ProactiveSender around this does.
 */
const ANONYMOUS_APP_ID = 'pmo-hub-local';

export class AgentsSdkTransport implements SendTransport {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's app id ('' when running anonymously in development). */
    private readonly botAppId: string,
  ) {}

  /** The SDK wants an app id even when it sends without a token (local development, tests). */
  private get appId(): string {
    return this.botAppId || ANONYMOUS_APP_ID;
  }

  async send(target: ConversationTarget, activity: OutgoingActivity): Promise<{ activityId: string }> {
    let activityId = '';
    await this.within(target, async (context) => {
      const response = await context.sendActivity(Activity.fromObject(activity));
      activityId = response?.id ?? '';
    });
    return { activityId };
  }

  async update(target: ConversationTarget, activityId: string, activity: OutgoingActivity): Promise<void> {
    await this.within(target, async (context) => {
      await context.updateActivity(Activity.fromObject({ ...activity, id: activityId }));
    });
  }

  private async within(
    target: ConversationTarget,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    // A new message, not a reply to whatever the user last said: drop the reference's activity id.
    const { activityId: _lastActivity, ...stored } = target.reference
      ? (JSON.parse(target.reference) as Partial<ConversationReference>)
      : ({} as Partial<ConversationReference>);
    const reference = {
      ...stored,
      channelId: stored.channelId ?? 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: {
        ...stored.conversation,
        id: target.conversationId,
        ...(target.tenantId ? { tenantId: target.tenantId } : {}),
      },
      // The SDK addresses the continuation to the reference's user; a channel post has none of its own.
      user: stored.user ?? { id: target.conversationId },
      // The continuation comes "to" the bot: without a stored reference, name it by its app id.
      agent: stored.agent ?? { id: `28:${this.appId}` },
    } as ConversationReference;
    // The adapter hands an error thrown inside the turn to its own onTurnError and returns normally:
    // catch it in the turn, so a 429 reaches the sender instead of passing for a success.
    let failure: { error: unknown } | null = null;
    try {
      await this.adapter.continueConversation(this.appId, reference, async (context) => {
        try {
          await logic(context);
        } catch (err) {
          failure = { error: err };
        }
      });
    } catch (err) {
      failure = { error: err };
    }
    if (failure) throw toSendError((failure as { error: unknown }).error);
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/**
 * The SDK's HttpError carries `status` and the response (headers, parsed body) → a SendError; a failed
 * connection → a SendError without status (retried); anything else is a bug, passed on as it is.
 */
export function toSendError(err: unknown): unknown {
  const e = err as {
    status?: unknown;
    message?: string;
    cause?: { code?: string };
    code?: string;
    response?: { headers?: Headers | Record<string, string>; data?: unknown };
  };
  if (typeof e?.status !== 'number') {
    const code = e?.cause?.code ?? e?.code;
    const network = (code !== undefined && NETWORK_CODES.has(code)) || e?.message === 'fetch failed';
    return network ? new SendError(`${e.message}${code ? ` (${code})` : ''}`, null) : err;
  }
  const headers = e.response?.headers;
  const retryAfter =
    headers instanceof Headers
      ? headers.get('retry-after')
      : (headers?.['retry-after'] ?? headers?.['Retry-After']);
  const seconds = retryAfter !== null && retryAfter !== undefined ? Number(retryAfter) : NaN;
  const body = e.response?.data as { error?: { code?: string; message?: string } } | undefined;
  return new SendError(
    body?.error?.message ?? e.message ?? `HTTP ${e.status}`,
    e.status,
    Number.isFinite(seconds) ? Math.round(seconds * 1000) : undefined,
    body?.error?.code ? { code: body.error.code } : {},
  );
}
