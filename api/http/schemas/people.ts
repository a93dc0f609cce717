import { z } from 'zod';
import { calendarDate } from './common';

/** PUT /api/me/away and /api/people/{id}/away: away through a date, or back (null). */
export const awayBody = z
  .strictObject({
    until: calendarDate
      .nullable()
      .meta({ description: 'Last day away (YYYY-MM-DD, your own zone); null when back.' }),
  })
  .meta({ id: 'AwayRequest' });
