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
