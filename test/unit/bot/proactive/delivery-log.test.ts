import { InMemoryDeliveryLog, deliveryLogFromStore } from '../../../../bot/proactive/delivery-log';
import type { DeliveryRecord } from '../../../../bot/proactive/types';

const record = (key: string, extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  key,
  purpose: 'welcome',
  recipientId: 'user-1',
  conversationId: 'conv-1',
  state: 'sending',
  attempts: 0,
  lastError: null,
  activityId: null,
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  ...extra,
});

describe('InMemoryDeliveryLog', () => {
  it('should claim a key once', async () => {
    const log = new InMemoryDeliveryLog();
    expect(await log.claim(record('k'))).toBe(true);
    expect(await log.claim(record('k', { purpose: 'other' }))).toBe(false);
    expect((await log.get('k'))?.purpose).toBe('welcome');
  });

  it('should hand out copies, as a real store would', async () => {
    const log = new InMemoryDeliveryLog();
    const mine = record('k');
    await log.claim(mine);
    mine.state = 'sent';
    const read = (await log.get('k')) as DeliveryRecord;
    read.attempts = 99;
    expect(await log.get('k')).toEqual(record('k'));
  });

  it('should replace a record on save and list them all', async () => {
    const log = new InMemoryDeliveryLog();
    await log.claim(record('a'));
    await log.save(record('a', { state: 'sent', attempts: 1, activityId: 'x' }));
    await log.save(record('b', { state: 'failed' }));
    expect(log.all().map((r) => [r.key, r.state])).toEqual([
      ['a', 'sent'],
      ['b', 'failed'],
    ]);
  });
});

describe('deliveryLogFromStore', () => {
  it("should use the store's deliveries", async () => {
    const inner = new InMemoryDeliveryLog();
    const log = deliveryLogFromStore({
      getDelivery: (key) => inner.get(key),
      claimDelivery: (r) => inner.claim(r),
      saveDelivery: (r) => inner.save(r),
    });
    expect(await log.claim(record('k'))).toBe(true);
    expect(await log.claim(record('k'))).toBe(false);
    await log.save(record('k', { state: 'sent' }));
    expect((await log.get('k'))?.state).toBe('sent');
  });
});
