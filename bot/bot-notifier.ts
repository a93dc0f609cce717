import { CardFactory } from '@microsoft/agents-hosting';
import type { DeliveryRecord } from '../api/domain/bot-delivery';
import type { IsoWeek } from '../api/domain/iso-week';
import type { PersonRef } from '../api/domain/people';
import type { Project } from '../api/domain/project';
import type { RagOrNone } from '../api/domain/rag';
import type { StatusReport } from '../api/domain/status-report';
import type { PmoRoleAssignments } from '../api/services/actors';
import type { Clock } from '../api/services/context';
import type { Delivery, LateProject, StatusNotifier } from '../api/services/status-cycle-service';
import type { StatusEvents } from '../api/services/status-service';
import type { ApprovalEvents, ChangeRequestView } from '../api/services/change-request-service';
import { approvalCardView, cardAudience } from './approval-card-views';
import type { StatusRequest } from '../api/domain/status-request';
import type { Store } from '../api/store/store';
import type { AdaptiveCardJson } from './cards/card-views';
import {
  buildApprovalCard,
  buildEscalation,
  buildRedAlert,
  buildStatusForm,
  buildStatusSubmitted,
} from './cards/build-cards';
import type { ProactiveSender } from './proactive/proactive-sender';
import { instantLabel, prefilledForm, submittedView, weekLabel } from './status-card-views';

/**
 * What the bot sends unprompted, all through the one ProactiveSender (rate limits, retries, delivery
 * records): the weekly request and its reminder to the PM, the escalation to the PMO, and the red alert
 * to sponsors and the PMO. A person the bot has no conversation with is reported, never skipped silently.
 */
export class BotNotifier implements StatusNotifier, StatusEvents, ApprovalEvents {
  constructor(
    private readonly store: Store,
    private readonly sender: ProactiveSender,
    private readonly options: { roles: PmoRoleAssignments; currency: string; clock: Clock },
  ) {}

  async requestStatus(input: {
    project: Project;
    request: { id: string; week: IsoWeek; remindedAt?: string | null };
    dueAt: Date;
    prefill: StatusReport | null;
    reminder: boolean;
  }): Promise<Delivery> {
    const { project, request } = input;
    const pm = project.projectManager;
    const banner = input.reminder
      ? {
          tone: 'warning' as const,
          text: `Reminder: the ${request.week} status for ${project.code} is not in yet.`,
        }
      : null;
    const card = buildStatusForm(
      prefilledForm(project, request.week, input.prefill, {
        requestId: request.id,
        currency: this.options.currency,
        dueAt: input.dueAt,
        banner,
      }),
    );
    // Each reminder is its own delivery (the PMO may chase again after the cycle's): keyed by the one
    // before it, so a repeated or racing ask for the same reminder still sends it once.
    const key = input.reminder
      ? `reminder:${request.id}${request.remindedAt ? `:${request.remindedAt}` : ''}`
      : `statusRequest:${request.id}`;
    const record = await this.deliver(pm.id, key, input.reminder ? 'reminder' : 'statusRequest', card);
    if (!record)
      return {
        delivered: false,
        reason: `${pm.name} has not installed PMO Hub in Teams, so the bot cannot reach them.`,
      };
    if (record.state !== 'sent')
      return { delivered: false, reason: record.lastError ?? 'The card could not be delivered.' };
    return { delivered: true, activityId: record.activityId ?? '', conversationId: record.conversationId };
  }

  async escalate(input: { week: IsoWeek; late: LateProject[]; undeliverable: LateProject[] }): Promise<void> {
    const row = (l: LateProject) => ({
      code: l.project.code,
      title: l.project.title,
      projectManager: l.project.projectManager.name,
      dueLabel: instantLabel(l.dueAt, l.project.cadence.timeZone),
    });
    const zone = (input.late[0] ?? input.undeliverable[0])?.project.cadence.timeZone ?? 'UTC';
    const card = buildEscalation({
      week: input.week,
      weekLabel: weekLabel(input.week, zone),
      late: input.late.map(row),
      undeliverable: input.undeliverable.map((l) => ({
        ...row(l),
        reason: l.request.reason ?? 'Not reachable',
      })),
    });
    const at = this.options.clock.now().toISOString();
    for (const id of this.pmoStaff()) {
      await this.deliver(id, `escalation:${input.week}:${id}:${at}`, 'escalation', card);
    }
  }

