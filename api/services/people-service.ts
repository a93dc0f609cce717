import { NotFoundError, ValidationError } from '../domain/errors';
import { isCalendarDate, localDate } from '../domain/iso-week';
import type { Actor, Person, PmoRole } from '../domain/people';
import type { Identity, PmoRoleAssignments } from './actors';
import { actorFor } from './actors';
import { assertCan, can } from './authorization';
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

  /**
   * Marks someone away through `until` (YYYY-MM-DD, in their own zone), or back when null: no status
   * requests while away (they are recorded as excused). At most a year ahead; never in the past.
   */
  async setAway(actor: Actor, personId: string, until: string | null): Promise<Person> {
    assertCan(can.setAway(actor, personId), 'Only PMO staff can mark someone else away.');
    const person = await this.ctx.store.getPerson(personId);
    if (!person) throw new NotFoundError('Person', personId);
    if (until !== null) {
      const today = localDate(this.ctx.clock.now(), person.timeZone ?? this.ctx.pmoTimeZone);
      const limit = new Date(Date.parse(`${today}T00:00:00Z`) + 366 * 86_400_000).toISOString().slice(0, 10);
      if (!isCalendarDate(until))
        throw ValidationError.field('until', 'Must be a real date written YYYY-MM-DD.');
      if (until < today) throw ValidationError.field('until', `Must be today (${today}) or later.`);
      if (until > limit) throw ValidationError.field('until', `Must be within a year (by ${limit}).`);
    }
    return this.ctx.store.setAway(personId, until);
  }

  findByEmail(email: string): Promise<Person | undefined> {
    return this.ctx.store.findPersonByEmail(email);
  }

  /** The PMO role configured for a person's own id (roles granted through a group show only at sign-in). */
  pmoRoleOf(personId: string): PmoRole | null {
    return actorFor({ id: personId, name: '', email: '' }, this.roles).pmoRole;
  }

  list(): Promise<Person[]> {
    return this.ctx.store.listPeople();
  }
}
