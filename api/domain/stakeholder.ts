import type { PersonRef } from './people';

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
