import type { Store } from '../../api/store/store';
import type { DeliveryRecord } from './types';

/** Where the sender records each delivery, so a message is never lost nor sent twice. */
export interface DeliveryLog {
  get(key: string): Promise<DeliveryRecord | undefined>;
  /** Atomically insert a new 'sending' record; false when one with this key exists (another sender has it). */
  claim(record: DeliveryRecord): Promise<boolean>;
  save(record: DeliveryRecord): Promise<void>;
}

/** The store's Deliveries, as a delivery log (what the server wires in). */
export function deliveryLogFromStore(
  store: Pick<Store, 'getDelivery' | 'claimDelivery' | 'saveDelivery'>,
): DeliveryLog {
  return {
    get: (key) => store.getDelivery(key),
    claim: (record) => store.claimDelivery(record),
    save: (record) => store.saveDelivery(record),
  };
}

/** In memory, for tests and the bench. Hands out copies, as a real store would. */
export class InMemoryDeliveryLog implements DeliveryLog {
  private readonly records = new Map<string, DeliveryRecord>();

  async get(key: string): Promise<DeliveryRecord | undefined> {
    const record = this.records.get(key);
    return record && { ...record };
  }

  async claim(record: DeliveryRecord): Promise<boolean> {
    if (this.records.has(record.key)) return false;
    this.records.set(record.key, { ...record });
    return true;
  }

  async save(record: DeliveryRecord): Promise<void> {
    this.records.set(record.key, { ...record });
  }

  /** Every record, in the order their keys were first written. */
  all(): DeliveryRecord[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }
}
