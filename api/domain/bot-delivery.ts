/**
 * What the bot needs to remember to reach people unprompted: the conversation each person (or channel)
 * has with it, and a record of every proactive delivery so a message is never lost or sent twice.
 */

/** Where the bot can reach someone: stored when they install the app, removed when they uninstall it. */
export interface ConversationRecord {
  /** The person's Entra object id, or the channel's id for a team install. */
  key: string;
  kind: 'personal' | 'channel' | 'groupChat';
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  /** The Bot Framework conversation reference, as JSON: opaque to everything but the bot. */
  reference: string;
  updatedAt: string;
}

export const DELIVERY_STATES = ['sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One proactive message, keyed so that sending it again is a no-op once it went out. */
export interface DeliveryRecord {
  /** Idempotency key, e.g. `statusRequest:<request id>`. */
  key: string;
  /** statusRequest, reminder, escalation, redAlert, welcome … */
  purpose: string;
  recipientId: string;
  conversationId: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  activityId: string | null;
  createdAt: string;
  updatedAt: string;
}
