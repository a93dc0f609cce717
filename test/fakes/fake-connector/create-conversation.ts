/**
 * POST /v3/conversations (ConversationParameters → 201 ConversationResourceResponse). In Teams a bot can
 * open a 1:1 chat (one member, isGroup false; the same user in the same tenant always gets the same id) or
 * start a thread in a channel (channelData.channel.id and an activity). It cannot create group chats.
 */

import { badArgument, badCreateParameters, conversationNotFound } from './errors';
import type { RouteContext, RouteRequest } from './route-context';
import { admit, json, stringAt } from './route-context';
import type { ConnectorResponse, Member } from './types';
import type { JsonObject } from './validation';
import { isJsonObject, validateActivity } from './validation';

function activityOf(ctx: RouteContext, params: JsonObject): JsonObject | undefined {
  if (params.activity === undefined || params.activity === null) return undefined;
  return validateActivity(params.activity, ctx.maxMessageBytes, 'parameters.activity');
}

function startChannelThread(
  ctx: RouteContext,
  r: RouteRequest,
  params: JsonObject,
  channelId: string,
  tenantId: string,
): ConnectorResponse {
  const channel = ctx.store.resolve(channelId);
  if (!channel || channel.conversationType !== 'channel') throw conversationNotFound(channelId);
  if (channel.tenantId !== tenantId) {
    throw badCreateParameters(
      `channel '${channelId}' belongs to tenant '${channel.tenantId}', not '${tenantId}'.`,
    );
  }
  const activity = activityOf(ctx, params);
  if (!activity) throw badCreateParameters('a new channel thread needs its first message in "activity".');
  admit(ctx, 'send', r.bot, channel.id);
  const root = ctx.store.deliver(channel, channel.id, activity);
  return json(201, { id: `${channel.id};messageid=${root.id}`, activityId: root.id });
}

function memberOf(ctx: RouteContext, raw: unknown): Member {
  if (!isJsonObject(raw) || typeof raw.id !== 'string' || raw.id === '') {
    throw badCreateParameters('each member needs an "id" (the Teams user id or Entra object id).');
  }
  const known = ctx.store.knownMember(raw.id);
  if (known) return known;
  return typeof raw.name === 'string' ? { id: raw.id, name: raw.name } : { id: raw.id };
}

export function createConversation(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  if (!isJsonObject(r.body)) throw badArgument('The conversation parameters must be a JSON object.');
  const params = r.body;
  const tenantId = stringAt(params, 'channelData', 'tenant', 'id') ?? stringAt(params, 'tenantId');
  if (!tenantId) {
    throw badCreateParameters(
      `set the user's tenant in "channelData": { "tenant": { "id": … } } (and "tenantId").`,
    );
  }
  const channelId = stringAt(params, 'channelData', 'channel', 'id');
  if (channelId) return startChannelThread(ctx, r, params, channelId, tenantId);

  const members = params.members;
  if (!Array.isArray(members) || members.length === 0) {
    throw badCreateParameters('"members" must hold the one user to open a 1:1 chat with.');
  }
  if (params.isGroup === true || members.length > 1) {
    throw badCreateParameters(
      'bots cannot create group chats in Teams: open a 1:1 chat (one member, isGroup false) or start a channel thread (channelData.channel.id).',
    );
  }
  const member = memberOf(ctx, members[0]);
  const activity = activityOf(ctx, params);

  // A new chat has no traffic yet, so only an existing one can be over its limits.
  const conversation =
    ctx.store.findPersonal(tenantId, member.id) ??
    ctx.store.add({ members: [member], tenantId, conversationType: 'personal' });
  admit(ctx, 'send', r.bot, conversation.id);
  const delivered = activity ? ctx.store.deliver(conversation, conversation.id, activity) : undefined;
  return json(201, delivered ? { id: conversation.id, activityId: delivered.id } : { id: conversation.id });
}
