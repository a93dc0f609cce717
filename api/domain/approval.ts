import type { ChangeRequest, Decision, DecisionOutcome } from './change-request';
import { RuleViolation, ValidationError } from './errors';
import { addDays } from './iso-week';
import type { PersonRef } from './people';

/**
 * The approval state machine of a change request, pure: who is awaited now, what a decision does, when
 * a request expires. The stored decisions (append-only) are the history; the request's state follows
 * from them. Policies:
 * - sequential: each approver in order; a rejection rejects; the last approval approves.
 * - all: everyone at once; a rejection rejects; the last approval approves.
 * - any: everyone at once; the first decision, either way, settles it.
 */

/** The approvers whose decision is awaited now (empty once the request is settled). */
export function currentApprovers(cr: ChangeRequest, decisions: readonly Decision[]): PersonRef[] {
  if (cr.state !== 'submitted') return [];
  const decided = new Set(decisions.map((d) => d.approver.id));
  const waiting = cr.approvers.filter((a) => !decided.has(a.id));
  if (cr.policy === 'sequential') return waiting.slice(0, 1);
  return waiting;
}

export function isCurrentApprover(
  cr: ChangeRequest,
  decisions: readonly Decision[],
  personId: string,
): boolean {
  return currentApprovers(cr, decisions).some((a) => a.id === personId);
}

/** Why this person may not decide now, or null when they may. */
export function whyNotDecide(
  cr: ChangeRequest,
  decisions: readonly Decision[],
  personId: string,
): string | null {
  if (cr.state !== 'submitted') return `This change request is ${cr.state}: there is nothing left to decide.`;
  if (decisions.some((d) => d.approver.id === personId))
    return 'You have already decided on this change request.';
  if (!cr.approvers.some((a) => a.id === personId)) return 'You are not an approver of this change request.';
  const awaited = currentApprovers(cr, decisions);
  if (!awaited.some((a) => a.id === personId)) {
    return `It is not your turn yet: ${awaited.map((a) => a.name).join(', ')} decides first.`;
  }
  return null;
}

/** A decision's own checks: a rejection needs a reason. */
export function checkDecision(outcome: DecisionOutcome, comment: string): void {
  if (outcome === 'rejected' && comment.trim().length === 0) {
    throw ValidationError.field(
      'comment',
      'Say why you reject the change: the requester and the PMO will read it.',
    );
  }
}

/**
 * The request after one more decision (the caller has checked the decider is awaited). Returns the
 * request as it must be stored and whether the decision settled it.
 */
export function applyDecision(
  cr: ChangeRequest,
  decisions: readonly Decision[],
  decision: Pick<Decision, 'approver' | 'decision' | 'at'>,
): { next: ChangeRequest; settled: boolean } {
  const why = whyNotDecide(cr, decisions, decision.approver.id);
  if (why) throw new RuleViolation(why);
  const all = [...decisions, decision as Decision];
  const settle = (state: 'approved' | 'rejected') => ({
    next: { ...cr, state, decidedAt: decision.at },
    settled: true,
  });
  if (cr.policy === 'any') return settle(decision.decision);
  if (decision.decision === 'rejected') return settle('rejected');
  const approved = new Set(all.filter((d) => d.decision === 'approved').map((d) => d.approver.id));
  if (cr.approvers.every((a) => approved.has(a.id))) return settle('approved');
  return { next: cr, settled: false };
}

/** A submitted request nobody settled within `limitDays` of being requested expires. */
export function isExpired(cr: ChangeRequest, now: Date, limitDays: number): boolean {
  return cr.state === 'submitted' && now.getTime() - Date.parse(cr.requestedAt) >= limitDays * 86_400_000;
}

/** Whether an awaited approver is due a reminder: `everyDays` since they became awaited, or since the last one. */
export function reminderDue(since: string, now: Date, everyDays: number): boolean {
  return now.getTime() - Date.parse(since) >= everyDays * 86_400_000;
}

/** Only the requester (or the PMO, decided elsewhere) withdraws, and only while it is open. */
export function withdraw(cr: ChangeRequest, at: string): ChangeRequest {
  if (cr.state !== 'submitted' && cr.state !== 'draft') {
    throw new RuleViolation(`This change request is ${cr.state}: it can no longer be withdrawn.`);
  }
  return { ...cr, state: 'withdrawn', decidedAt: at };
}

/** Puts `to` in the place of an approver who has not decided yet (PMO staff do this; it is recorded). */
export function reassignApprover(
  cr: ChangeRequest,
  decisions: readonly Decision[],
  fromId: string,
  to: PersonRef,
): ChangeRequest {
  if (cr.state !== 'submitted')
    throw new RuleViolation(`This change request is ${cr.state}: approvers are final.`);
  if (decisions.some((d) => d.approver.id === fromId)) {
    throw new RuleViolation('That approver has already decided: their decision stands.');
  }
  if (!cr.approvers.some((a) => a.id === fromId)) {
    throw ValidationError.field('from', 'Not an approver of this change request.');
  }
  if (cr.approvers.some((a) => a.id === to.id)) {
    throw ValidationError.field('to', `${to.name} is already an approver of this change request.`);
  }
  return { ...cr, approvers: cr.approvers.map((a) => (a.id === fromId ? to : a)) };
}

/**
 * What an approved change does to its project: the approved budget and the forecast finish move by the
 * deltas. The baseline stays as it was, so baseline and current remain distinguishable.
 */
export function approvedChangeEffect(
  project: { budget: { approved: number }; forecastFinish: string },
  cr: Pick<ChangeRequest, 'costDelta' | 'scheduleDeltaDays'>,
): { approvedBudget: number; forecastFinish: string } {
  return {
    approvedBudget: Math.round((project.budget.approved + cr.costDelta) * 100) / 100,
    forecastFinish: addDays(project.forecastFinish, cr.scheduleDeltaDays),
  };
}
