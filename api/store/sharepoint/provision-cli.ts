/**
 * npm run provision:sharepoint
 *
 * Creates (or completes) PMO Hub's SharePoint lists on the site that SHAREPOINT_SITE_ID or
 * SHAREPOINT_SITE_URL names, through Graph with the app's own credentials (env/.env.<ENV_NAME>, default
 * local). Safe to run again: a second run changes nothing and says so. Exit codes: 0 done, 1 failed.
 */
import { ConfigError, loadConfig } from '../../config/config';
import { loadEnvFiles } from '../../config/env-files';
import { graphExecutorFor } from './connect';
import { currencyLocaleFor } from './list-schema';
import { provisionSharePoint } from './provisioning';

async function main(): Promise<void> {
  loadEnvFiles(process.env.ENV_NAME ?? 'local');
  const config = loadConfig({ ...process.env, STORE: 'sharepoint' });
  if (config.store.kind !== 'sharepoint') throw new Error('unreachable: STORE was set to sharepoint');
  const executor = graphExecutorFor(config.store);
  const report = await provisionSharePoint(executor, config.store.site, {
    currencyLocale: currencyLocaleFor(config.currency),
    log: (line) => console.log(`provision: ${line}`),
  });
  if (report.unchanged) {
    console.log(
      `provision: nothing to change; site ${report.siteId} already has every list and column (schema version ${report.schemaVersion.after}).`,
    );
  } else {
    console.log(
      `provision: site ${report.siteId} is at schema version ${report.schemaVersion.after}: ` +
        `${report.listsCreated.length} lists created, ${report.columnsAdded.length} columns added, ` +
        `${report.columnsIndexed.length} columns indexed (${executor.requestCount} Graph requests).`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `provision: ${(err as Error).message}`);
  process.exit(1);
});
