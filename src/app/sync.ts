import type { Scenario } from '../engine/types';
import type { Catalog } from '../i18n/catalog';
import { loadedMessages, loadMessages } from '../i18n/messages';
import type { ShareCatalog } from '../i18n/share';
import { scenarioProblems } from '../scenario/fields';
import { clearAutosave, createAutosaver, type StorageLike, setAside } from '../share/autosave';
import { decodeLink, MAX_LINK_CHARS } from '../share/codec';
import { describeLinkError, problemLine } from '../share/describe';
import { createLinkWriter, hashHasLink } from '../share/urlsync';
import { defaultScenario } from '../store/defaults';
import { hasScenarioLoader, loadScenario, resetScenario, scenarioOpened, setScenarioLoader } from '../store/loading';
import { noticeStore } from '../store/notice';
import { scenarioStore, setEditCheck } from '../store/scenario';
import { viewStore } from '../store/view';

/**
 * The URL and the autosave follow the working scenario (docs/share-links.md, "In the app"). Loaded
 * after the first render. The store stays the one source of truth; these are side effects:
 * - every edit rewrites the fragment (debounced, `replaceState`: Back is not flooded) and the
 *   autosave (debounced; flushed when the page is hidden), so a reload keeps the state;
 * - deliberate loads (an import, a lesson, Reset) `pushState` a new entry, so Back returns to the
 *   scenario before them (its `hashchange` opens it again);
 * - a link pasted into the address bar (`hashchange`) opens, unless it is the fragment we wrote;
 *   a bad one is reported and the open scenario stays.
 * The embedded player writes neither URL nor autosave: it only follows `hashchange`.
 */

interface Sync {
  load(scenario: Scenario, newEntry: boolean): void;
  reset(): void;
}

const opened = scenarioOpened;

/**
 * Runs `show` with the share and engine words of the app's language: at once when they are loaded
 * (they usually are: the boot or the share menu loaded them), else once they are.
 */
function withWords(show: (t: ShareCatalog, cat: Catalog) => void): void {
  const locale = viewStore.getState().locale;
  const t = loadedMessages(locale, 'share');
  const cat = loadedMessages(locale, 'engine');
  if (t && cat) show(t, cat);
  else
    void Promise.all([loadMessages(locale, 'share'), loadMessages(locale, 'engine')]).then(([t, cat]) => show(t, cat));
}

export function startSync({ embed, storage }: { embed: boolean; storage: StorageLike | null }): void {
  if (hasScenarioLoader()) return;
  // From now on an edit the loader would refuse is not made, and the person is told why.
  setEditCheck(scenarioProblems);
  scenarioStore.subscribe((s, prev) => {
    if (!s.refused || s.refused === prev.refused) return;
    const refused = s.refused;
    withWords((t, cat) =>
      noticeStore.getState().noticeShown({
        message: t.link.editRefused,
        details: refused.problems.map((p) => problemLine(p, cat)),
      }),
    );
  });
  let push = false;
  const writer = embed
    ? null
    : createLinkWriter(
        (hash) => {
          // An empty hash drops the fragment (a link too long for an address): the URL keeps no stale link.
          const url = hash === '' ? `${location.pathname}${location.search}` : hash;
          if (push) history.pushState(null, '', url);
          else history.replaceState(history.state, '', url);
        },
        250,
        undefined,
        (chars) => {
          withWords((t) =>
            noticeStore
              .getState()
              .noticeShown({ message: t.link.linkTooLongForUrl(chars, MAX_LINK_CHARS), details: [] }),
          );
        },
      );
  const saver = embed ? null : createAutosaver(storage);
  // After Reset the autosave stays cleared until the next edit.
  let unsaved: Scenario | null = null;

  scenarioStore.subscribe((s, prev) => {
    if (s.scenario === prev.scenario) return;
    writer?.schedule(s.scenario);
    if (s.scenario === unsaved) saver?.cancel();
    else saver?.schedule(s.scenario);
  });

  addEventListener('hashchange', () => {
    if (writer?.isEcho(location.hash) || !hashHasLink(location.hash)) return;
    const r = decodeLink(location.hash);
    if (r.ok) {
      scenarioStore.getState().scenarioLoaded(r.scenario);
      // The entry already holds this scenario: no write over it (it would be the one shown before).
      writer?.adopt(location.hash);
      opened();
      return;
    }
    // The link that failed stays retrievable: the next edit rewrites the address.
    const kept = setAside(storage, 'link', location.hash);
    withWords((t, cat) => {
      const d = describeLinkError(r.error, t, cat);
      noticeStore.getState().noticeShown({
        message: `${t.link.headline} ${d.message}`,
        details: d.details,
        outcome: t.link.keptCurrent,
        downloads: [{ label: t.link.downloadSetAside('link'), filename: kept.filename, text: kept.text }],
      });
    });
  });
  const flush = () => {
    writer?.flush();
    saver?.flush();
  };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });

  const active: Sync = {
    load(scenario, newEntry) {
      // The current entry keeps the scenario as it was (written now if the URL does not hold it yet,
      // e.g. after opening the autosave), so Back returns to it; the loaded one gets an entry of its own.
      if (newEntry && writer) {
        writer.schedule(scenarioStore.getState().scenario);
        writer.flush();
      }
      scenarioStore.getState().scenarioLoaded(scenario);
      if (newEntry) {
        push = true;
        try {
          writer?.flush();
        } finally {
          push = false;
        }
      }
      opened();
    },
    reset() {
      const sc = defaultScenario();
      unsaved = sc;
      saver?.cancel();
      clearAutosave(storage);
      this.load(sc, true);
    },
  };
  setScenarioLoader(active);
}

/** Loading on purpose lives in the store (views call it without importing the app shell). */
export { loadScenario, resetScenario };
