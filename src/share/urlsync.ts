import type { Scenario } from '../engine/types';
import type { Timers } from './autosave';
import { debounced } from './autosave';
import { LINK_PARAM, MAX_LINK_CHARS, scenarioFragment } from './codec';

/**
 * The URL follows the scenario (STYLE.md §3.3): the store is the one source of truth, and the
 * fragment is written as a side effect, debounced, replacing the history entry so Back is not
 * flooded. `isEcho(hash)` tells a `hashchange` caused by our own write from one a person made.
 */
export function createLinkWriter(
  replaceHash: (hash: string) => void,
  delayMs = 250,
  timers?: Timers,
  /** The scenario's link is longer than any browser address keeps (MAX_LINK_CHARS). */
  onTooLong?: (chars: number) => void,
) {
  let last: string | null = null;
  const writer = debounced<Scenario>(
    (sc) => {
      let hash = `#${scenarioFragment(sc)}`;
      if (hash.length > MAX_LINK_CHARS) {
        // Browsers refuse such an address (and a reload would reopen an older entry): the address
        // drops its link instead, so a reload opens the autosave, and the person is told.
        if (last !== '') onTooLong?.(hash.length);
        hash = '';
      }
      if (hash === last) return;
      last = hash;
      replaceHash(hash);
    },
    delayMs,
    timers,
  );
  return {
    ...writer,
    /** True if this hash is the one we wrote last (ignore its hashchange). */
    isEcho(hash: string): boolean {
      return hash === last;
    },
    /**
     * The URL now holds `hash` because the person navigated (Back, Forward, a pasted link) and the
     * app opened it: a pending write of the scenario shown before would overwrite that entry, so
     * it is dropped, and `hash` counts as written.
     */
    adopt(hash: string): void {
      writer.cancel();
      last = hash;
    },
  };
}

/** Whether a fragment carries a scenario link (`s=` or a bare `v1.` payload), as opposed to none. */
export function hashHasLink(hash: string): boolean {
  const frag = hash.startsWith('#') ? hash.slice(1) : hash;
  if (frag.trim() === '') return false;
  return frag.split('&').some((p) => p.startsWith(`${LINK_PARAM}=`) || /^v\d+\./.test(p)) || !frag.includes('=');
}

export { fullSimulatorUrl, isEmbed } from './embed';
