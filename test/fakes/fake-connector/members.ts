/**
 * Members as Teams answers them (TeamsChannelAccount) and paging for /pagedmembers: a page size under 50
 * is treated as 50 and one over 500 as 500 ("Get Teams specific context for your bot"); the last page has
 * no continuationToken.
 */

import { badArgument } from './errors';
import type { Member } from './types';

export const MIN_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Teams does not document the default; the largest page is the kindest guess. */
export const DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;

/** TeamsChannelAccount: the Entra object id goes out as `objectId` (Teams' wire name) and `aadObjectId`. */
export function teamsChannelAccount(member: Member, tenantId: string): Record<string, unknown> {
  const account: Record<string, unknown> = {
    id: member.id,
    name: member.name,
    aadObjectId: member.aadObjectId,
    objectId: member.aadObjectId,
    givenName: member.givenName,
    surname: member.surname,
    email: member.email,
    userPrincipalName: member.userPrincipalName,
    tenantId,
    userRole: member.userRole ?? 'user',
  };
  return Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined));
}

/** Is this member the one asked for by Teams id, Entra object id or UPN (as Teams' GET …/members/{id} allows)? */
export function memberMatches(member: Member, wanted: string): boolean {
  return (
    member.id === wanted ||
    member.aadObjectId?.toLowerCase() === wanted.toLowerCase() ||
    member.userPrincipalName?.toLowerCase() === wanted.toLowerCase()
  );
}

const encodeToken = (conversationId: string, offset: number): string =>
  Buffer.from(JSON.stringify({ c: conversationId, o: offset })).toString('base64url');

function decodeToken(token: string, conversationId: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      c?: unknown;
      o?: unknown;
    };
    if (parsed.c === conversationId && Number.isInteger(parsed.o) && (parsed.o as number) > 0) {
      return parsed.o as number;
    }
  } catch {
    // falls through to the error below
  }
  throw badArgument(
    'continuationToken is not one this conversation gave out: pass the continuationToken of the previous page unchanged.',
  );
}

export function pageSizeFrom(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size)) throw badArgument(`pageSize must be an integer; got '${raw}'.`);
  return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, size));
}

export function pageOfMembers(
  members: Member[],
  tenantId: string,
  conversationId: string,
  query: Record<string, string>,
): { members: Record<string, unknown>[]; continuationToken?: string } {
  const size = pageSizeFrom(query.pageSize);
  const token = query.continuationToken;
  const offset = token === undefined || token === '' ? 0 : decodeToken(token, conversationId);
  const page = members.slice(offset, offset + size).map((m) => teamsChannelAccount(m, tenantId));
  const next = offset + size;
  return next < members.length
    ? { continuationToken: encodeToken(conversationId, next), members: page }
    : { members: page };
}
