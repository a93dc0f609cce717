import { Router } from 'express';
import { z } from 'zod';
import type { StatusCycleService } from '../../services/status-cycle-service';
import { actorOf } from '../locals';
import { parseBody, parseQuery } from '../parse';
import { statusRequestRowJson } from '../presenters';
import { sendRemindersBody, statusRequestsQuery } from '../schemas/status-requests';

export const runCycleBody = z
  .strictObject({
    force: z
      .boolean('Must be true or false.')
      .default(false)
      .meta({ description: "Send this week's request now to every active project that has none." }),
  })
  .meta({ id: 'RunStatusCycle' });

/**
 * PMO staff see a week's status requests, chase PMs by hand and run the weekly status cycle (it also
 * runs every minute on its own).
 */
export function statusRequestsRouter(cycle: StatusCycleService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { week } = parseQuery(statusRequestsQuery, req);
    const result = await cycle.listWeek(actorOf(res), week);
    res.json({ week: result.week, counts: result.counts, requests: result.rows.map(statusRequestRowJson) });
  });
  router.post('/reminders', async (req, res) => {
    const { requestIds } = parseBody(sendRemindersBody, req);
    res.json({ results: await cycle.remindNow(actorOf(res), requestIds) });
  });
  router.post('/run', async (req, res) => {
    const { force } = parseBody(runCycleBody, req);
    res.json(await cycle.runAsStaff(actorOf(res), { force }));
  });
  return router;
}
