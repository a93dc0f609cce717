/**
 * Web Storage that never throws. Inside Teams the tab is a third-party frame, and a browser that blocks
 * third-party storage (Chrome Incognito, Safari, strict settings) throws a SecurityError on merely
 * touching `localStorage`: a remembered choice is a nicety, so without storage the tab simply forgets.
 */
export type StorageArea = 'local' | 'session';

function area(which: StorageArea): Storage | null {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readStored(which: StorageArea, key: string): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value`, or removes the key when it is null. */
export function writeStored(which: StorageArea, key: string, value: string | null): void {
  try {
    const storage = area(which);
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // full or blocked: the choice lasts until the page closes
  }
}
