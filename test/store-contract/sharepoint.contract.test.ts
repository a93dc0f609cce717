import { startSharePoint } from '../support/sharepoint-harness';
import { describeStoreContract } from './store-contract';

// SharePoint through the real Graph client against the strict fake Graph: its own site and lists per
// store. Small pages on both sides, so every query in the suite pages past its first page.
describeStoreContract('sharepoint (fake Graph, small pages)', async () => {
  const sharepoint = await startSharePoint({ fake: { maxPageSize: 10 } });
  const store = await sharepoint.open({ pageSize: 7 });
  return { store, cleanup: () => sharepoint.close() };
});
