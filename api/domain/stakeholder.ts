import type { PersonRef } from './people';
import type { FieldError } from './errors';

export const STAKEHOLDER_ROLES = ['sponsor', 'steering', 'team', 'customer', 'other'] as const;
export const STAKEHOLDER_CHANNELS = ['email', 'teamsChat', 'teamsChannel'] as const;
export const STAKEHOLDER_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'milestones'] as const;

/** Someone who hears about a project or program: a person, a plain address, or a Teams channel. */
export interface Stakeholder {
  id: string;
  scope: { kind: 'project' | 'program'; id: string };
  person: PersonRef | null;
  address: string | null;
  channelId: string | null;
  role: (typeof STAKEHOLDER_ROLES)[number];
  channel: (typeof STAKEHOLDER_CHANNELS)[number];
  frequency: (typeof STAKEHOLDER_FREQUENCIES)[number];
  version: number;
}

export type StakeholderRole = Stakeholder['role'];
export type StakeholderChannel = Stakeholder['channel'];
export type StakeholderFrequency = Stakeholder['frequency'];

/** What a register entry says, without the bookkeeping the store adds. */
export type StakeholderDraft = Omit<Stakeholder, 'id' | 'version'>;

/** Exchange's limit on an address (RFC 5321 path): longer ones cannot be delivered. */
export const MAX_EMAIL_LENGTH = 254;
/** A Teams channel id (`19:…@thread.tacv2`) fits in a single-line SharePoint column. */
export const MAX_CHANNEL_ID_LENGTH = 255;

/**
 * A bare address, `local@domain.tld`: no display name (`"Boss" <x@y.z>`), no angle brackets, quotes,
 * commas, semicolons or whitespace (CR/LF included) that could smuggle a second recipient or a header.
 */
const BARE_EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Why `value` cannot be used as an email address, or null when it can. */
export function emailProblem(value: string): string | null {
  if (value.length === 0) return 'Enter an email address.';
  if (value.length > MAX_EMAIL_LENGTH)
    return `An email address has at most ${MAX_EMAIL_LENGTH} characters (this one has ${value.length}).`;
  if (/[\r\n]/.test(value)) return 'An email address cannot contain a line break.';
  if (/[<>",;]/.test(value) || /\s/.test(value))
    return 'Enter one bare address (name@example.com): no display name, quotes, spaces or second address.';
  const [local = '', ...rest] = value.split('@');
  if (rest.length !== 1) return 'An email address has exactly one @, as in name@example.com.';
  if (local.length > 64) return 'The part before the @ has at most 64 characters.';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return 'The part before the @ cannot start or end with a dot, or have two dots in a row.';
  if (!BARE_EMAIL.test(value)) return 'Enter a valid email address, such as name@example.com.';
  return null;
}

/** Teams channel ids look like `19:abc…@thread.tacv2` (or `@thread.skype` for older teams). */
const CHANNEL_ID = /^19:[A-Za-z0-9_-]+@thread\.(tacv2|skype)$/;

const CHANNEL_LABEL: Record<StakeholderChannel, string> = {
  email: 'Email',
  teamsChat: 'Teams chat',
  teamsChannel: 'Teams channel',
};

/**
 * The register's rules for one entry: exactly one of person, address and channel id is given, and it
 * fits the channel (email: a person with an email, or an address; Teams chat: a person; Teams channel: a
 * channel id); an address is a bare, deliverable email address. Each problem names its field.
 */
export function checkStakeholder(s: StakeholderDraft): FieldError[] {
  const errors: FieldError[] = [];
  const given = [
    s.person && 'person',
    s.address !== null && 'address',
    s.channelId !== null && 'channelId',
  ].filter((f): f is string => typeof f === 'string');
  if (given.length > 1) {
    for (const field of given.slice(1))
      errors.push({
        field,
        message: `Give one of a person, an email address or a Teams channel, not several: remove this one or the ${given[0] === 'person' ? 'person' : given[0] === 'address' ? 'email address' : 'channel'}.`,
      });
    return errors;
  }
  switch (s.channel) {
    case 'email':
      if (s.channelId !== null || given.length === 0) {
        errors.push({
          field: given.length === 0 ? 'address' : 'channelId',
          message: 'Email goes to a person or an email address: choose a person or enter an address.',
        });
      } else if (s.person && emailProblem(s.person.email) !== null) {
        errors.push({
          field: 'person.email',
          message: `${s.person.name || 'This person'} has no usable email address: choose Teams chat, or enter an address instead.`,
        });
      } else if (s.address !== null) {
        const problem = emailProblem(s.address);
        if (problem) errors.push({ field: 'address', message: problem });
      }
      break;
    case 'teamsChat':
      if (!s.person)
        errors.push({
          field: 'person',
          message:
            'A Teams chat goes to a person: choose who (or use Email for an address, Teams channel for a channel).',
        });
      break;
    case 'teamsChannel':
      if (s.channelId === null) {
        errors.push({
          field: 'channelId',
          message:
            'A Teams channel post needs the channel id (19:…@thread.tacv2): copy it from the channel link.',
        });
      } else if (s.channelId.length > MAX_CHANNEL_ID_LENGTH || !CHANNEL_ID.test(s.channelId)) {
        errors.push({
          field: 'channelId',
          message: 'Enter a Teams channel id, such as 19:abc123@thread.tacv2 (from “Get link to channel”).',
        });
      }
      break;
  }
  if (s.scope.id.trim() === '') errors.push({ field: 'scope.id', message: 'Say which project or program.' });
  return errors;
}

/** Whom an entry reaches: email by address (so a person and the same address are one recipient). */
export function stakeholderTarget(
  s: Pick<Stakeholder, 'person' | 'address' | 'channelId' | 'channel'>,
): string {
  if (s.channel === 'email') return `email:${(s.person?.email ?? s.address ?? '').toLowerCase()}`;
  if (s.channel === 'teamsChat') return `person:${s.person?.id.toLowerCase() ?? ''}`;
  return `channel:${s.channelId ?? ''}`;
}

/**
 * The natural key of an entry: its scope, whom it reaches and by which channel. Two entries with the
 * same key would send the same person the same digest twice; the register refuses the second.
 */
export function stakeholderKey(s: StakeholderDraft): string {
  return `${s.scope.kind}:${s.scope.id}|${stakeholderTarget(s)}`;
}

/** The entry in `existing` (other than `s` itself) that `s` would duplicate, if any. */
export function findDuplicate(
  s: StakeholderDraft & { id?: string },
  existing: readonly Stakeholder[],
): Stakeholder | undefined {
  const key = stakeholderKey(s);
  return existing.find((e) => e.id !== s.id && stakeholderKey(e) === key);
}

/** Who or where an entry reaches, as a person reads it. */
export function stakeholderLabel(s: Pick<Stakeholder, 'person' | 'address' | 'channelId'>): string {
  return s.person?.name ?? s.address ?? s.channelId ?? '';
}

/** The duplicate's field errors: the field that names the target, with what it already is. */
export function duplicateErrors(s: StakeholderDraft, existing: Stakeholder): FieldError[] {
  const field = s.person ? 'person' : s.address !== null ? 'address' : 'channelId';
  return [
    {
      field,
      message: `${stakeholderLabel(existing)} already hears about this ${s.scope.kind} by ${CHANNEL_LABEL[s.channel]} (as ${existing.role}, ${existing.frequency}): edit that entry instead.`,
    },
  ];
}
