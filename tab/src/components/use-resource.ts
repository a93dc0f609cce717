import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';

export type Resource<T> =
  | { state: 'loading'; data?: T; reload: () => void }
  | { state: 'error'; error: ApiError; data?: T; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/**
 * Loads data for a page and reloads it when `key` changes (a URL, a filter). A newer load cancels the
 * one in flight, so a slow answer never overwrites a newer one. The previous data stays on screen while
 * reloading, so filtering does not flash a skeleton.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [result, setResult] = useState<{ key: string; data?: T; error?: ApiError; loading: boolean }>({
    key,
    loading: true,
  });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setResult((r) => ({ ...r, key, loading: true, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ key, data, loading: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          err instanceof ApiError
            ? err
            : new ApiError({ title: 'Something went wrong', status: 0, detail: String(err) });
        setResult((r) => ({ ...r, key, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, nonce]);

  if (result.error) return { state: 'error', error: result.error, data: result.data, reload };
  if (result.loading || result.data === undefined) return { state: 'loading', data: result.data, reload };
  return { state: 'ready', data: result.data, reload };
}
