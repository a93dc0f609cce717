import { Router } from 'express';
import type { ChangeRequestService } from '../../services/change-request-service';
import { changeRequestJson } from '../presenters';
import { actorOf } from '../locals';
import { param, parseBody, parseQuery } from '../parse';
import {
  decisionBody,
  listChangeRequestsQuery,
  raiseChangeRequestBody,
  reassignBody,
} from '../schemas/change-requests';

/** Change requests and their approval, over HTTP (the bot's cards call the same service). */
export function changeRequestsRouter(service: ChangeRequestService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = parseQuery(listChangeRequestsQuery, req);
    const views = await service.list(actorOf(res), {
      ...(q.state ? { state: q.state } : {}),
      ...(q.project ? { projectId: q.project } : {}),
      ...(q.mine ? { mine: q.mine } : {}),
    });
    res.json({ changeRequests: views.map(changeRequestJson) });
  });

  router.post('/', async (req, res) => {
    const body = parseBody(raiseChangeRequestBody, req);
    const view = await service.raise(actorOf(res), body);
    res.status(201).location(`/api/change-requests/${view.changeRequest.id}`).json(changeRequestJson(view));
  });

  router.get('/:id', async (req, res) => {
    res.json(changeRequestJson(await service.get(actorOf(res), param(req, 'id'))));
  });

  router.post('/:id/decisions', async (req, res) => {
    const body = parseBody(decisionBody, req);
    const view = await service.decide(actorOf(res), param(req, 'id'), { ...body, channel: 'tab' });
    res.status(201).json(changeRequestJson(view));
  });

  router.post('/:id/withdraw', async (req, res) => {
    res.json(changeRequestJson(await service.withdraw(actorOf(res), param(req, 'id'))));
  });

  router.post('/:id/reassign', async (req, res) => {
    const { from, to } = parseBody(reassignBody, req);
    res.json(changeRequestJson(await service.reassign(actorOf(res), param(req, 'id'), from, to)));
  });

  return router;
}
