import type { Scenario } from '../engine/types';
import { loadDocumentText } from '../scenario/load';
import type { Problem } from '../scenario/validate';
import { canonicalJson } from './canonical';
import { AUTOSAVE_KEY, type StorageLike } from './storage';

/**
 * The working scenario, autosaved in the browser (localStorage) as a canonical scenario file, and
 * validated on the way back like any file: corrupt, foreign or outdated data is reported and set
 * aside, never trusted and never a crash. Storage access itself may throw (private modes,
 * sandboxed iframes, quota): every call is guarded.
 */
export { AUTOSAVE_KEY, browserStorage, type SetAside, type StorageLike, setAside } from './storage';

export type AutosaveRead =
  | { status: 'none' }
  | { status: 'ok'; scenario: Scenario }
  | { status: 'unreadable'; problems: Problem[]; text: string };

/** Saves the scenario; false if the browser refused (no storage, quota, privacy settings). */
export function saveScenario(storage: StorageLike | null | undefined, sc: Scenario): boolean {
  if (!storage) return false;
  try {
    storage.setItem(AUTOSAVE_KEY, canonicalJson(sc));
    return true;
  } catch {
    return false;
  }
}

export function readAutosave(storage: StorageLike | null | undefined): AutosaveRead {
  if (!storage) return { status: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { status: 'none' };
  }
  if (text === null) return { status: 'none' };
  const doc = loadDocumentText(String(text));
  if (!doc.ok) return { status: 'unreadable', problems: doc.problems, text: String(text) };
  // Only a scenario is ever saved; a case list here was written by something else.
  if (doc.value.kind !== 'scenario') return { status: 'unreadable', problems: [], text: String(text) };
  return { status: 'ok', scenario: doc.value.scenario };
}

/** "Reset": forget the autosaved scenario. */
export function clearAutosave(storage: StorageLike | null | undefined): void {
  try {
    storage?.removeItem(AUTOSAVE_KEY);
  } catch {
    // Nothing to do: a storage we cannot reach holds nothing we would read back.
  }
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Debounces a write: `schedule(value)` writes the latest value once `delayMs` have passed without a
 * newer one; `flush()` writes now (e.g. on `pagehide`). Used for the autosave and the URL.
 */
export function debounced<T>(write: (value: T) => void, delayMs: number, timers: Timers = realTimers) {
  let handle: unknown = null;
  let pending: { value: T } | null = null;
  const run = () => {
    handle = null;
    if (pending) {
      const { value } = pending;
      pending = null;
      write(value);
    }
  };
  return {
    schedule(value: T): void {
      pending = { value };
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(run, delayMs);
    },
    flush(): void {
      if (handle !== null) timers.clearTimeout(handle);
      run();
    },
    cancel(): void {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      pending = null;
    },
  };
}

/** Autosave that follows edits: call `schedule(scenario)` on every change. */
export function createAutosaver(storage: StorageLike | null | undefined, delayMs = 500, timers?: Timers) {
  return debounced<Scenario>((sc) => saveScenario(storage, sc), delayMs, timers);
}