  async ragDropped(input: { project: Project; report: StatusReport; from: RagOrNone }): Promise<void> {
    const { project, report } = input;
    const card = buildRedAlert({
      project: { id: project.id, code: project.code, title: project.title },
      week: report.week,
      weekLabel: weekLabel(report.week, project.cadence.timeZone),
      from: input.from,
      to: report.rag.overall,
      projectManager: project.projectManager.name,
      risksAndIssues: report.risksAndIssues,
      decisionsNeeded: report.decisionsNeeded,
      overallOverrideReason: report.overallOverrideReason,
    });
    const recipients = new Set([...project.sponsors.map((s) => s.id), ...this.pmoStaff()]);
    for (const id of recipients) {
      await this.deliver(id, `redAlert:${report.id}:${report.version}:${id}`, 'redAlert', card);
    }
  }

  /** The request card in the PM's chat becomes the summary (in place), so it cannot be answered twice. */
  async submitted(input: {
    project: Project;
    report: StatusReport;
    request: StatusRequest | null;
  }): Promise<void> {
    const { project, report, request } = input;
    if (!request?.cardActivityId || !request.conversationId) return;
    const conversation = await this.store.getConversation(project.projectManager.id);
    if (!conversation || conversation.conversationId !== request.conversationId) return;
    const card = buildStatusSubmitted(
      submittedView(project, report, { currency: this.options.currency, canEdit: true }),
    );
    await this.sender.send({
      key: `cardUpdate:${report.id}:${report.version}`,
      purpose: 'statusCardUpdate',
      recipientId: project.projectManager.id,
      target: {
        conversationId: conversation.conversationId,
        serviceUrl: conversation.serviceUrl,
        tenantId: conversation.tenantId,
        reference: conversation.reference,
      },
      activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
      updateActivityId: request.cardActivityId,
    });
  }

  /**
   * A change request moved (raised, decided, withdrawn, reassigned): whoever is awaited now gets the
   * card; every copy already sent is updated in place to its viewer's view; when it settles, the
   * requester hears the outcome. Each send is keyed, so a repeat changes nothing.
   */
  async changed(view: ChangeRequestView & { project: Project }): Promise<void> {
    const cr = view.changeRequest;
    const awaited = new Set(view.currentApprovers.map((a) => a.id));
    const settled = cr.state !== 'submitted' && cr.state !== 'draft';
    for (const personId of cardAudience(cr)) {
      const card = buildApprovalCard(approvalCardView(view, personId, { currency: this.options.currency }));
      const first = await this.store.getDelivery(`approval:${cr.id}:${personId}`);
      if (first?.state === 'sent' && first.activityId) {
        await this.deliver(
          personId,
          `approval:${cr.id}:${personId}:v${cr.version}`,
          'approvalUpdate',
          card,
          first.activityId,
        );
      } else if (awaited.has(personId)) {
        await this.deliver(personId, `approval:${cr.id}:${personId}`, 'approval', card);
      } else if (settled && personId === cr.requestedBy.id) {
        await this.deliver(personId, `approvalOutcome:${cr.id}`, 'approvalOutcome', card);
      }
    }
  }

  async remind(
    view: ChangeRequestView & { project: Project },
    approver: PersonRef,
    round: number,
  ): Promise<void> {
    const card = buildApprovalCard(
      approvalCardView(view, approver.id, {
        currency: this.options.currency,
        notice: { tone: 'warning', text: `Reminder: your decision on this change request is awaited.` },
      }),
    );
    await this.deliver(
      approver.id,
      `approvalReminder:${view.changeRequest.id}:${approver.id}:${round}`,
      'approvalReminder',
      card,
    );
  }

  /** PMO staff named by object id (group ids cannot be messaged one by one). */
  private pmoStaff(): string[] {
    const { pmoHead, projectSpecialist, projectOfficer } = this.options.roles;
    return [...new Set([...pmoHead, ...projectSpecialist, ...projectOfficer])];
  }

  /** Null when there is no conversation with this person. */
  private async deliver(
    recipientId: string,
    key: string,
    purpose: string,
    card: AdaptiveCardJson,
    updateActivityId?: string,
  ): Promise<DeliveryRecord | null> {
    const conversation = await this.store.getConversation(recipientId);
    if (!conversation) return null;
    return this.sender.send({
      key,
      purpose,
      recipientId,
      target: {
        conversationId: conversation.conversationId,
        serviceUrl: conversation.serviceUrl,
        tenantId: conversation.tenantId,
        reference: conversation.reference,
      },
      activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
      ...(updateActivityId ? { updateActivityId } : {}),
    });
  }
}
