/** GET /v3/conversations/{conversationId}/members, …/members/{memberId} and …/pagedmembers. */

import { ConnectorHttpError, ErrorCodes } from './errors';
import { memberMatches, pageOfMembers, teamsChannelAccount } from './members';
import type { RouteContext, RouteRequest } from './route-context';
import { admit, json, requireConversation } from './route-context';
import type { ConnectorResponse } from './types';

export function getMembers(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  const conversation = requireConversation(r);
  admit(ctx, 'members', r.bot, conversation.id);
  return json(
    200,
    conversation.members.map((m) => teamsChannelAccount(m, conversation.tenantId)),
  );
}

export function getPagedMembers(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  const conversation = requireConversation(r);
  // Paging arguments are checked before the read counts.
  const page = pageOfMembers(conversation.members, conversation.tenantId, conversation.id, r.query);
  admit(ctx, 'members', r.bot, conversation.id);
  return json(200, page);
}

export function getMember(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  const conversation = requireConversation(r);
  admit(ctx, 'members', r.bot, conversation.id);
  const wanted = r.route.memberId as string;
  const member = conversation.members.find((m) => memberMatches(m, wanted));
  if (!member) {
    throw new ConnectorHttpError(
      404,
      ErrorCodes.memberNotFound,
      `Member '${wanted}' is not in conversation '${conversation.id}' (look members up by Teams id, Entra object id or UPN).`,
    );
  }
  return json(200, teamsChannelAccount(member, conversation.tenantId));
}
