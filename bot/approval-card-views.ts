import type { ChangeRequest, Decision } from '../api/domain/change-request';
import type { PersonRef } from '../api/domain/people';
import type { Project } from '../api/domain/project';
import type { ChangeRequestView } from '../api/services/change-request-service';
import type { ApprovalCardView } from './cards/card-views';
import { instantLabel } from './status-card-views';

/** Everyone who sees a change request's card: its approvers and its requester (Teams allows 60). */
export function cardAudience(cr: ChangeRequest): string[] {
  return [...new Set([...cr.approvers.map((a) => a.id), cr.requestedBy.id])].slice(0, 60);
}

/**
 * The card one viewer sees: the buttons when they are awaited now, else the state of things and why
 * they cannot act. Decided from the stored request and the viewer's platform identity.
 */
export function approvalCardView(
  input: ChangeRequestView & { project: Project },
  viewerId: string | null,
  options: { currency: string; notice?: ApprovalCardView['notice'] },
): ApprovalCardView {
  const { changeRequest: cr, decisions, currentApprovers, project } = input;
  const zone = project.cadence.timeZone;
  const decisionOf = (a: PersonRef): Decision | undefined => decisions.find((d) => d.approver.id === a.id);
  const awaited = new Set(currentApprovers.map((a) => a.id));
  const viewerAwaited = viewerId !== null && awaited.has(viewerId);
  return {
    changeRequest: {
      id: cr.id,
      title: cr.title,
      description: cr.description,
      costDelta: cr.costDelta,
      scheduleDeltaDays: cr.scheduleDeltaDays,
      scopeChange: cr.scopeChange,
      benefitImpact: cr.benefitImpact,
      justification: cr.justification,
      policy: cr.policy,
      state: cr.state,
      requestedBy: cr.requestedBy.name,
      requestedAtLabel: instantLabel(cr.requestedAt, zone),
      version: cr.version,
    },
    project: { id: project.id, code: project.code, title: project.title },
    currency: options.currency,
    approvers: cr.approvers.map((a) => {
      const d = decisionOf(a);
      return {
        name: a.name,
        status: d ? d.decision : awaited.has(a.id) ? ('awaited' as const) : ('waiting' as const),
        comment: d?.comment || null,
        atLabel: d ? instantLabel(d.at, zone) : null,
      };
    }),
    mode: viewerAwaited ? 'decide' : 'readOnly',
    notice: options.notice ?? noticeFor(input, viewerId),
    refreshUserIds: cardAudience(cr),
  };
}

function noticeFor(input: ChangeRequestView, viewerId: string | null): ApprovalCardView['notice'] {
  const { changeRequest: cr, decisions, currentApprovers } = input;
  if (cr.state === 'approved')
    return { tone: 'good', text: 'Approved: the project’s budget and forecast finish now include it.' };
  if (cr.state === 'rejected') return { tone: 'attention', text: 'Rejected.' };
  if (cr.state === 'withdrawn') return { tone: 'warning', text: 'Withdrawn by the requester.' };
  if (cr.state === 'expired') return { tone: 'warning', text: 'Expired: nobody decided in time.' };
  if (viewerId && decisions.some((d) => d.approver.id === viewerId)) {
    return { tone: 'accent', text: 'You have decided. Waiting for the others.' };
  }
  if (viewerId && currentApprovers.some((a) => a.id === viewerId)) return null;
  if (viewerId && cr.approvers.some((a) => a.id === viewerId)) {
    return {
      tone: 'accent',
      text: `Not your turn yet: waiting for ${currentApprovers.map((a) => a.name).join(', ')}.`,
    };
  }
  return { tone: 'accent', text: `Waiting for ${currentApprovers.map((a) => a.name).join(', ')}.` };
}
