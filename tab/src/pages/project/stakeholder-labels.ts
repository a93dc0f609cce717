import type { StakeholderJson } from '../../api/types';

/** How the register's values read in the tab. Keys are the API's values. */
export const ROLE_LABEL: Record<StakeholderJson['role'], string> = {
  sponsor: 'Sponsor',
  steering: 'Steering group',
  team: 'Team',
  customer: 'Customer',
  other: 'Other',
};
export const CHANNEL_LABEL: Record<StakeholderJson['channel'], string> = {
  email: 'Email',
  teamsChat: 'Teams chat',
  teamsChannel: 'Teams channel',
};
export const FREQUENCY_LABEL: Record<StakeholderJson['frequency'], string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  milestones: 'At milestones',
};

/** Who or where an entry reaches, as a person reads it. */
export function stakeholderName(s: StakeholderJson): string {
  return s.person?.name ?? s.address ?? s.channelId ?? '';
}
