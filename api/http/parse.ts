import type { Request } from 'express';
import type { z } from 'zod';

/** Parses a request part with a schema; a ZodError reaches the problem handler as a 400 naming the fields. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return schema.parse(req.body ?? {});
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return schema.parse({ ...(req.query as Record<string, unknown>) });
}

/** Route parameters as a plain string (Express 5 types them as string | string[]). */
export function param(req: Request, name: string): string {
  const v = req.params[name];
  return Array.isArray(v) ? v.join('/') : String(v);
}
