/**
 * The fake's state: conversations (one 1:1 per user and tenant, as Teams keeps it), the members it has seen,
 * and the activities delivered to each conversation. Holds no HTTP rules.
 */

import { createHash, randomUUID } from 'node:crypto';
import type {
  AddConversationOptions,
  ConversationInfo,
  ConversationType,
  DeliveredActivity,
  Member,
} from './types';

export interface StoredConversation {
  id: string;
  members: Member[];
  isGroup: boolean;
  tenantId: string;
  conversationType: ConversationType;
}

interface DeliveredRecord {
  delivered: DeliveredActivity;
  /** The conversation it lives in (a channel thread's channel). */
  baseId: string;
}

/** A channel thread is addressed as '{channel id};messageid={root activity id}'. */
const THREAD_SUFFIX = /;messageid=([^;]+)$/;

const baseIdOf = (conversationId: string): string => conversationId.replace(THREAD_SUFFIX, '');

const personalKey = (tenantId: string, memberId: string): string => JSON.stringify([tenantId, memberId]);

/** Teams-shaped ids: 'a:1…' for a 1:1 (stable per tenant and user), '19:…@thread…' for the others. */
function generateConversationId(type: ConversationType, tenantId: string, member?: Member): string {
  if (type === 'personal' && member) {
    const hash = createHash('sha256').update(`${tenantId}\n${member.id}`).digest('base64url');
    return `a:1${hash}`;
  }
  const hex = randomUUID().replace(/-/g, '');
  return type === 'channel' ? `19:${hex}@thread.tacv2` : `19:${hex}@thread.v2`;
}

const copyMember = (m: Member): Member => ({ ...m });

export class ConversationStore {
  private readonly byId = new Map<string, StoredConversation>();
  private readonly personal = new Map<string, string>();
  /** Every member seen, by Teams id and by Entra object id, so a create with bare ids answers full profiles. */
  private readonly directory = new Map<string, Member>();
  private readonly delivered: DeliveredRecord[] = [];
  private lastActivityId = 0;

  constructor(private readonly clock: () => number) {}

  add(opts: AddConversationOptions): StoredConversation {
    if (typeof opts.tenantId !== 'string' || opts.tenantId === '') {
      throw new Error('addConversation: tenantId is required.');
    }
    if (!Array.isArray(opts.members) || opts.members.some((m) => typeof m?.id !== 'string' || m.id === '')) {
      throw new Error('addConversation: members must be an array of { id, … } with non-empty ids.');
    }
    const type: ConversationType = opts.conversationType ?? (opts.isGroup ? 'groupChat' : 'personal');
    const isGroup = opts.isGroup ?? type !== 'personal';
    if (isGroup !== (type !== 'personal')) {
      throw new Error(`addConversation: a ${type} conversation has isGroup ${type !== 'personal'}.`);
    }
    if (type === 'personal') {
      if (opts.members.length !== 1)
        throw new Error('addConversation: a personal chat has exactly one member.');
      const existing = this.findPersonal(opts.tenantId, opts.members[0].id);
      if (existing) {
        throw new Error(
          `addConversation: '${opts.members[0].id}' already has a 1:1 chat in tenant '${opts.tenantId}': '${existing.id}'.`,
        );
      }
    }
    const id = opts.id ?? generateConversationId(type, opts.tenantId, opts.members[0]);
    if (this.byId.has(id)) throw new Error(`addConversation: conversation '${id}' already exists.`);
    const conversation: StoredConversation = {
      id,
      members: opts.members.map(copyMember),
      isGroup,
      tenantId: opts.tenantId,
      conversationType: type,
    };
    this.byId.set(id, conversation);
    for (const member of conversation.members) this.remember(member);
    if (type === 'personal') this.indexPersonal(conversation);
    return conversation;
  }

  /** The 1:1 chat in this tenant with the member given by Teams id or Entra object id. */
  findPersonal(tenantId: string, memberId: string): StoredConversation | undefined {
    const id = this.personal.get(personalKey(tenantId, memberId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The member profile seen for this Teams id or Entra object id, if any. */
  knownMember(id: string): Member | undefined {
    const member = this.directory.get(id);
    return member ? copyMember(member) : undefined;
  }

  /** The conversation for an id: exact, or a thread ('…;messageid=N') of a known channel. */
  resolve(conversationId: string): StoredConversation | undefined {
    const exact = this.byId.get(conversationId);
    if (exact) return exact;
    const channel = this.byId.get(baseIdOf(conversationId));
    return channel?.conversationType === 'channel' ? channel : undefined;
  }

  /** Teams message ids are epoch milliseconds; kept strictly increasing. */
  nextActivityId(): string {
    this.lastActivityId = Math.max(Math.floor(this.clock()), this.lastActivityId + 1);
    return String(this.lastActivityId);
  }

  deliver(
    conversation: StoredConversation,
    addressedTo: string,
    activity: Record<string, unknown>,
    replyToId?: string,
  ): DeliveredActivity {
    const delivered: DeliveredActivity = {
      id: this.nextActivityId(),
      conversationId: addressedTo,
      ...(replyToId === undefined ? {} : { replyToId }),
      activity,
      updatedCount: 0,
    };
    this.delivered.push({ delivered, baseId: conversation.id });
    return delivered;
  }

  findActivity(conversation: StoredConversation, activityId: string): DeliveredActivity | undefined {
    return this.delivered.find((r) => r.baseId === conversation.id && r.delivered.id === activityId)
      ?.delivered;
  }

  update(delivered: DeliveredActivity, activity: Record<string, unknown>): void {
    delivered.activity = activity;
    delivered.updatedCount += 1;
  }

  remove(delivered: DeliveredActivity): void {
    const at = this.delivered.findIndex((r) => r.delivered === delivered);
    if (at !== -1) this.delivered.splice(at, 1);
  }

  /** Copies, in delivery order; for a channel's id, its threads' too. */
  activities(conversationId?: string): DeliveredActivity[] {
    return this.delivered
      .filter(
        (r) =>
          conversationId === undefined ||
          r.delivered.conversationId === conversationId ||
          r.baseId === conversationId,
      )
      .map((r) => structuredClone(r.delivered));
  }

  list(): ConversationInfo[] {
    return [...this.byId.values()].map((c) => ({
      id: c.id,
      members: c.members.map(copyMember),
      isGroup: c.isGroup,
      tenantId: c.tenantId,
      conversationType: c.conversationType,
    }));
  }

  private remember(member: Member): void {
    this.directory.set(member.id, member);
    if (member.aadObjectId) this.directory.set(member.aadObjectId, member);
  }

  private indexPersonal(conversation: StoredConversation): void {
    const [member] = conversation.members;
    this.personal.set(personalKey(conversation.tenantId, member.id), conversation.id);
    if (member.aadObjectId) {
      this.personal.set(personalKey(conversation.tenantId, member.aadObjectId), conversation.id);
    }
  }
}
