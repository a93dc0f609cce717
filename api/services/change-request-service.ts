import {
  applyDecision,
  approvedChangeEffect,
  checkDecision,
  currentApprovers,
  isExpired,
  reassignApprover,
  whyNotDecide,
  withdraw,
} from '../domain/approval';
import type {
  ApprovalPolicy,
  ChangeRequest,
  ChangeRequestState,
  Decision,
  DecisionOutcome,
} from '../domain/change-request';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolation,
  ValidationError,
} from '../domain/errors';
import { timestampOf } from '../domain/iso-week';
import type { Actor, PersonRef } from '../domain/people';
import { isPmoStaff } from '../domain/people';
import type { Project } from '../domain/project';
import { assertCan, can } from './authorization';
import type { ServiceContext } from './context';
import { readableProject } from './project-access';

export interface RaiseChangeRequestInput {
  /** Chosen by the caller (the bot's form carries one) so a repeated submission raises nothing new. */
  id?: string;
  projectId: string;
  title: string;
  description: string;
  costDelta: number;
  scheduleDeltaDays: number;
  scopeChange: string;
  benefitImpact: string;
  justification: string;
  /** Defaults to the project's sponsors, in order. */
  approvers?: PersonRef[];
  policy?: ApprovalPolicy;
}

/** A change request with its audit trail and whose decision is awaited now. */
export interface ChangeRequestView {
  changeRequest: ChangeRequest;
  decisions: Decision[];
  currentApprovers: PersonRef[];
  /** The project it changes, as it stands now (an approver decides against its current figures). */
  project: Project;
}

/**
 * What the bot does when approvals move: the approval cards to whoever is awaited, every sent copy
 * updated to the new state, the requester told the outcome. Implemented by the bot; optional here.
 */
export interface ApprovalEvents {
  changed(view: ChangeRequestView): Promise<void>;
  /** The `round`th reminder to an approver whose decision is awaited (sent once per round). */
  remind(view: ChangeRequestView, approver: PersonRef, round: number): Promise<void>;
}

export interface ApprovalSettings {
  reminderEveryDays: number;
  expiryDays: number;
}

