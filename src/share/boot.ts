import type { Scenario } from '../engine/types';
import type { Catalog } from '../i18n/catalog';
import type { ShareCatalog } from '../i18n/share';
import { type AutosaveRead, readAutosave, type SetAside, type StorageLike, setAside } from './autosave';
import { decodeLink, type LinkError } from './codec';
import { describeLinkError, problemLine } from './describe';
import { hashHasLink } from './urlsync';

/** A file a notice offers to download (src/store/notice.ts shows it). */
export interface NoticeDownload {
  label: string;
  filename: string;
  text: string;
}

export type BootSource = 'link' | 'autosave' | 'default';

export interface BootResult {
  scenario: Scenario;
  source: BootSource;
  /** Set when the URL held a link that could not be opened. */
  linkError: LinkError | null;
  /** Set when an autosaved scenario was found but could not be read (it was not used). */
  autosaveUnreadable: boolean;
  /** What to tell the person, or null when all went as asked: headline, reason, what is shown instead. */
  message: string | null;
  /** The same in two parts, for a notice that lists `details` in between: headline and reason ... */
  summary: string | null;
  /** ... and what is shown instead (and whether the autosave was set aside). */
  outcome: string | null;
  /** The link's and the autosave's problems, one "path: message" line each (for a details list). */
  details: string[];
  /** What failed to load, kept aside under its own key (never overwritten by the next edit), for a download. */
  setAside: SetAside[];
  /** The same as the notice's downloads: a labelled button each. */
  downloads: NoticeDownload[];
}

/**
 * What the app opens at startup, decided once, before the store exists (STYLE.md §3.3): the link
 * in the URL fragment, else the autosaved scenario, else the default. A bad link never blanks the
 * page: the app opens the fallback and says, in words, what was wrong with the link.
 */
export function bootScenario(
  input: { hash: string; storage: StorageLike | null | undefined; fallback: Scenario | (() => Scenario) },
  cat: ShareCatalog,
  words: Catalog,
): BootResult {
  let linkError: LinkError | null = null;
  if (hashHasLink(input.hash)) {
    const r = decodeLink(input.hash);
    if (r.ok)
      return {
        scenario: r.scenario,
        source: 'link',
        linkError: null,
        autosaveUnreadable: false,
        message: null,
        summary: null,
        outcome: null,
        details: [],
        setAside: [],
        downloads: [],
      };
    linkError = r.error;
  }
  const kept: SetAside[] = [];
  if (linkError) kept.push(setAside(input.storage, 'link', input.hash));
  const saved: AutosaveRead = readAutosave(input.storage);
  const autosaveUnreadable = saved.status === 'unreadable';
  const source: BootSource = saved.status === 'ok' ? 'autosave' : 'default';
  const scenario =
    saved.status === 'ok' ? saved.scenario : typeof input.fallback === 'function' ? input.fallback() : input.fallback;
  const lead: string[] = [];
  const after: string[] = [];
  let details: string[] = [];
  if (linkError) {
    const d = describeLinkError(linkError, cat, words);
    details = d.details;
    lead.push(cat.link.headline, d.message);
    after.push(source === 'autosave' ? cat.link.fellBackToAutosave : cat.link.fellBackToDefault);
  }
  if (saved.status === 'unreadable') {
    after.push(cat.link.autosaveUnreadable);
    details = [...details, ...saved.problems.map((p) => `${cat.link.autosaveProblem} ${problemLine(p, words)}`)];
    kept.push(setAside(input.storage, 'autosave', saved.text));
  }
  const parts = [...lead, ...after];
  return {
    scenario,
    source,
    linkError,
    autosaveUnreadable,
    message: parts.length > 0 ? parts.join(' ') : null,
    summary: lead.length > 0 ? lead.join(' ') : null,
    outcome: after.length > 0 ? after.join(' ') : null,
    details,
    setAside: kept,
    downloads: kept.map((k) => ({ label: cat.link.downloadSetAside(k.kind), filename: k.filename, text: k.text })),
  };
}
