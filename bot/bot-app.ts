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
import type { Store } from '../api/store/store';
import { actorOfTurn } from './bot-identity';
import type { AdaptiveCardJson } from './cards/card-views';
import {
  buildHelp,
  buildMyProjects,
  buildNotice,
  buildProjectPicker,
  buildStatusForm,
  buildStatusSubmitted,
  buildWelcome,
} from './cards/build-cards';
import type { StatusActionData } from './status-form-input';
import { answersFrom, formValuesFrom } from './status-form-input';
import { currentWeekOf, prefilledForm, statusFormView, submittedView, weekLabel } from './status-card-views';

export interface BotDependencies {
  /** The adapter incoming turns and proactive sends share. */
  adapter: CloudAdapter;
  store: Store;
  status: StatusService;
  people: PeopleService;
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
      await reply(
        context,
        buildNotice({
          title: 'Sign-in needed',
          text: 'PMO Hub works for people signed in to Teams.',
          tone: 'warning',
        }),
      );
      return;
    }
    if (text === 'help' || text === '') return void (await reply(context, buildHelp()));
    if (text === 'status') return void (await reply(context, await statusCommand(actor)));
    if (text === 'my projects') return void (await reply(context, await myProjects(actor)));
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
