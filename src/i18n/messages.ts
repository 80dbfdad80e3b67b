import { LOCALES, type Locale, type Messages, type Part } from './parts';
import { uiEn } from './ui-en';

export { LOCALES, type Locale, type Messages, type Part };

/** How one language's parts are fetched: the type requires every part. */
type Loaders = { [K in Part]: () => Promise<Messages[K]> };

// English: the shell's words (ui) are in the first load; the engine's words load at boot, beside the
// first run (they word the trace, which the worker has not produced yet); the others come with their
// features.
// Simplified Chinese: one lazy chunk with every part, fetched once the language is chosen.
const zh = () => import('./zh');
const LOADERS: Record<Locale, Loaders> = {
  en: {
    engine: () => import('./en').then((m) => m.en),
    ui: async () => uiEn,
    edit: () => import('./ui-edit-en').then((m) => m.editEn),
    share: () => import('./share-en').then((m) => m.shareEn),
    realBroker: () => import('./realbroker').then((m) => m.realBrokerEn),
    explorer: () => import('./explorer-en').then((m) => m.explorerEn),
    export: () => import('./export-en').then((m) => m.exportEn),
    lessons: () => import('./lessons-en').then((m) => m.lessonsEn),
    cli: () => import('./cli-en').then((m) => m.cliEn),
  },
  'zh-CN': {
    engine: () => zh().then((m) => m.zhCN.engine),
    ui: () => zh().then((m) => m.zhCN.ui),
    edit: () => zh().then((m) => m.zhCN.edit),
    share: () => zh().then((m) => m.zhCN.share),
    realBroker: () => zh().then((m) => m.zhCN.realBroker),
    explorer: () => zh().then((m) => m.zhCN.explorer),
    export: () => zh().then((m) => m.zhCN.export),
    lessons: () => zh().then((m) => m.zhCN.lessons),
    // Only the CLIs need it: its own chunk, so the browser's Chinese chunk does not carry it.
    cli: () => import('./zh/cli').then((m) => m.zhCli),
  },
};

/** A promise that also says synchronously whether it has settled (React's `use` reads `status`). */
export type Loaded<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T };

const cache = new Map<string, Loaded<unknown>>();

function settled<T>(value: T): Loaded<T> {
  const p: Loaded<T> = Promise.resolve(value);
  p.status = 'fulfilled';
  p.value = value;
  return p;
}
cache.set('en/ui', settled(uiEn));

/** The one way to get words: part `part` of language `locale` (fetched once, then cached). */
export function loadMessages<K extends Part>(locale: Locale, part: K): Loaded<Messages[K]> {
  const key = `${locale}/${part}`;
  let p = cache.get(key) as Loaded<Messages[K]> | undefined;
  if (!p) {
    const q: Loaded<Messages[K]> = LOADERS[locale][part]();
    q.status = 'pending';
    q.then(
      (v) => {
        q.status = 'fulfilled';
        q.value = v;
      },
      () => {
        q.status = 'rejected';
        // A failed fetch (offline, a new deployment) may be retried.
        cache.delete(key);
      },
    );
    cache.set(key, q);
    p = q;
  }
  return p;
}

/** Every part of a language at once (the CLI, tests, and the app before it shows a new language). */
export async function loadAllMessages(locale: Locale): Promise<Messages> {
  const parts = Object.keys(LOADERS[locale]) as Part[];
  const values = await Promise.all(parts.map((k) => loadMessages(locale, k)));
  return Object.fromEntries(parts.map((k, i) => [k, values[i]])) as unknown as Messages;
}

/** The part if it is already loaded, else undefined (for code outside React that cannot wait). */
export function loadedMessages<K extends Part>(locale: Locale, part: K): Messages[K] | undefined {
  const p = cache.get(`${locale}/${part}`) as Loaded<Messages[K]> | undefined;
  return p?.status === 'fulfilled' ? p.value : undefined;
}
