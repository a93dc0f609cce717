import { NotFoundError } from '../domain/errors';
import type { Actor } from '../domain/people';
import type { Project } from '../domain/project';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';

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
