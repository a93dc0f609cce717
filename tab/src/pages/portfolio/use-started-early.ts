import { useCallback, useRef } from 'react';

interface Started {
  key: string;
  promise: Promise<unknown>;
  at: number;
}

/**
 * Requests started before their page first committed, one per owner (the API client, so a different
 * signed-in person never gets another's answer). Module-level because React may render a page more than
 * once before committing it, and refs do not survive a render that was not committed.
 */
const started = new WeakMap<object, Started>();

/** A started request older than this is not handed over (the page it was for never appeared). */
const FRESH_MS = 5_000;

/**
 * Starts the first load while the page first renders instead of after React commits it: React 19 holds
 * back the first commit of a lazily loaded page (Suspense reveal throttling, up to 300 ms), and the
 * tab's biggest request need not wait for that. `take(key)` hands the started request over once, from the
 * effect that would otherwise start it; later loads (other filters, Retry) start as usual.
 */
export function useStartedEarly<T>(
  owner: object,
  key: string,
  start: () => Promise<T>,
): (key: string) => Promise<T> | undefined {
  const committed = useRef(false);
  if (!committed.current) {
    const existing = started.get(owner);
    if (!existing || existing.key !== key || performance.now() - existing.at > FRESH_MS) {
      const promise = start();
      promise.catch(() => undefined); // the taker reports a failure
      started.set(owner, { key, promise, at: performance.now() });
    }
  }
  return useCallback(
    (k: string) => {
      committed.current = true;
      const early = started.get(owner);
      started.delete(owner);
      const usable = early && early.key === k && performance.now() - early.at <= FRESH_MS;
      return usable ? (early.promise as Promise<T>) : undefined;
    },
    [owner],
  );
}
