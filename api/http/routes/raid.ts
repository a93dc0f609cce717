import { Router } from 'express';
import type { RaidKind } from '../../domain/raid';
import { RAID_KINDS } from '../../domain/raid';
import type { RaidCreateInput, RaidService, RaidUpdateInput } from '../../services/raid-service';
import { actorOf } from '../locals';
import { param, parseBody, parseQuery } from '../parse';
import { raidJson, raidListingJson } from '../presenters';
import { RAID_PATHS, raidAcrossQuery, raidSchemas } from '../schemas/raid';

/** Mounted at /api/projects/:id: /risks, /issues and /decision-log, each list, create, read, update. */
export function raidRouter(raid: RaidService): Router {
  const router = Router({ mergeParams: true });
  for (const kind of RAID_KINDS) mountKind(router, raid, kind);
  return router;
}

/** Mounted at /api/raid: one kind of item across every project the caller may see, most severe first. */
export function raidAcrossProjectsRouter(raid: RaidService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { kind, open, high } = parseQuery(raidAcrossQuery, req);
    const listings = await raid.listAcrossProjects(actorOf(res), kind, { open, high });
    res.json({ items: listings.map(raidListingJson) });
  });
  return router;
}

function mountKind<K extends RaidKind>(router: Router, raid: RaidService, kind: K): void {
  const path = `/${RAID_PATHS[kind]}`;
  const schemas = raidSchemas[kind];

  router.get(path, async (req, res) => {
    const items = await raid.list(actorOf(res), kind, param(req, 'id'));
    res.json({ items: items.map(raidJson) });
  });

  router.post(path, async (req, res) => {
    const input = parseBody(schemas.create, req) as RaidCreateInput<K>;
    const item = await raid.create(actorOf(res), kind, param(req, 'id'), input);
    res.status(201).location(`/api/projects/${item.projectId}${path}/${item.id}`).json(raidJson(item));
  });

  router.get(`${path}/:itemId`, async (req, res) => {
    const item = await raid.get(actorOf(res), kind, param(req, 'id'), param(req, 'itemId'));
    res.json(raidJson(item));
  });

  router.patch(`${path}/:itemId`, async (req, res) => {
    const { version, ...rest } = parseBody(schemas.update, req);
    const changes = rest as RaidUpdateInput<K>; // this kind's schema produced exactly its editable fields
    const item = await raid.update(
      actorOf(res),
      kind,
      param(req, 'id'),
      param(req, 'itemId'),
      changes,
      version,
    );
    res.json(raidJson(item));
  });
}
