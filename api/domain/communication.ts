export const COMMUNICATION_STATES = ['draft', 'approved', 'scheduled', 'sending', 'sent', 'failed'] as const;
export type CommunicationState = (typeof COMMUNICATION_STATES)[number];

export type AudienceKind = 'program' | 'project' | 'sponsors' | 'steering';

/** A digest or announcement the PMO publishes to an audience by email and Teams. */
export interface Communication {
  id: string;
  kind: 'digest' | 'announcement';
  audience: { kind: AudienceKind; id: string | null };
  subject: string;
  intro: string;
  state: CommunicationState;
  scheduledFor: string | null;
  sentAt: string | null;
  recipientCount: number;
  version: number;
}
