import { NotFoundError } from '../domain/errors';
import type { Actor } from '../domain/people';
import type { PortfolioFilter } from '../domain/portfolio';
import type { Project } from '../domain/project';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { pmoWeek } from './context';

/** The stored project, or NotFoundError. */
export async function requireProject(ctx: ServiceContext, id: string): Promise<Project> {
  const project = await ctx.store.getProject(id);
  if (!project) throw new NotFoundError('Project', id);
  return project;
}

/** The stored project, when the actor may read it: NotFoundError, then ForbiddenError. */
export async function readableProject(ctx: ServiceContext, actor: Actor, id: string): Promise<Project> {
  const project = await requireProject(ctx, id);
  assertCan(can.readProject(actor, project), 'You can see only the projects you manage or sponsor.');
  return project;
}

/** What narrows the portfolio to what the actor may see: nothing for PMO staff, else their own part. */
export function portfolioScope(actor: Actor): Pick<PortfolioFilter, 'involving'> {
  return can.seeWholePortfolio(actor) ? {} : { involving: actor.id };
}

/**
 * Every project the actor may read, in code order, in one store read: the set cross-project views (the
 * trend, the dashboard figures, the RAID log) are cut down to.
 */
export async function readableProjects(ctx: ServiceContext, actor: Actor): Promise<Project[]> {
  const page = await ctx.store.queryPortfolio({
    filter: portfolioScope(actor),
    sort: 'code',
    order: 'asc',
    page: 1,
    pageSize: Number.MAX_SAFE_INTEGER,
    staleBefore: pmoWeek(ctx).staleBefore,
  });
  return page.items;
}
