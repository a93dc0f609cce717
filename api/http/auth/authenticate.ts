import type { RequestHandler } from 'express';
import type { Identity } from '../../services/actors';
import type { PeopleService } from '../../services/people-service';

/** Turns a request into the platform identity of its caller, or throws an HttpProblem (401). */
export type IdentityResolver = (headers: { authorization?: string; devUser?: string }) => Promise<Identity>;

/**
 * Resolves the caller once per request and leaves the Actor on `res.locals`. The services decide what the
 * actor may do; this only establishes who they are.
 */
export function authenticate(resolve: IdentityResolver, people: PeopleService): RequestHandler {
  return async (req, res, next) => {
    try {
      const identity = await resolve({
        authorization: req.get('authorization'),
        devUser: req.get('x-dev-user'),
      });
      res.locals.actor = await people.signIn(identity);
      next();
    } catch (err) {
      next(err);
    }
  };
}
