import type { Server } from 'node:http';
import { buildProduct, openStore } from './app-factory';
import { ConfigError, loadConfig } from './config/config';
import { loadEnvFiles } from './config/env-files';
import { seedIfEmpty } from './seed/seed-store';

/** Starts PMO Hub: loads env/.env.<ENV_NAME> (default local), checks configuration, seeds a demo on an empty store, listens. */
export async function main(): Promise<void> {
  loadEnvFiles(process.env.ENV_NAME ?? 'local');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let store;
  try {
    store = await openStore(config);
  } catch (err) {
    // A site that is not provisioned, Graph out of reach, a bad certificate: one line saying which.
    console.error(`Could not open the ${config.store.kind} store: ${(err as Error).message}`);
    process.exit(1);
  }
  const product = buildProduct(config, { store });
  const { logger } = product;
  if (config.seedDemoData) {
    const seeded = await seedIfEmpty(product.store, { pmoTimeZone: config.pmoTimeZone, now: new Date() });
    if (seeded) logger.info(seeded, 'seeded demo data into an empty store');
  }
  product.scheduler.start();
  const server: Server = product.app.listen(config.port, config.host, () => {
    logger.info(
      { url: `http://${config.host}:${config.port}`, store: config.store.kind, authMode: config.auth.mode },
      `PMO Hub listening on http://${config.host}:${config.port} (portfolio: /api/portfolio)`,
    );
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'could not listen');
    process.exit(1);
  });
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      void product.close().then(() => process.exit(0));
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Run when started as a program (npm start); start:sharepoint-local imports and calls main itself.
if (require.main === module) void main();
