/**
 * The smallest part of the autosave, safe to import in the app's first load (no schema, no codec):
 * where the autosave lives and how to reach the browser's storage without throwing.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'mqtt-will-lab:autosave';

/**
 * Work that failed to load (an autosave or a link the loader refused) is copied under a key of its
 * own, `mqtt-will-lab:set-aside:<kind>:<time>`: the next edit overwrites the autosave and the URL,
 * never these. The newest few are kept.
 */
export const SET_ASIDE_PREFIX = 'mqtt-will-lab:set-aside:';
const SET_ASIDE_KEEP = 5;

export interface SetAside {
  kind: 'autosave' | 'link';
  /** The storage key it was kept under, or null if the browser refused to store it. */
  key: string | null;
  /** The text exactly as it was, for a download. */
  text: string;
  /** A file name for the download. */
  filename: string;
}

/** Keeps a failed load's text aside (never throws) and returns where, and a download name. */
export function setAside(
  storage: StorageLike | null | undefined,
  kind: SetAside['kind'],
  text: string,
  now: number = Date.now(),
): SetAside {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const filename = `mqtt-will-lab-${kind}-set-aside-${stamp}.${kind === 'link' ? 'txt' : 'json'}`;
  const key = `${SET_ASIDE_PREFIX}${kind}:${now}`;
  try {
    if (!storage) return { kind, key: null, text, filename };
    // The same text set aside again (a reload) is not stored twice.
    const existing = setAsideKeys(storage);
    const same = existing.find((k) => storage.getItem(k) === text);
    if (same) return { kind, key: same, text, filename };
    storage.setItem(key, text);
    for (const old of setAsideKeys(storage).slice(0, -SET_ASIDE_KEEP)) storage.removeItem(old);
    return { kind, key, text, filename };
  } catch {
    return { kind, key: null, text, filename };
  }
}

/** The set-aside keys, oldest first. */
export function setAsideKeys(storage: StorageLike): string[] {
  const s = storage as StorageLike & { length?: number; key?: (i: number) => string | null };
  const keys: string[] = [];
  if (typeof s.length === 'number' && typeof s.key === 'function') {
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(SET_ASIDE_PREFIX)) keys.push(k);
    }
  }
  const time = (k: string) => Number(k.slice(k.lastIndexOf(':') + 1)) || 0;
  return keys.sort((a, b) => time(a) - time(b));
}

/** The browser's localStorage, or null where merely touching it throws (sandboxed iframes, privacy modes). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Whether there is anything to boot from (a fragment or an autosave), without loading the decoders. */
export function hasBootInput(hash: string, storage: StorageLike | null): boolean {
  if (hash.length > 1) return true;
  try {
    return storage?.getItem(AUTOSAVE_KEY) != null;
  } catch {
    return false;
  }
}
