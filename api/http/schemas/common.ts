import { z } from 'zod';
import { isCalendarDate, isIsoWeek, isValidTimeZone } from '../../domain/iso-week';
import type { IsoWeek } from '../../domain/iso-week';
import { LIMITS } from '../../domain/limits';
import { isGuid } from '../../domain/people';

/** Request and response schemas share these pieces; the OpenAPI document is generated from them. */
export const entraId = z.string().refine(isGuid, 'Must be an Entra object id (a GUID).').meta({
  description: 'Entra object id',
  example: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
});

export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
export const requiredText = (max: number) => text(max).min(1, 'Required.');

export const calendarDate = z
  .string()
  .refine(isCalendarDate, 'Must be a real date written YYYY-MM-DD.')
  .meta({ format: 'date', example: '2026-12-31' });

export const isoWeek = z
  .string()
  .refine(isIsoWeek, 'Must be an ISO week written YYYY-Www, e.g. 2026-W48.')
  .transform((w) => w as IsoWeek)
  .meta({ example: '2026-W48' });

export const timeZone = z
  .string()
  .refine(isValidTimeZone, 'Must be an IANA time zone such as Europe/London.');

export const money = z
  .number('Must be a number.')
  .min(0, 'Cannot be negative.')
  .max(LIMITS.money, `Cannot exceed ${LIMITS.money}.`);

export const percent = z
  .number('Must be a number.')
  .min(0, 'Must be 0 to 100.')
  .max(100, 'Must be 0 to 100.');

export const personRef = z
  .strictObject({
    id: entraId,
    name: requiredText(LIMITS.shortText),
    email: z.email('Must be an email address.').max(254),
  })
  .meta({ id: 'Person', description: 'A person: Entra object id, display name and email.' });

/** Optimistic concurrency: the version the caller read. */
export const version = z.number('Must be the version you read (a whole number).').int().min(1);

/** Query values arrive as a string or, when repeated, an array. */
export const listParam = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();
