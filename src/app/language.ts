import { LOCALE_KEY, pickLocale } from '../i18n/locale';
import { type Locale, loadMessages } from '../i18n/messages';
import type { StorageLike } from '../share/storage';
import { viewStore } from '../store/view';

/**
 * The shell's words are loaded before a language is shown, so the header never waits. At boot the
 * engine's words are only started: the panels that word the trace wait for them (Suspense) beside
 * the first run, which takes longer; a change of language waits for both, so nothing flashes.
 */
async function loadShell(locale: Locale, atBoot = false): Promise<void> {
  const engine = loadMessages(locale, 'engine');
  if (atBoot) engine.catch(() => {});
  await Promise.all([loadMessages(locale, 'ui'), atBoot ? null : engine]);
}

function showLocale(locale: Locale): void {
  viewStore.getState().localeChanged(locale);
  document.documentElement.lang = locale;
}

/**
 * At boot: the link's `?lang=`, else the remembered choice, else the browser's languages. A failed
 * fetch of the words (offline, a new deployment) leaves the app in English.
 */
export async function bootLocale(storage: StorageLike | null): Promise<void> {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LOCALE_KEY) ?? null;
  } catch {
    // Storage that throws on read: no remembered choice.
  }
  const locale = pickLocale({ search: location.search, stored, languages: navigator.languages ?? [] });
  try {
    await loadShell(locale, true);
    showLocale(locale);
  } catch {
    showLocale('en');
  }
}

/** The person picked a language in the header: load it, show it, remember it. */
export async function chooseLocale(locale: Locale, storage: StorageLike | null): Promise<void> {
  await loadShell(locale);
  showLocale(locale);
  try {
    storage?.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage full or forbidden: the choice lasts for this visit.
  }
}
