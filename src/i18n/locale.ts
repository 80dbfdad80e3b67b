import { LOCALES, type Locale } from './messages';

/** Each language by its own name, as the language picker lists it (proper names: not translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Where the chosen language is remembered in the browser. */
export const LOCALE_KEY = 'mqtt-will-lab:lang';
/** The query parameter a shared link carries the language in, when the person chose to share it. */
export const LOCALE_PARAM = 'lang';

/**
 * The product's language for a BCP 47 tag or a POSIX locale ("zh-CN", "zh_CN.UTF-8", "zh-Hans",
 * "en-GB"), or null when it speaks none close to it. Every Chinese tag reads Simplified Chinese.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const t = tag.trim().replace(/_/g, '-').replace(/\..*$/, '').toLowerCase();
  if (t === '' || t === 'c' || t === 'posix') return null;
  const exact = LOCALES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const lang = t.split('-')[0];
  if (lang === 'zh') return 'zh-CN';
  if (lang === 'en') return 'en';
  return null;
}

/**
 * The language of the app: the link's `?lang=` when present, else the remembered choice, else the
 * browser's first language that the product speaks, else English.
 */
export function pickLocale(input: { search: string; stored: string | null; languages: readonly string[] }): Locale {
  const fromLink = matchLocale(new URLSearchParams(input.search).get(LOCALE_PARAM));
  if (fromLink) return fromLink;
  const stored = matchLocale(input.stored);
  if (stored) return stored;
  for (const l of input.languages) {
    const m = matchLocale(l);
    if (m) return m;
  }
  return 'en';
}

/** The address with the language in its query (`on`) or without it, fragment kept. */
export function withLocaleParam(href: string, locale: Locale | null): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return href; // Not an absolute address: nothing to add the language to.
  }
  if (locale) u.searchParams.set(LOCALE_PARAM, locale);
  else u.searchParams.delete(LOCALE_PARAM);
  return u.toString();
}
