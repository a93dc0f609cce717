import { randomUUID } from 'node:crypto';
import type { Activity } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext, TurnState } from '@microsoft/agents-hosting';
import { AgentApplication, CardFactory, MemoryStorage } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { ConversationRecord } from '../api/domain/bot-delivery';
import { PmoError } from '../api/domain/errors';
import type { IsoWeek } from '../api/domain/iso-week';
import { isCalendarDate, isIsoWeek, isoWeekOf } from '../api/domain/iso-week';
import type { Actor } from '../api/domain/people';
import type { Project } from '../api/domain/project';
import type { PmoRoleAssignments } from '../api/services/actors';
import { can } from '../api/services/authorization';
import type { Clock } from '../api/services/context';
import type { PeopleService } from '../api/services/people-service';
import type { StatusService } from '../api/services/status-service';
import type { ChangeRequestService } from '../api/services/change-request-service';
import { approvalCardView } from './approval-card-views';
import type { Store } from '../api/store/store';
import { actorOfTurn } from './bot-identity';
import type { AdaptiveCardJson } from './cards/card-views';
import {
  buildApprovalCard,
  buildChangeRequestForm,
  CHANGE_REQUEST_FORM_INPUT_IDS,
  costDeltaLabel,
  scheduleDeltaLabel,
  buildHelp,
  buildPendingApprovals,
  buildMyProjects,
  buildNotice,
  buildProjectPicker,
  buildStatusForm,
  buildStatusSubmitted,
  buildWelcome,
} from './cards/build-cards';
import type { StatusActionData } from './status-form-input';
import { answersFrom, formValuesFrom } from './status-form-input';
import {
  currentWeekOf,
  instantLabel,
  prefilledForm,
  statusFormView,
  submittedView,
  weekLabel,
} from './status-card-views';

export interface BotDependencies {
  /** The adapter incoming turns and proactive sends share. */
  adapter: CloudAdapter;
  store: Store;
  status: StatusService;
  people: PeopleService;
  changeRequests: ChangeRequestService;
  roles: PmoRoleAssignments;
  clock: Clock;
  currency: string;
  /** The PMO's zone: "this week" when a person has no project of their own to go by. */
  pmoTimeZone: string;
  logger: Logger;
}

/**
 * The PMO Hub bot on the Microsoft 365 Agents SDK: installs, commands, and the status card's Universal
 * Actions. It turns activities into service calls and results into cards; the services decide.
 */
