import { Router } from 'express';
import type { Person } from '../../domain/people';
import type { PeopleService } from '../../services/people-service';
import { actorOf } from '../locals';
import { param, parseBody } from '../parse';
import { awayBody } from '../schemas/people';

const awayJson = (p: Person) => ({ id: p.id, name: p.name, awayUntil: p.awayUntil ?? null });

/** The people directory, and being away (no status requests until back). */
export function peopleRouter(people: PeopleService): Router {
  const router = Router();

  router.get('/people', async (_req, res) => {
    const list = await people.list();
    res.json({
      people: list.map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
        department: p.department ?? null,
        pmoRole: people.pmoRoleOf(p.id),
        awayUntil: p.awayUntil ?? null,
      })),
    });
  });

  router.put('/me/away', async (req, res) => {
    const actor = actorOf(res);
    const { until } = parseBody(awayBody, req);
    res.json(awayJson(await people.setAway(actor, actor.id, until)));
  });

  router.put('/people/:id/away', async (req, res) => {
    const { until } = parseBody(awayBody, req);
    res.json(awayJson(await people.setAway(actorOf(res), param(req, 'id'), until)));
  });

  return router;
}
