/** A person as every response shows them: the Entra object id, a display name and an email. */
export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** Someone in the people directory (filled from sign-ins, the bot, and the PMO's own entries). */
export interface Person extends PersonRef {
  department?: string;
  jobTitle?: string;
  timeZone?: string;
  /** Away through this date (YYYY-MM-DD, in their own zone): no status requests until they are back. */
  awayUntil?: string;
}

/** The PMO's own staff. Their roles come from configuration (Entra object ids or group ids). */
export const PMO_ROLES = ['pmoHead', 'projectSpecialist', 'projectOfficer'] as const;
export type PmoRole = (typeof PMO_ROLES)[number];

/** Roles a person holds on one project; they come from the project record. */
export type ProjectRole = 'projectManager' | 'delegate' | 'sponsor';

/** The caller of a use case, resolved from the platform's identity (a validated token or a bot activity). */
export interface Actor extends PersonRef {
  /** Set when the person is PMO staff. */
  pmoRole: PmoRole | null;
}

export function isPmoStaff(actor: Actor): boolean {
  return actor.pmoRole !== null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** Entra object ids are GUIDs. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(value: string): boolean {
  return GUID.test(value);
}
