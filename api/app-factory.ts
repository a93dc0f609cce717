import pino from 'pino';
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
  overrides: { store?: Store; clock?: Clock; identity?: IdentityResolver } = {},
): Product {
  const logger = pino({ level: config.logLevel, base: { service: 'pmo-hub' } });
  if (!overrides.store && config.store.kind !== 'sqlite') {
    throw new Error('buildProduct needs the opened store for STORE=sharepoint: call openStore(config) first');
  }
  const store =
    overrides.store ?? new SqliteStore({ path: (config.store as { sqlitePath: string }).sqlitePath });
  const ctx = serviceContext(store, { clock: overrides.clock, pmoTimeZone: config.pmoTimeZone });
  const services = {
    people: new PeopleService(ctx, config.pmoRoles),
    projects: new ProjectsService(ctx),
    status: new StatusService(ctx),
    portfolio: new PortfolioService(ctx),
    raid: new RaidService(ctx),
  };
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
    currency: config.currency,
    logger,
  });
  return { app, store, logger, close: () => store.close() };
}
