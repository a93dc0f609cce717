import type { AuthConfiguration } from '@microsoft/agents-hosting';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { createAgentRequestHandler } from '@microsoft/agents-hosting-express';
import path from 'node:path';
import pino from 'pino';
import { createBotApp } from '../bot/bot-app';
import { botAuthConfiguration } from '../bot/bot-auth';
import { BotNotifier } from '../bot/bot-notifier';
import { AgentsSdkTransport } from '../bot/proactive/agents-sdk-transport';
import { deliveryLogFromStore } from '../bot/proactive/delivery-log';
import type { SenderOptions } from '../bot/proactive/proactive-sender';
import { ProactiveSender, SYSTEM_TIMING } from '../bot/proactive/proactive-sender';
import { JobScheduler } from './jobs/job-scheduler';
import { ChangeRequestService } from './services/change-request-service';
import { StatusCycleService } from './services/status-cycle-service';
import type { Config } from './config/config';
import { devIdentity } from './http/auth/dev-identity';
import { entraIdentity } from './http/auth/entra-identity';
import type { IdentityResolver } from './http/auth/authenticate';
import { createApp } from './http/app';
import type { Clock } from './services/context';
import { serviceContext } from './services/context';
import { PeopleService } from './services/people-service';
import { PortfolioService } from './services/portfolio-service';
import { ProjectsService } from './services/projects-service';
import { StakeholderService } from './services/stakeholder-service';
import { RaidService } from './services/raid-service';
import { StatusService } from './services/status-service';
import { graphExecutorFor } from './store/sharepoint/connect';
import { SharePointStore } from './store/sharepoint/sharepoint-store';
import { SqliteStore } from './store/sqlite/sqlite-store';
import type { Store } from './store/store';

export interface Product {
  app: ReturnType<typeof createApp>;
  store: Store;
  logger: pino.Logger;
  /** Runs the weekly status cycle and the approvals sweep every minute (started by the server, not by tests). */
  scheduler: JobScheduler;
  close(): Promise<void>;
}

/** The store the configuration names, opened (SharePoint: site and lists found, schema version checked). */
export async function openStore(config: Config): Promise<Store> {
  if (config.store.kind === 'sqlite') return new SqliteStore({ path: config.store.sqlitePath });
  return SharePointStore.open({ executor: graphExecutorFor(config.store), site: config.store.site });
}

/**
 * The composition root: picks the adapters the configuration names and wires them to the services and
 * transports. Nothing below this file constructs an adapter.
 */
export function buildProduct(
  config: Config,
  overrides: {
    store?: Store;
    clock?: Clock;
    identity?: IdentityResolver;
    /** Tests: timing for the proactive sender (no real sleeping). */
    senderTiming?: Pick<SenderOptions, 'now' | 'sleep' | 'random'>;
    /** Tests: the Bot Framework auth settings (e.g. a local token issuer). */
    botAuth?: AuthConfiguration;
  } = {},
): Product {
  const logger = pino({ level: config.logLevel, base: { service: 'pmo-hub' } });
  if (!overrides.store && config.store.kind !== 'sqlite') {
    throw new Error('buildProduct needs the opened store for STORE=sharepoint: call openStore(config) first');
  }
  const store =
    overrides.store ?? new SqliteStore({ path: (config.store as { sqlitePath: string }).sqlitePath });
  const ctx = serviceContext(store, { clock: overrides.clock, pmoTimeZone: config.pmoTimeZone });

  // The bot: one adapter for incoming turns and proactive sends, one sender for everything unprompted.
  const botAuth = overrides.botAuth ?? botAuthConfiguration(config.bot);
  const adapter = new CloudAdapter(botAuth);
  const sender = new ProactiveSender(
    new AgentsSdkTransport(adapter, config.bot?.appId ?? ''),
    deliveryLogFromStore(store),
    overrides.senderTiming ?? SYSTEM_TIMING,
  );
  const notifier = new BotNotifier(store, sender, {
    roles: config.pmoRoles,
    currency: config.currency,
    clock: ctx.clock,
  });
  const services = {
    people: new PeopleService(ctx, config.pmoRoles),
    projects: new ProjectsService(ctx),
    status: new StatusService(ctx, notifier),
    portfolio: new PortfolioService(ctx),
    raid: new RaidService(ctx),
    statusCycle: new StatusCycleService(ctx, notifier, config.statusCycle),
    changeRequests: new ChangeRequestService(ctx, notifier, config.approvals),
    stakeholders: new StakeholderService(ctx),
  };
  const bot = createBotApp({
    adapter,
    store,
    status: services.status,
    people: services.people,
    changeRequests: services.changeRequests,
    roles: config.pmoRoles,
    clock: ctx.clock,
    currency: config.currency,
    pmoTimeZone: config.pmoTimeZone,
    logger,
  });
  const identity =
    overrides.identity ??
    (config.auth.mode === 'dev'
      ? devIdentity(services.people, config.auth.defaultUser)
      : entraIdentity(config.auth.entra));
  const app = createApp({
    services,
    identity,
    authMode: config.auth.mode,
    storeKind: store.kind,
    botHandler: createAgentRequestHandler(bot.agent, botAuth),
    currency: config.currency,
    logger,
    tab: { dir: path.resolve(config.tab.dir), extraFrameAncestors: config.tab.extraFrameAncestors },
  });
  const scheduler = new JobScheduler(
    [
      { name: 'status cycle', run: () => services.statusCycle.run() },
      { name: 'approvals sweep', run: () => services.changeRequests.sweep() },
    ],
    logger,
  );
  return {
    app,
    store,
    logger,
    scheduler,
    close: async () => {
      await scheduler.stop();
      await store.close();
    },
  };
}
