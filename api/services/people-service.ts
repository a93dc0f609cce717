import type { Actor, Person } from '../domain/people';
import type { Identity, PmoRoleAssignments } from './actors';
import { actorFor } from './actors';
import type { ServiceContext } from './context';

/**
 * Turns a platform identity into an Actor and keeps the people directory current, writing only when a
 * name or email changed (so a request does not cost a write).
 */
export class PeopleService {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly roles: PmoRoleAssignments,
  ) {}

  async signIn(identity: Identity): Promise<Actor> {
    const fingerprint = `${identity.name}\u0000${identity.email}`;
    if (this.known.get(identity.id) !== fingerprint) {
      const stored = await this.ctx.store.getPerson(identity.id);
      if (!stored || stored.name !== identity.name || stored.email !== identity.email) {
        await this.ctx.store.upsertPerson({
          ...stored,
          id: identity.id,
          name: identity.name,
          email: identity.email,
        });
      }
      this.known.set(identity.id, fingerprint);
    }
    return actorFor(identity, this.roles);
  }

  findByEmail(email: string): Promise<Person | undefined> {
    return this.ctx.store.findPersonByEmail(email);
  }

  list(): Promise<Person[]> {
    return this.ctx.store.listPeople();
  }
}
