import type { TurnContext } from '@microsoft/agents-hosting';
import type { Actor } from '../api/domain/people';
import type { PmoRoleAssignments } from '../api/services/actors';
import { actorFor } from '../api/services/actors';
import type { Store } from '../api/store/store';

/**
 * Who is acting in a turn: the activity's `from.aadObjectId`, as Teams stamps it (never anything a card
 * carries), their name and email from the directory when known, and their PMO role from configuration.
 * Null when the activity has no Entra identity (anonymous web chat): such a caller may do nothing.
 */
export async function actorOfTurn(
  context: TurnContext,
  store: Store,
  roles: PmoRoleAssignments,
): Promise<Actor | null> {
  const from = context.activity.from;
  const id = from?.aadObjectId;
  if (!id) return null;
  const known = await store.getPerson(id);
  return actorFor({ id, name: known?.name ?? from?.name ?? 'Someone', email: known?.email ?? '' }, roles);
}
