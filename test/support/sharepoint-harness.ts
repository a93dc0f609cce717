import { startFakeGraph } from '../fakes/fake-graph/fake-graph';
import type { FakeGraph, FakeGraphOptions } from '../fakes/fake-graph/types';
import { createGraphClient } from '../../api/store/sharepoint/graph-client';
import { GraphExecutor } from '../../api/store/sharepoint/graph-executor';
import type { RetryPolicy, RetryTiming } from '../../api/store/sharepoint/graph-retry';
import { provisionSharePoint } from '../../api/store/sharepoint/provisioning';
import { SharePointStore } from '../../api/store/sharepoint/sharepoint-store';

/** Retries without waiting: tests record the waits Graph asked for instead of sleeping through them. */
export function instantTiming(): RetryTiming & { waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms), random: () => 0.5, now: () => Date.now() };
}

export interface SharePointHarness {
  fake: FakeGraph;
  executor: GraphExecutor;
  timing: RetryTiming & { waits: number[] };
  siteId: string;
  /** Opens a store on the (provisioned) site. */
  open(options?: { pageSize?: number }): Promise<SharePointStore>;
  close(): Promise<void>;
}

/** A fake Graph with one site, PMO Hub's lists provisioned on it, and an executor talking to it. */
export async function startSharePoint(
  options: {
    fake?: FakeGraphOptions;
    retry?: RetryPolicy;
    maxConcurrentRequests?: number;
    provision?: boolean;
  } = {},
): Promise<SharePointHarness> {
  const fake = await startFakeGraph(options.fake);
  const timing = instantTiming();
  const client = createGraphClient({
    baseUrl: fake.url,
    timing,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const executor = new GraphExecutor(client, {
    graphRoot: fake.graphRoot,
    timing,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.maxConcurrentRequests ? { maxConcurrentRequests: options.maxConcurrentRequests } : {}),
  });
  const siteId = fake.sites[0].id;
  if (options.provision ?? true) {
    await provisionSharePoint(executor, { id: siteId }, { currencyLocale: 'en-gb' });
  }
  return {
    fake,
    executor,
    timing,
    siteId,
    open: (o = {}) => SharePointStore.open({ executor, site: { id: siteId }, ...o }),
    close: () => fake.close(),
  };
}