export function createBotApp(deps: BotDependencies): {
  agent: AgentApplication<TurnState>;
  adapter: CloudAdapter;
} {
  const { adapter } = deps;
  const agent = new AgentApplication<TurnState>({ adapter, storage: new MemoryStorage() });
  const { store } = deps;

  const reply = (context: TurnContext, card: AdaptiveCardJson) =>
    context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] } as Activity);

  /**
   * Where the bot can reach this person (or channel) later: kept on install and on every message.
   * True when the bot did not know this conversation yet (a first install, or a reinstall).
   */
  async function remember(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    const conversationType = activity.conversation?.conversationType ?? 'personal';
    const key = conversationKey(context);
    if (!key || !activity.conversation?.id || !activity.serviceUrl) return false;
    const record: ConversationRecord = {
      key,
      kind:
        conversationType === 'channel'
          ? 'channel'
          : conversationType === 'groupChat'
            ? 'groupChat'
            : 'personal',
      conversationId: activity.conversation.id,
      serviceUrl: activity.serviceUrl,
      tenantId:
        activity.conversation.tenantId ??
        (activity.channelData as { tenant?: { id?: string } })?.tenant?.id ??
        '',
      reference: JSON.stringify(activity.getConversationReference()),
      updatedAt: deps.clock.now().toISOString(),
    };
    const stored = await store.getConversation(key);
    if (
      !stored ||
      stored.conversationId !== record.conversationId ||
      stored.serviceUrl !== record.serviceUrl
    ) {
      await store.saveConversation(record);
    }
    return !stored;
  }

  agent.onActivity('installationUpdate', async (context) => {
    const action = (context.activity as Activity & { action?: string }).action ?? '';
    if (action.startsWith('remove')) {
      const key = conversationKey(context);
      if (key) await store.deleteConversation(key);
      return;
    }
    // Teams sends installationUpdate and conversationUpdate for one install: welcome once.
    if (await remember(context))
      await reply(context, buildWelcome({ userName: context.activity.from?.name ?? null }));
  });

  agent.onConversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    // The bot itself was added (an install); or, in a personal chat, the user arrived.
    if (!added.some((m) => m.id === botId || m.id === context.activity.from?.id)) return;
    if (await remember(context))
      await reply(context, buildWelcome({ userName: context.activity.from?.name ?? null }));
  });

  agent.onMessage(/.*/s, async (context) => {
    await remember(context);
    const actor = await actorOfTurn(context, store, deps.roles);
    const text = commandText(context.activity.text ?? '');
    if (!actor) {
      await reply(context, signInNeeded());
      return;
    }
    if (text === 'help' || text === '') return void (await reply(context, buildHelp()));
    if (text === 'status') return void (await reply(context, await statusCommand(actor)));
    if (text === 'my projects') return void (await reply(context, await myProjects(actor)));
    if (text === 'pending') return void (await reply(context, await pendingApprovals(actor)));
    if (text === 'change request') return void (await reply(context, await changeRequestForm(actor, {}, [])));
    if (text === 'back') {
      await deps.people.setAway(actor, actor.id, null);
      return void (await context.sendActivity('Welcome back: weekly status requests start again.'));
    }
    const away = /^away(?: until)? (\S+)$/.exec(text);
    if (away) {
      const until = away[1];
      if (!isCalendarDate(until)) {
        return void (await context.sendActivity(
          `I could not read "${until}" as a date: try \`away until 2026-12-31\`.`,
        ));
      }
      try {
        await deps.people.setAway(actor, actor.id, until);
      } catch (err) {
        if (err instanceof PmoError) return void (await context.sendActivity(err.message));
        throw err;
      }
      return void (await context.sendActivity(
        `Enjoy the time away. No status requests until after ${until}; say \`back\` if you return early.`,
      ));
    }
    await context.sendActivity(`I don't know "${text}".`);
    await reply(context, buildHelp());
  });

  /** Projects this person reports on (PM or delegate), active ones only. */
  async function reportable(actor: Actor): Promise<Project[]> {
    const page = await store.queryPortfolio({
      filter: { involving: actor.id, state: ['active'] },
      sort: 'code',
      order: 'asc',
      page: 1,
      pageSize: 200,
      // Staleness plays no part in this list.
      staleBefore: isoWeekOf(deps.clock.now(), 'UTC'),
    });
    return page.items.filter(
      (p) => p.projectManager.id === actor.id || p.delegates.some((d) => d.id === actor.id),
    );
  }

  async function statusCommand(actor: Actor): Promise<AdaptiveCardJson> {
    const now = deps.clock.now();
    const projects = await reportable(actor);
    if (projects.length === 0) {
      return buildNotice({
        title: 'Nothing to report',
        text: 'You are not the project manager (or a delegate) of an active project.',
        tone: 'default',
      });
    }
    if (projects.length === 1) return formFor(projects[0], currentWeekOf(projects[0], now));
    const rows = await Promise.all(
      projects.map(async (p) => ({
        projectId: p.id,
        code: p.code,
        title: p.title,
        submitted: Boolean(await store.getStatusReport(p.id, currentWeekOf(p, now))),
      })),
    );
    const week = currentWeekOf(projects[0], now);
    return buildProjectPicker({
      week,
      weekLabel: weekLabel(week, projects[0].cadence.timeZone),
      projects: rows,
    });
  }

  async function myProjects(actor: Actor): Promise<AdaptiveCardJson> {
    const now = deps.clock.now();
    const projects = await reportable(actor);
    const week = projects.length ? currentWeekOf(projects[0], now) : isoWeekOf(now, deps.pmoTimeZone);
    const rows = await Promise.all(
      projects.map(async (p) => {
        const thisWeek = currentWeekOf(p, now);
        const [report, request] = await Promise.all([
          store.getStatusReport(p.id, thisWeek),
          store.findStatusRequest(p.id, thisWeek),
        ]);
        const state = report
          ? ('submitted' as const)
          : request?.state === 'overdue'
            ? ('overdue' as const)
            : request?.state === 'excused'
              ? ('excused' as const)
              : request
                ? ('due' as const)
                : ('notDue' as const);
        return {
          projectId: p.id,
          code: p.code,
          title: p.title,
          lastRag: p.latestStatus?.overall ?? ('notReported' as const),
          lastWeek: p.latestStatus?.week ?? null,
          thisWeek: state,
        };
      }),
    );
    return buildMyProjects({
      week,
      weekLabel: weekLabel(week, projects[0]?.cadence.timeZone ?? deps.pmoTimeZone),
      projects: rows,
    });
  }

  /** The card for one project's week: the form (prefilled), or the summary when already filed. */
  async function formFor(
    project: Project,
    week: IsoWeek,
    options: { editing?: boolean } = {},
  ): Promise<AdaptiveCardJson> {
    const [report, request] = await Promise.all([
      store.getStatusReport(project.id, week),
      store.findStatusRequest(project.id, week),
    ]);
    const now = deps.clock.now();
    const open = week === currentWeekOf(project, now);
    if (report && !options.editing) {
      return buildStatusSubmitted(submittedView(project, report, { currency: deps.currency, canEdit: open }));
    }
    const [previous] = report
      ? [report]
      : await store.listStatusReports(project.id, { before: week, limit: 1 });
    return buildStatusForm(
      prefilledForm(project, week, previous ?? null, {
        requestId: request?.id ?? null,
        currency: deps.currency,
        editing: Boolean(report),
        banner: report ? { tone: 'accent', text: `You are changing the ${week} report you filed.` } : null,
      }),
    );
  }

  /** Loads the project named by a card action and checks the caller may report on it. */
  async function actionTarget(
    context: TurnContext,
    data: Partial<StatusActionData>,
  ): Promise<{ actor: Actor; project: Project; week: IsoWeek } | AdaptiveCardJson> {
    const actor = await actorOfTurn(context, store, deps.roles);
    const project = data.projectId ? await store.getProject(String(data.projectId)) : undefined;
    const week = typeof data.week === 'string' && isIsoWeek(data.week) ? data.week : null;
    if (!project || !week) {
      return buildNotice({
        title: 'Not found',
        text: 'This card is about a project PMO Hub no longer has.',
        tone: 'warning',
      });
    }
    if (!actor || !can.submitStatus(actor, project)) {
      // Decided from the platform identity and the stored project, never from the card.
      return buildNotice({
        title: 'Not yours to report',
        text: `Only ${project.projectManager.name} (the project manager), their delegates or PMO staff can report status for ${project.code}. Nothing was saved.`,
        tone: 'attention',
      });
    }
    return { actor, project, week };
  }

  agent.adaptiveCards.actionExecute('statusOpen', async (context, _state, action) => {
    const target = await actionTarget(context, dataOf(action));
    if (!('project' in target)) return target;
    return formFor(target.project, target.week);
  });

  agent.adaptiveCards.actionExecute('statusEdit', async (context, _state, action) => {
    const target = await actionTarget(context, dataOf(action));
    if (!('project' in target)) return target;
    if (target.week !== currentWeekOf(target.project, deps.clock.now())) {
      return buildNotice({
        title: 'This week is closed',
        text: `The ${target.week} report can no longer be changed here.`,
        tone: 'warning',
      });
    }
    return formFor(target.project, target.week, { editing: true });
  });

  agent.adaptiveCards.actionExecute('statusSubmit', async (context, _state, action) => {
    const data = dataOf(action);
    const target = await actionTarget(context, data);
    if (!('project' in target)) return target;
    const { actor, project, week } = target;
    const values = formValuesFrom(data as Record<string, unknown>);
    const expectedVersion = typeof data.expectedVersion === 'number' ? data.expectedVersion : null;
    const again = (errors: Array<{ field: string; message: string }>, banner: string | null = null) =>
      buildStatusForm(
        statusFormView({
          project,
          week,
          requestId: typeof data.requestId === 'string' ? data.requestId : null,
          values,
          prefilledFrom: null,
          errors,
          currency: deps.currency,
          expectedVersion,
          banner: banner ? { tone: 'attention', text: banner } : null,
        }),
      );
    const parsed = answersFrom(values);
    if ('missing' in parsed) return again(parsed.missing);
    try {
      const result = await deps.status.submit(actor, project.id, {
        answers: parsed.answers,
        week,
        source: 'bot',
        ...(expectedVersion !== null ? { expectedVersion } : {}),
      });
      const open = week === currentWeekOf(project, deps.clock.now());
      return buildStatusSubmitted(
        submittedView(result.project, result.report, { currency: deps.currency, canEdit: open }),
      );
    } catch (err) {
      if (err instanceof PmoError) {
        const fields =
          'errors' in err
            ? ((err as { errors: Array<{ field: string; message: string }> }).errors ?? [])
            : [];
        if (err.kind === 'validation' || err.kind === 'rule')
          return again(fields, fields.length ? null : err.message);
        if (err.kind === 'conflict')
          return again([], `${err.message} Your answers are still here: check them and submit again.`);
        return buildNotice({ title: 'Not saved', text: err.message, tone: 'attention' });
      }
      throw err;
    }
  });

  // ---- change requests: approvals in chat ----

  async function pendingApprovals(actor: Actor): Promise<AdaptiveCardJson> {
    const views = await deps.changeRequests.list(actor, { mine: 'to-approve' });
    const items = await Promise.all(
      views.map(async (v) => {
        const project = await store.getProject(v.changeRequest.projectId);
        const zone = project?.cadence.timeZone ?? deps.pmoTimeZone;
        const last = v.decisions.at(-1)?.at ?? v.changeRequest.requestedAt;
        return {
          changeRequestId: v.changeRequest.id,
          projectCode: project?.code ?? '',
          title: v.changeRequest.title,
          costDeltaLabel: costDeltaLabel(v.changeRequest.costDelta, deps.currency),
          scheduleDeltaLabel: scheduleDeltaLabel(v.changeRequest.scheduleDeltaDays),
          requestedBy: v.changeRequest.requestedBy.name,
          waitingSinceLabel: instantLabel(last, zone),
        };
      }),
    );
    return buildPendingApprovals({ items });
  }

  async function changeRequestForm(
    actor: Actor,
    values: Record<string, string>,
    errors: Array<{ field: string; message: string }>,
    submissionId: string = randomUUID(),
  ): Promise<AdaptiveCardJson> {
    const projects = await reportable(actor);
    if (projects.length === 0) {
      return buildNotice({
        title: 'No project to change',
        text: 'Change requests are raised by a project manager (or a delegate) for one of their active projects.',
        tone: 'default',
      });
    }
    return buildChangeRequestForm({
      projects: projects.map((p) => ({ id: p.id, code: p.code, title: p.title })),
      values,
      errors,
      currency: deps.currency,
      submissionId,
    });
  }

  /** The card as this viewer should see it now, from the stored request. */
  async function approvalCardFor(
    context: TurnContext,
    changeRequestId: string,
    notice?: Parameters<typeof approvalCardView>[2]['notice'],
    extra: { errors?: Array<{ field: string; message: string }>; commentValue?: string } = {},
  ): Promise<AdaptiveCardJson> {
    const actor = await actorOfTurn(context, store, deps.roles);
    if (!actor) return signInNeeded();
    try {
      const view = await deps.changeRequests.get(actor, changeRequestId);
      const project = await store.getProject(view.changeRequest.projectId);
      if (!project) throw new Error('project gone');
      return buildApprovalCard({
        ...approvalCardView({ ...view, project }, actor.id, {
          currency: deps.currency,
          ...(notice !== undefined ? { notice } : {}),
        }),
        ...extra,
      });
    } catch (err) {
      if (err instanceof PmoError || (err as Error).message === 'project gone') {
        return buildNotice({
          title: 'Not found',
          text: 'This change request is not one you can see.',
          tone: 'warning',
        });
      }
      throw err;
    }
  }

  const changeRequestIdOf = (action: unknown): string => String(dataOf(action).changeRequestId ?? '');

  agent.adaptiveCards.actionExecute('approvalRefresh', async (context, _state, action) =>
    approvalCardFor(context, changeRequestIdOf(action)),
  );
  agent.adaptiveCards.actionExecute('approvalOpen', async (context, _state, action) =>
    approvalCardFor(context, changeRequestIdOf(action)),
  );

  for (const [verb, outcome] of [
    ['approvalApprove', 'approved'],
    ['approvalReject', 'rejected'],
  ] as const) {
    agent.adaptiveCards.actionExecute(verb, async (context, _state, action) => {
      const id = changeRequestIdOf(action);
      const comment = typeof dataOf(action).comment === 'string' ? String(dataOf(action).comment) : '';
      const actor = await actorOfTurn(context, store, deps.roles);
      if (!actor) return approvalCardFor(context, id);
      try {
        // Who may decide is the service's call, from the activity's identity and the stored request.
        await deps.changeRequests.decide(actor, id, { decision: outcome, comment, channel: 'bot' });
      } catch (err) {
        if (err instanceof PmoError) {
          if (err.kind === 'validation') {
            const errors = (err as PmoError & { errors: Array<{ field: string; message: string }> }).errors;
            return approvalCardFor(context, id, undefined, { errors, commentValue: comment });
          }
          // Out of turn, already decided, settled meanwhile, not an approver: nothing stored; the true state.
          return approvalCardFor(context, id, { tone: 'attention', text: err.message });
        }
        throw err;
      }
      return approvalCardFor(context, id, {
        tone: outcome === 'approved' ? 'good' : 'attention',
        text: outcome === 'approved' ? 'You approved this change.' : 'You rejected this change.',
      });
    });
  }

  agent.adaptiveCards.actionExecute('changeRequestSubmit', async (context, _state, action) => {
    const actor = await actorOfTurn(context, store, deps.roles);
    const data = dataOf(action) as Record<string, unknown>;
    const values = Object.fromEntries(
      CHANGE_REQUEST_FORM_INPUT_IDS.map((k) => [
        k,
        typeof data[k] === 'string' || typeof data[k] === 'number' ? String(data[k]) : '',
      ]),
    ) as Record<(typeof CHANGE_REQUEST_FORM_INPUT_IDS)[number], string>;
    if (!actor) return signInNeeded();
    const errors: Array<{ field: string; message: string }> = [];
    const number = (field: 'costDelta' | 'scheduleDeltaDays', label: string, whole: boolean): number => {
      const raw = values[field].trim().replace(/,/g, '');
      const n = raw === '' ? 0 : Number(raw);
      if (!Number.isFinite(n) || (whole && !Number.isInteger(n)))
        errors.push({ field, message: `${label} must be ${whole ? 'a whole number' : 'a number'}.` });
      return n;
    };
    const costDelta = number('costDelta', 'Cost change', false);
    const scheduleDeltaDays = number('scheduleDeltaDays', 'Schedule change', true);
    if (!values.projectId) errors.push({ field: 'projectId', message: 'Choose the project.' });
    if (!values.title.trim()) errors.push({ field: 'title', message: 'Give the change a title.' });
    if (!values.justification.trim())
      errors.push({ field: 'justification', message: 'Say why the change is needed.' });
    const policy = (['sequential', 'all', 'any'] as const).find((p) => p === values.policy) ?? 'sequential';
    // The card's own id for this submission: the same card submitted twice raises one request.
    const submissionId =
      typeof data.submissionId === 'string' && /^[0-9a-f-]{36}$/i.test(data.submissionId)
        ? data.submissionId
        : randomUUID();
    if (errors.length) return changeRequestForm(actor, values, errors, submissionId);
    try {
      const view = await deps.changeRequests.raise(actor, {
        id: submissionId,
        projectId: values.projectId,
        title: values.title.trim(),
        description: values.description,
        costDelta,
        scheduleDeltaDays,
        scopeChange: values.scopeChange,
        benefitImpact: values.benefitImpact,
        justification: values.justification,
        policy,
      });
      return approvalCardFor(context, view.changeRequest.id, {
        tone: 'accent',
        text: `Sent to ${view.currentApprovers.map((a) => a.name).join(', ')} for approval.`,
      });
    } catch (err) {
      if (err instanceof PmoError) {
        const fields =
          'errors' in err
            ? ((err as { errors: Array<{ field: string; message: string }> }).errors ?? [])
            : [];
        return changeRequestForm(
          actor,
          values,
          fields.length ? fields : [{ field: 'projectId', message: err.message }],
        );
      }
      throw err;
    }
  });

  agent.onError(async (context, error) => {
    deps.logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
  });

  return { agent, adapter };
}

