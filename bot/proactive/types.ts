/**
 * The shapes the proactive sender works with. Nothing here names an SDK type: the transport that talks
 * to the Bot Connector (on the Agents SDK) implements `SendTransport`, and everything else sees only these.
 */
import type { DeliveryRecord, DeliveryState } from '../../api/domain/bot-delivery';

export type { DeliveryRecord, DeliveryState };

/** Where a proactive message goes: a conversation the bot already has with a person or a channel. */
export interface ConversationTarget {
  conversationId: string;
  /** The Bot Connector base URL from the stored conversation reference. */
  serviceUrl: string;
  tenantId?: string;
  /** The stored Bot Framework conversation reference (JSON), when there is one: the transport starts from it. */
  reference?: string;
}

/** A Bot Framework message activity (`type`, `text?`, `attachments?`, …), as plain JSON. */
export type OutgoingActivity = Record<string, unknown>;

/** Sends for real; throws `SendError` on an HTTP failure (status `null` for a network failure). */
export interface SendTransport {
  send(target: ConversationTarget, activity: OutgoingActivity): Promise<{ activityId: string }>;
  update(target: ConversationTarget, activityId: string, activity: OutgoingActivity): Promise<void>;
}

/** One message to send unprompted. */
export interface OutgoingMessage {
  /** Idempotency key, e.g. `statusRequest:<requestId>` or `escalation:<week>:<pmoUserId>`. */
  key: string;
  /** `statusRequest`, `reminder`, `escalation`, `redAlert`, `welcome` … (free text). */
  purpose: string;
  /** The person's Entra object id, or the channel's id. */
  recipientId: string;
  target: ConversationTarget;
  activity: OutgoingActivity;
  /** Update this earlier activity in place instead of sending a new one. */
  updateActivityId?: string;
}
