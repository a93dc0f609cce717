/**
 * npm run start:sharepoint-local — SharePoint mode without a tenant: starts the fake Graph on loopback,
 * provisions PMO Hub's lists on its site, then starts the product with STORE=sharepoint against it
 * (seeded with the same demo data as `npm start`). Honours PORT like `npm start`; FAKE_GRAPH_PORT picks
 * the fake's port (default: any free one). Everything lives in memory and is gone when it stops.
 */
import { createGraphClient, graphRootOf } from '../../api/store/sharepoint/graph-client';
import { GraphExecutor } from '../../api/store/sharepoint/graph-executor';
import { currencyLocaleFor } from '../../api/store/sharepoint/list-schema';
import { provisionSharePoint } from '../../api/store/sharepoint/provisioning';
import { main as startProduct } from '../../api/server';
import { startFakeGraph } from './fake-graph/fake-graph';

async function main(): Promise<void> {
  const fake = await startFakeGraph({ port: Number(process.env.FAKE_GRAPH_PORT ?? 0) });
  const site = fake.sites[0];
  const executor = new GraphExecutor(createGraphClient({ baseUrl: fake.url }), {
    graphRoot: graphRootOf({ baseUrl: fake.url }),
  });
  const report = await provisionSharePoint(
    executor,
    { id: site.id },
    {
      currencyLocale: currencyLocaleFor(process.env.PORTFOLIO_CURRENCY ?? 'GBP'),
    },
  );
  console.log(
    `Fake Graph on ${fake.graphRoot}: site ${site.webUrl} provisioned (${report.listsCreated.length} lists, schema version ${report.schemaVersion.after}).`,
  );
  // What the product reads at start-up; a value already in the shell wins over env/.env.local too.
  process.env.STORE = 'sharepoint';
  process.env.SHAREPOINT_SITE_ID = site.id;
  process.env.GRAPH_BASE_URL = fake.url;
  process.env.GRAPH_AUTH = 'none';
  await startProduct();
}

main().catch((err: unknown) => {
  console.error(`start:sharepoint-local: ${(err as Error).message}`);
  process.exit(1);
});
