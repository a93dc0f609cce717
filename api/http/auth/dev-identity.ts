import type { Identity } from '../../services/actors';
import type { PeopleService } from '../../services/people-service';
import { HttpProblem } from '../problem';
import type { IdentityResolver } from './authenticate';

/**
 * AUTH_MODE=dev: the caller is the demo person whose email is in `X-Dev-User` (default: the configured
 * default user, the PMO head in the demo). Only ever bound to loopback (config refuses otherwise).
 */
export function devIdentity(people: PeopleService, defaultUser: string | undefined): IdentityResolver {
  return async ({ devUser }) => {
    const email = devUser?.trim() || defaultUser;
    if (!email) {
      throw new HttpProblem(
        401,
        'unauthorized',
        'Sign-in required',
        'Send X-Dev-User: <email of a demo person>.',
      );
    }
    const person = await people.findByEmail(email);
    if (!person) {
      throw new HttpProblem(
        401,
        'unauthorized',
        'Sign-in required',
        `No person with the email '${email}' is in the directory; pick a demo person (GET /api/people lists them).`,
      );
    }
    const identity: Identity = { id: person.id, name: person.name, email: person.email };
    return identity;
  };
}
