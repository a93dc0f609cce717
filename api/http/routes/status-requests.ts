import { Router } from 'express';
import { z } from 'zod';
import type { StatusCycleService } from '../../services/status-cycle-service';
import { actorOf } from '../locals';
import { parseBody } from '../parse';

export const runCycleBody = z
  .strictObject({
    force: z
      .boolean('Must be true or false.')
      .default(false)
      .meta({ description: "Send this week's request now to every active project that has none." }),
  })
  .meta({ id: 'RunStatusCycle' });

/** PMO staff run the weekly status cycle by hand (it also runs every minute on its own). */
export function statusRequestsRouter(cycle: StatusCycleService): Router {
  const router = Router();
  router.post('/run', async (req, res) => {
    const { force } = parseBody(runCycleBody, req);
    res.json(await cycle.runAsStaff(actorOf(res), { force }));
  });
  return router;
}