/**
 * Whom a conversation reaches: the person (their Entra object id) in a personal chat, else the channel
 * (a team install) or the group chat.
 */
function conversationKey(context: TurnContext): string | null {
  const activity = context.activity;
  const type = activity.conversation?.conversationType ?? 'personal';
  const channelData = (activity.channelData ?? {}) as { channel?: { id?: string } };
  if (type === 'personal') return activity.from?.aadObjectId ?? null;
  if (type === 'channel') return channelData.channel?.id ?? activity.conversation?.id ?? null;
  return activity.conversation?.id ?? null;
}

/** For an activity without an Entra identity (anonymous web chat): such a caller may do nothing. */
function signInNeeded(): AdaptiveCardJson {
  return buildNotice({
    title: 'Sign-in needed',
    text: 'PMO Hub works for people signed in to Teams.',
    tone: 'warning',
  });
}

/** The action's data: the SDK hands the whole action (`{type, verb, data}`) as its third argument. */
function dataOf(action: unknown): Partial<StatusActionData> & Record<string, unknown> {
  const a = action as { data?: Record<string, unknown> } & Record<string, unknown>;
  return (a?.data ?? a ?? {}) as Partial<StatusActionData> & Record<string, unknown>;
}

/** The command in a message: mentions removed, spaces collapsed, lower case. */
export function commandText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
