import { Router } from 'express';
import type { StakeholderService } from '../../services/stakeholder-service';
import { actorOf } from '../locals';
import { param, parseBody, parseQuery } from '../parse';
import {
  createStakeholderBody,
  deleteStakeholderQuery,
  listStakeholdersQuery,
  updateStakeholderBody,
} from '../schemas/stakeholders';

/** Mounted at /api/stakeholders: the register of each project and program. */
export function stakeholdersRouter(stakeholders: StakeholderService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { project, program } = parseQuery(listStakeholdersQuery, req);
    const items = await stakeholders.list(actorOf(res), { projectId: project, program });
    res.json({ items });
  });

  router.post('/', async (req, res) => {
    const body = parseBody(createStakeholderBody, req);
    const entry = await stakeholders.create(actorOf(res), {
      scope: body.scope,
      person: body.person ?? null,
      address: body.address ?? null,
      channelId: body.channelId ?? null,
      role: body.role,
      channel: body.channel,
      frequency: body.frequency ?? 'weekly',
    });
    res.status(201).location(`/api/stakeholders/${entry.id}`).json(entry);
  });

  router.patch('/:id', async (req, res) => {
    const { version, ...changes } = parseBody(updateStakeholderBody, req);
    const entry = await stakeholders.update(actorOf(res), param(req, 'id'), changes, version);
    res.json(entry);
  });

  // The version read travels in the query (`?version=3`): a DELETE has no body, and one way is simpler
  // for every client than a choice between the query and If-Match.
  router.delete('/:id', async (req, res) => {
    const { version } = parseQuery(deleteStakeholderQuery, req);
    await stakeholders.remove(actorOf(res), param(req, 'id'), version);
    res.status(204).end();
  });

  return router;
}
