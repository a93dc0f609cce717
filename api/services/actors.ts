import type { Actor, PmoRole } from '../domain/people';

/** Who the platform says the caller is: the validated token's claims or the bot activity's `from`. */
export interface Identity {
  /** Entra object id (`oid` claim, `from.aadObjectId`). */
  id: string;
  name: string;
  email: string;
  /** Entra group ids the token carries, when the app is configured to emit them. */
  groups?: readonly string[];
}

/** PMO staff, as configured: Entra object ids or group ids per role. */
export type PmoRoleAssignments = Record<PmoRole, readonly string[]>;

/** The most senior role wins when someone is listed twice. */
const ROLE_ORDER: readonly PmoRole[] = ['pmoHead', 'projectSpecialist', 'projectOfficer'];

export function pmoRoleOf(identity: Identity, assignments: PmoRoleAssignments): PmoRole | null {
  const ids = new Set([identity.id.toLowerCase(), ...(identity.groups ?? []).map((g) => g.toLowerCase())]);
  for (const role of ROLE_ORDER) {
    if (assignments[role].some((id) => ids.has(id.toLowerCase()))) return role;
  }
  return null;
}

export function actorFor(identity: Identity, assignments: PmoRoleAssignments): Actor {
  return {
    id: identity.id,
    name: identity.name,
    email: identity.email,
    pmoRole: pmoRoleOf(identity, assignments),
  };
}
