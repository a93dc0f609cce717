import { ForbiddenError } from '../domain/errors';
import type { Actor } from '../domain/people';
import { isPmoStaff } from '../domain/people';
import type { Project } from '../domain/project';
import { isDelegate, isProjectManager, isSponsor } from '../domain/project';

/**
 * Who may do what, decided from the caller's platform identity and the stored project: never from
 * anything the request body or a card claims. Every service asks here; nothing else decides.
 *
 * - PMO staff (head, specialist, officer) read everything and manage projects.
 * - A project's PM (and the delegates they named) submit its status and edit its RAID log.
 * - Sponsors read their projects.
 * - Anyone else: 403.
 */
export const can = {
  readProject(actor: Actor, project: Project): boolean {
    return (
      isPmoStaff(actor) ||
      isProjectManager(project, actor.id) ||
      isDelegate(project, actor.id) ||
      isSponsor(project, actor.id)
    );
  },
  manageProjects(actor: Actor): boolean {
    return isPmoStaff(actor);
  },
  submitStatus(actor: Actor, project: Project): boolean {
    return isPmoStaff(actor) || isProjectManager(project, actor.id) || isDelegate(project, actor.id);
  },
  editRaid(actor: Actor, project: Project): boolean {
    return isPmoStaff(actor) || isProjectManager(project, actor.id) || isDelegate(project, actor.id);
  },
  /** PMO staff see the whole portfolio; everyone else sees the projects they take part in. */
  seeWholePortfolio(actor: Actor): boolean {
    return isPmoStaff(actor);
  },
  /** Raising a change request: the PM, their delegates, PMO staff. */
  raiseChangeRequest(actor: Actor, project: Project): boolean {
    return isPmoStaff(actor) || isProjectManager(project, actor.id) || isDelegate(project, actor.id);
  },
  /** Running the weekly status cycle by hand (`POST /api/status-requests/run`). */
  runStatusCycle(actor: Actor): boolean {
    return isPmoStaff(actor);
  },
  /** Seeing every project's weekly status request and sending reminders by hand. */
  manageStatusRequests(actor: Actor): boolean {
    return isPmoStaff(actor);
  },
  /** A project's stakeholder register: PMO staff, the project's PM and their delegates. */
  editProjectStakeholders(actor: Actor, project: Project): boolean {
    return isPmoStaff(actor) || isProjectManager(project, actor.id) || isDelegate(project, actor.id);
  },
  /** A program's register (its steering group, say) spans projects: PMO staff only. */
  editProgramStakeholders(actor: Actor): boolean {
    return isPmoStaff(actor);
  },
  /** Marking someone away: themselves, or anyone for PMO staff. */
  setAway(actor: Actor, personId: string): boolean {
    return actor.id === personId || isPmoStaff(actor);
  },
};

export function assertCan(allowed: boolean, message: string): void {
  if (!allowed) throw new ForbiddenError(message);
}
