import { describe, expect, it } from 'vitest';
import { takeLocale } from '../cli/lang';
import { matchLocale, pickLocale, withLocaleParam } from './locale';
import { LOCALES, loadAllMessages, loadedMessages, loadMessages } from './messages';

/** Every path to a leaf of a catalog (a string, a number or a function), with the leaf's kind. */
function leaves(x: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    for (const [k, v] of Object.entries(x)) for (const [p, kind] of leaves(v, `${path}.${k}`)) out.set(p, kind);
  } else if (Array.isArray(x)) {
    out.set(path, `array of ${x.length}`);
  } else out.set(path, typeof x);
  return out;
}

describe('the catalogs of every language', () => {
  it('have the same keys, each of the same kind, in English and Simplified Chinese', async () => {
    const [en, zh] = await Promise.all([loadAllMessages('en'), loadAllMessages('zh-CN')]);
    const a = leaves(en);
    const b = leaves(zh);
    const missing = [...a.keys()].filter((k) => !b.has(k));
    const extra = [...b.keys()].filter((k) => !a.has(k));
    const kinds = [...a].filter(([k, kind]) => b.has(k) && b.get(k) !== kind).map(([k]) => k);
    expect({ missing, extra, kinds }).toEqual({ missing: [], extra: [], kinds: [] });
    expect(a.size).toBeGreaterThan(800);
  });

  it('say which language they are', async () => {
    const zh = await loadAllMessages('zh-CN');
    expect([zh.engine.locale, zh.ui.locale, zh.share.locale, zh.explorer.locale, zh.lessons.locale]).toEqual(
      Array(5).fill('zh-CN'),
    );
  });

  it('translate every plain string of the Chinese edition (no English sentence copied over)', async () => {
    const [en, zh] = await Promise.all([loadAllMessages('en'), loadAllMessages('zh-CN')]);
    const a = new Map<string, unknown>();
    const collect = (x: unknown, p: string, into: Map<string, unknown>) => {
      if (typeof x === 'string') into.set(p, x);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) collect(v, `${p}.${k}`, into);
    };
    collect(en, '', a);
    const b = new Map<string, unknown>();
    collect(zh, '', b);
    // A sentence of three English words or more, identical in both: left untranslated.
    // Usage lines are commands to type: the same in every language.
    const same = [...a]
      .filter(([k, v]) => b.get(k) === v && /[A-Za-z]+ [a-z]+ [a-z]+/.test(String(v)) && !/\.usage\.\d+$/.test(k))
      .map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('load once: a loaded part is then read at once', async () => {
    expect(loadedMessages('en', 'ui')?.locale).toBe('en');
    const p = loadMessages('zh-CN', 'ui');
    expect(loadMessages('zh-CN', 'ui')).toBe(p);
    await p;
    expect(loadedMessages('zh-CN', 'ui')?.app.language).toBe('语言');
  });
});

describe('choosing the language', () => {
  it('reads BCP 47 tags and POSIX locales; every Chinese tag reads Simplified Chinese', () => {
    expect(matchLocale('zh-CN')).toBe('zh-CN');
    expect(matchLocale('zh_CN.UTF-8')).toBe('zh-CN');
    expect(matchLocale('zh-Hans')).toBe('zh-CN');
    expect(matchLocale('zh-TW')).toBe('zh-CN');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('C.UTF-8')).toBeNull();
    expect(matchLocale('fr-FR')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });

  it('follows the link, then the remembered choice, then the browser', () => {
    const languages = ['fr-FR', 'zh-CN', 'en'];
    expect(pickLocale({ search: '', stored: null, languages })).toBe('zh-CN');
    expect(pickLocale({ search: '', stored: 'en', languages })).toBe('en');
    expect(pickLocale({ search: '?lang=zh-CN', stored: 'en', languages: [] })).toBe('zh-CN');
    expect(pickLocale({ search: '?lang=xx', stored: null, languages: ['de'] })).toBe('en');
    expect(pickLocale({ search: '?embed=1', stored: 'garbage', languages: ['en-US'] })).toBe('en');
  });

  it('puts the language in a link only when asked, keeping the scenario fragment', () => {
    expect(withLocaleParam('https://lab.test/?lang=zh-CN#s=v1.x', null)).toBe('https://lab.test/#s=v1.x');
    expect(withLocaleParam('https://lab.test/?embed=1#s=v1.x', 'zh-CN')).toBe(
      'https://lab.test/?embed=1&lang=zh-CN#s=v1.x',
    );
    expect(withLocaleParam('not a url', 'zh-CN')).toBe('not a url');
  });

  it('gives every CLI the same --lang flag, else LC_ALL, LC_MESSAGES, LANG', () => {
    expect(takeLocale(['a.json', '--lang', 'zh-CN', '--json'], {})).toEqual({
      locale: 'zh-CN',
      argv: ['a.json', '--json'],
    });
    expect(takeLocale(['--lang=en'], { LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'en', argv: [] });
    expect(takeLocale([], { LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'zh-CN', argv: [] });
    expect(takeLocale([], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'en', argv: [] });
    expect(takeLocale([], {})).toEqual({ locale: 'en', argv: [] });
    expect(takeLocale(['--lang', 'klingon', 'a.json'], {})).toEqual({ unknown: 'klingon', argv: ['a.json'] });
    expect(takeLocale(['x', '--', '--lang', 'zh-CN'], {})).toEqual({
      locale: 'en',
      argv: ['x', '--', '--lang', 'zh-CN'],
    });
    expect(LOCALES).toEqual(['en', 'zh-CN']);
  });
});
