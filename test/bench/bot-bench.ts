/**
 * npm run bench:bot — the weekly request card to N PMs (default 2,000) through the one proactive sender,
 * over the Agents SDK, into the fake Bot Connector enforcing Teams' limits (50 requests/s per app, the
 * per-conversation windows) with a share of random 429s (default 5%). Real time: it takes N / 50 s.
 * Prints messages/s (target ≥ 45), lost and duplicates (target 0), and ends with one JSON line.
 * Options: --pms N --throttle RATE --concurrency N
 */
import { parseArgs } from 'node:util';
import { CardFactory, CloudAdapter } from '@microsoft/agents-hosting';
import type { IsoWeek } from '../../api/domain/iso-week';
import type { Project } from '../../api/domain/project';
import { buildStatusForm } from '../../bot/cards/build-cards';
import { AgentsSdkTransport } from '../../bot/proactive/agents-sdk-transport';
import { InMemoryDeliveryLog } from '../../bot/proactive/delivery-log';
import { ProactiveSender, SYSTEM_TIMING } from '../../bot/proactive/proactive-sender';
import type { OutgoingMessage } from '../../bot/proactive/types';
import { prefilledForm } from '../../bot/status-card-views';
import { startFakeConnector } from '../fakes/fake-connector/fake-connector';
import { peakRssMb } from './bench-stats';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pms: { type: 'string', default: '2000' },
      throttle: { type: 'string', default: '0.05' },
      concurrency: { type: 'string', default: '64' },
    },
  });
  const count = Number(values.pms);
  const throttle = Number(values.throttle);
  const connector = await startFakeConnector();
  connector.throttleRandomly(throttle > 0 ? { rate: throttle, retryAfter: '1', seed: 7 } : null);

  const adapter = new CloudAdapter({ clientId: '' });
  const log = new InMemoryDeliveryLog();
  const sender = new ProactiveSender(new AgentsSdkTransport(adapter, ''), log, SYSTEM_TIMING);

  const week = '2026-W48' as IsoWeek;
  const messages: OutgoingMessage[] = [];
  for (let i = 0; i < count; i += 1) {
    const pmId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const conversationId = connector.addConversation({
      members: [{ id: `29:${pmId}`, aadObjectId: pmId, name: `PM ${i}` }],
      tenantId: TENANT,
      conversationType: 'personal',
    });
    const project = {
      id: `project-${i}`,
      code: `PRJ-${String(i).padStart(4, '0')}`,
      title: `Project ${i}`,
      cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/London' },
    } as Project;
    const card = buildStatusForm(
      prefilledForm(project, week, null, { requestId: `request-${i}`, currency: 'GBP', dueAt: new Date() }),
    );
    messages.push({
      key: `statusRequest:request-${i}`,
      purpose: 'statusRequest',
      recipientId: pmId,
      target: { conversationId, serviceUrl: connector.url, tenantId: TENANT },
      activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
    });
  }
  const cardBytes = Buffer.byteLength(JSON.stringify(messages[0].activity));
  console.log(
    `Sending the weekly request (${(cardBytes / 1024).toFixed(1)} KB) to ${count} PMs; the fake Connector enforces ` +
      `Teams' limits${throttle > 0 ? ` and answers ${throttle * 100}% of requests 429` : ''} …`,
  );
  const started = performance.now();
  const records = await sender.sendAll(messages, { concurrency: Number(values.concurrency) });
  const seconds = (performance.now() - started) / 1000;

  const perConversation = new Map<string, number>();
  for (const a of connector.activities())
    perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
  const delivered = [...perConversation.values()].filter((n) => n >= 1).length;
  const duplicates = [...perConversation.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  const lost = count - delivered;
  const failed = records.filter((r) => r.state !== 'sent').length;
  const throttled = connector.requests.filter((r) => r.status === 429).length;
  const firstFailure = records.find((r) => r.state !== 'sent')?.lastError;
  if (firstFailure) console.log(`  first failure: ${firstFailure}`);
  const rate = delivered / seconds;

  console.log(
    `  ${delivered} delivered in ${seconds.toFixed(1)} s: ${rate.toFixed(1)} messages/s (target ≥ 45)`,
  );
  console.log(
    `  ${throttled} answered 429 and retried; lost ${lost}, duplicates ${duplicates}, failed records ${failed}`,
  );
  console.log(`  peak RSS ${peakRssMb()} MB`);
  await connector.close();
  const figures = {
    bench: 'bot',
    pms: count,
    throttle,
    seconds: Math.round(seconds * 10) / 10,
    messagesPerSecond: Math.round(rate * 10) / 10,
    throttled,
    lost,
    duplicates,
    failed,
    cardBytes,
    peakRssMb: peakRssMb(),
  };
  console.log(JSON.stringify(figures));
  if (rate < 45 || lost !== 0 || duplicates !== 0) process.exitCode = 1;
}

void main();
