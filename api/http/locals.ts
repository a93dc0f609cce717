import type { Response } from 'express';
import type { Actor } from '../domain/people';

/** Typed access to what middleware leaves on `res.locals`. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('authenticate() must run before this handler');
  return actor;
}

export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}