/** Change requests and their approval: raising, deciding, withdrawing, reassigning, and the effect of an approval. */
export class ChangeRequestService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly events: ApprovalEvents | null = null,
    private readonly settings: ApprovalSettings = { reminderEveryDays: 3, expiryDays: 14 },
  ) {}

  /**
   * The periodic pass: a request nobody settled within `expiryDays` expires; an approver awaited for
   * `reminderEveryDays` (since their turn came) is reminded, once per period.
   */
  async sweep(): Promise<{ expired: number; reminded: number }> {
    const now = this.ctx.clock.now();
    const at = timestampOf(now);
    let expired = 0;
    let reminded = 0;
    for (const cr of await this.ctx.store.listChangeRequests({ state: ['submitted'] })) {
      const project = await this.ctx.store.getProject(cr.projectId);
      if (!project) continue;
      const decisions = await this.ctx.store.listDecisions(cr.id);
      if (isExpired(cr, now, this.settings.expiryDays)) {
        let stored: ChangeRequest;
        try {
          stored = await this.ctx.store.updateChangeRequest(
            { ...cr, state: 'expired', decidedAt: at, history: [...cr.history, { kind: 'expired', at }] },
            cr.version,
          );
        } catch (err) {
          if (err instanceof ConflictError) continue; // decided a moment ago: it did not expire
          throw err;
        }
        expired += 1;
        await this.announce(project, { changeRequest: stored, decisions, currentApprovers: [] });
        continue;
      }
      const awaited = currentApprovers(cr, decisions);
      // Their turn came with the last decision (sequential) or when the request was raised.
      const since = decisions.at(-1)?.at ?? cr.requestedAt;
      const round = Math.floor(
        (now.getTime() - Date.parse(since)) / (this.settings.reminderEveryDays * 86_400_000),
      );
      if (round < 1 || !this.events) continue;
      for (const approver of awaited) {
        await this.events.remind(
          { changeRequest: cr, decisions, currentApprovers: awaited, project },
          approver,
          round,
        );
        reminded += 1;
      }
    }
    return { expired, reminded };
  }

  async raise(actor: Actor, input: RaiseChangeRequestInput): Promise<ChangeRequestView> {
    const repeated = input.id ? await this.repeatOf(actor, input.id) : null;
    if (repeated) return repeated;
    const project = await readableProject(this.ctx, actor, input.projectId);
    assertCan(
      can.raiseChangeRequest(actor, project),
      `Only ${project.projectManager.name} (the project manager), their delegates or PMO staff can raise a change request for ${project.code}.`,
    );
    if (project.state === 'closed')
      throw new RuleViolation(`${project.code} is closed: it takes no change requests.`);
    const approvers = dedupe(input.approvers?.length ? input.approvers : project.sponsors);
    if (approvers.length === 0) {
      throw ValidationError.field('approvers', `${project.code} has no sponsors: name the approvers.`);
    }
    const cr: ChangeRequest = {
      id: input.id ?? this.ctx.newId(),
      projectId: project.id,
      title: input.title,
      description: input.description,
      costDelta: input.costDelta,
      scheduleDeltaDays: input.scheduleDeltaDays,
      scopeChange: input.scopeChange,
      benefitImpact: input.benefitImpact,
      justification: input.justification,
      requestedBy: { id: actor.id, name: actor.name, email: actor.email },
      requestedAt: timestampOf(this.ctx.clock.now()),
      approvers,
      policy: input.policy ?? 'sequential',
      state: 'submitted',
      decidedAt: null,
      history: [],
      version: 1,
    };
    let stored: ChangeRequest;
    try {
      stored = await this.ctx.store.createChangeRequest(cr);
    } catch (err) {
      // A double click racing itself: the first one raised it.
      const raced = input.id ? await this.repeatOf(actor, input.id) : null;
      if (raced) return raced;
      throw err;
    }
    return this.announce(project, {
      changeRequest: stored,
      decisions: [],
      currentApprovers: currentApprovers(stored, []),
    });
  }

  /** The request this caller already raised under `id`, if so; someone else's id is refused. */
  private async repeatOf(actor: Actor, id: string): Promise<ChangeRequestView | null> {
    const existing = await this.ctx.store.getChangeRequest(id);
    if (!existing) return null;
    if (existing.requestedBy.id !== actor.id) throw new ConflictError(`Change request ${id} already exists.`);
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ChangeRequestView> {
    const { view } = await this.load(actor, id);
    return view;
  }

  /** `mine: 'to-approve'`: the requests awaiting this person's decision now. */
  async list(
    actor: Actor,
    filter: { state?: ChangeRequestState[]; projectId?: string; mine?: 'to-approve' },
  ): Promise<ChangeRequestView[]> {
    const crs = await this.ctx.store.listChangeRequests({
      ...(filter.projectId ? { projectId: filter.projectId } : {}),
      ...(filter.mine ? { state: ['submitted'] } : filter.state ? { state: filter.state } : {}),
    });
    // Each project and each decision trail once, all at the same moment (the SharePoint store merges
    // lookups made together into a few requests), rather than one round trip after another.
    const projectIds = [...new Set(crs.map((cr) => cr.projectId))];
    const found = await Promise.all(projectIds.map((id) => this.ctx.store.getProject(id)));
    const projects = new Map(found.filter((p): p is Project => p !== undefined).map((p) => [p.id, p]));
    const readable = crs.filter((cr) => {
      const project = projects.get(cr.projectId);
      if (!project) return false;
      const involved = cr.approvers.some((a) => a.id === actor.id) || cr.requestedBy.id === actor.id;
      return can.readProject(actor, project) || involved;
    });
    const trails = await Promise.all(readable.map((cr) => this.ctx.store.listDecisions(cr.id)));
    const views: ChangeRequestView[] = [];
    readable.forEach((cr, i) => {
      const decisions = trails[i];
      const awaited = currentApprovers(cr, decisions);
      if (filter.mine && !awaited.some((a) => a.id === actor.id)) return;
      views.push({
        changeRequest: cr,
        decisions,
        currentApprovers: awaited,
        project: projects.get(cr.projectId)!,
      });
    });
    return views;
  }

  /**
   * An approver decides, judged from the caller's platform identity and the stored request. A second
   * decision, a decision out of turn or on a settled request is refused and stores nothing.
   */
  async decide(
    actor: Actor,
    id: string,
    input: { decision: DecisionOutcome; comment: string; channel: Decision['channel'] },
  ): Promise<ChangeRequestView> {
    checkDecision(input.decision, input.comment);
    const { cr, project, view } = await this.load(actor, id);
    const why = whyNotDecide(cr, view.decisions, actor.id);
    if (why) {
      if (!cr.approvers.some((a) => a.id === actor.id)) throw new ForbiddenError(why);
      throw new RuleViolation(why);
    }
    const at = timestampOf(this.ctx.clock.now());
    const decision: Decision = {
      id: this.ctx.newId(),
      changeRequestId: cr.id,
      approver: cr.approvers.find((a) => a.id === actor.id)!,
      decision: input.decision,
      comment: input.comment.trim(),
      at,
      channel: input.channel,
    };
    const { next, settled } = applyDecision(cr, view.decisions, decision);
    let recorded: { changeRequest: ChangeRequest };
    try {
      recorded = await this.ctx.store.recordDecision({
        decision,
        changeRequest: next,
        expectedVersion: cr.version,
      });
    } catch (err) {
      if (err instanceof ConflictError) {
        // Someone decided at the same instant: their decision stands; say what the request is now.
        const now = await this.ctx.store.getChangeRequest(cr.id);
        throw new RuleViolation(
          `Another decision was recorded at the same moment; the change request is now ${now?.state ?? 'changed'}.`,
        );
      }
      throw err;
    }
    let current = project;
    let stored = recorded.changeRequest;
    if (settled && next.state === 'approved') {
      ({ project: current, changeRequest: stored } = await this.applyToProject(stored));
    }
    const decisions = [...view.decisions, decision];
    return this.announce(current, {
      changeRequest: stored,
      decisions,
      currentApprovers: currentApprovers(stored, decisions),
    });
  }

  async withdraw(actor: Actor, id: string): Promise<ChangeRequestView> {
    const { cr, project, view } = await this.load(actor, id);
    if (cr.requestedBy.id !== actor.id && !isPmoStaff(actor)) {
      throw new ForbiddenError('Only the requester or PMO staff can withdraw a change request.');
    }
    const next = withdraw(cr, timestampOf(this.ctx.clock.now()));
    const stored = await this.ctx.store.updateChangeRequest(next, cr.version);
    return this.announce(project, { ...view, changeRequest: stored, currentApprovers: [] });
  }

  /** PMO staff put someone in the place of an approver who has not decided (e.g. on leave). */
  async reassign(actor: Actor, id: string, fromId: string, to: PersonRef): Promise<ChangeRequestView> {
    assertCan(isPmoStaff(actor), 'Only PMO staff can reassign an approver.');
    const { cr, project, view } = await this.load(actor, id);
    const from = cr.approvers.find((a) => a.id === fromId)!;
    const next = reassignApprover(cr, view.decisions, fromId, to);
    const by = { id: actor.id, name: actor.name, email: actor.email };
    const at = timestampOf(this.ctx.clock.now());
    const stored = await this.ctx.store.updateChangeRequest(
      { ...next, history: [...cr.history, { kind: 'reassigned', from, to, by, at }] },
      cr.version,
    );
    return this.announce(project, {
      ...view,
      changeRequest: stored,
      currentApprovers: currentApprovers(stored, view.decisions),
    });
  }

  /**
   * The approved change moves the project's approved budget and forecast finish (the baseline stays),
   * and the request records what it changed, from and to, against its own id.
   */
  private async applyToProject(
    cr: ChangeRequest,
  ): Promise<{ project: Project; changeRequest: ChangeRequest }> {
    const at = timestampOf(this.ctx.clock.now());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const project = await this.ctx.store.getProject(cr.projectId);
      if (!project) throw new NotFoundError('Project', cr.projectId);
      const effect = approvedChangeEffect(project, cr);
      let updated: Project;
      try {
        updated = await this.ctx.store.updateProject(
          project.id,
          {
            budget: { ...project.budget, approved: effect.approvedBudget },
            forecastFinish: effect.forecastFinish,
          },
          project.version,
          at,
        );
      } catch (err) {
        if (err instanceof ConflictError) continue; // someone edited the project meanwhile: apply to theirs
        throw err;
      }
      const applied = {
        kind: 'applied' as const,
        at,
        approvedBudget: { from: project.budget.approved, to: effect.approvedBudget },
        forecastFinish: { from: project.forecastFinish, to: effect.forecastFinish },
      };
      const changeRequest = await this.ctx.store.updateChangeRequest(
        { ...cr, history: [...cr.history, applied] },
        cr.version,
      );
      return { project: updated, changeRequest };
    }
    throw new ConflictError(
      `The project kept changing while change request ${cr.id} was being applied to it.`,
    );
  }

  private async load(
    actor: Actor,
    id: string,
  ): Promise<{ cr: ChangeRequest; project: Project; view: ChangeRequestView }> {
    const cr = await this.ctx.store.getChangeRequest(id);
    if (!cr) throw new NotFoundError('Change request', id);
    const project = await this.ctx.store.getProject(cr.projectId);
    if (!project) throw new NotFoundError('Project', cr.projectId);
    const involved = cr.approvers.some((a) => a.id === actor.id) || cr.requestedBy.id === actor.id;
    if (!can.readProject(actor, project) && !involved) throw new NotFoundError('Change request', id);
    const decisions = await this.ctx.store.listDecisions(cr.id);
    return {
      cr,
      project,
      view: { changeRequest: cr, decisions, currentApprovers: currentApprovers(cr, decisions), project },
    };
  }

  private async announce(
    project: Project,
    view: Omit<ChangeRequestView, 'project'>,
  ): Promise<ChangeRequestView> {
    const changed = { ...view, project };
    await this.events?.changed(changed);
    return changed;
  }
}

function dedupe(people: PersonRef[]): PersonRef[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
}
