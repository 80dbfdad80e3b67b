import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { en } from '../i18n/en';
import { shareEn } from '../i18n/share-en';
import { parseScenario } from '../scenario/validate';
import { AUTOSAVE_KEY, createAutosaver, type StorageLike } from './autosave';
import { bootScenario } from './boot';
import { canonicalJson } from './canonical';
import { decodeLink, MAX_LINK_CHARS, scenarioFragment } from './codec';
import { SET_ASIDE_PREFIX } from './storage';
import { createLinkWriter } from './urlsync';

// Issue 15: a scenario that fails to load keeps the person's work retrievable and says why.

/** A localStorage stand-in with key() and length, like the browser's. */
function storage(init: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
  } as StorageLike & { data: Map<string, string> };
}
const immediate = {
  setTimeout: (fn: () => void) => {
    fn();
    return 0;
  },
  clearTimeout: () => {},
};

const scenario = (over: Record<string, unknown> = {}): Scenario => {
  const r = parseScenario({
    format: 'mqtt-will-lab/scenario',
    version: 1,
    title: 'mine',
    clients: [{ name: 'dev', clientId: 'dev', cleanStart: true, keepAlive: 0 }],
    steps: [{ t: 0, client: 'dev', action: 'connect' }],
    end: 10,
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const fallback = scenario({ title: 'default' });
const setAsides = (st: { data: Map<string, string> }) =>
  [...st.data.entries()].filter(([k]) => k.startsWith(SET_ASIDE_PREFIX)).map(([, v]) => v);

/** Printable noise that deflate cannot shrink much (seeded: the same every run). */
function noise(n: number, seed: number): string {
  let s = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out += String.fromCharCode(0x21 + ((s >>> 8) % 90));
  }
  return out.replace(/[\\"]/g, '_');
}

describe('an autosave that fails to load', () => {
  // Written by an older build that let a 257-character Client Identifier through.
  const old = canonicalJson(scenario()).replace('"clientId":"dev"', `"clientId":"${'i'.repeat(257)}"`);

  it('is kept aside under its own key, downloadable, and the notice says why', () => {
    const st = storage({ [AUTOSAVE_KEY]: old });
    const r = bootScenario({ hash: '', storage: st, fallback }, shareEn, en);
    expect(r.source).toBe('default');
    expect(setAsides(st)).toEqual([old]);
    expect(r.downloads).toEqual([
      { label: shareEn.link.downloadSetAside('autosave'), filename: expect.stringMatching(/\.json$/), text: old },
    ]);
    expect(r.details).toEqual(['Autosave: clients[0].clientId: is 257 bytes in UTF-8; at most 256 bytes are accepted']);
  });

  it('is never overwritten by the next edit, nor set aside twice by a reload', () => {
    const st = storage({ [AUTOSAVE_KEY]: old });
    bootScenario({ hash: '', storage: st, fallback }, shareEn, en);
    bootScenario({ hash: '', storage: st, fallback }, shareEn, en);
    const saver = createAutosaver(st, 0, immediate);
    saver.schedule(scenario({ title: 'next edit' }));
    expect(st.data.get(AUTOSAVE_KEY)).toContain('next edit');
    expect(setAsides(st)).toEqual([old]);
  });
});

describe('a link that fails to load', () => {
  it('is kept aside and downloadable; the autosave opens', () => {
    const st = storage({ [AUTOSAVE_KEY]: canonicalJson(scenario({ title: 'saved' })) });
    const r = bootScenario({ hash: '#s=v1.AAAA', storage: st, fallback }, shareEn, en);
    expect(r.source).toBe('autosave');
    expect(setAsides(st)).toEqual(['#s=v1.AAAA']);
    expect(r.downloads.map((d) => d.label)).toEqual([shareEn.link.downloadSetAside('link')]);
  });
});

describe('long links', () => {
  it('a link between 200 KB and 2 MB opens on reload', () => {
    const clients = Array.from({ length: 30 }, (_, i) => ({
      name: `c${i}`,
      clientId: `c${i}`,
      cleanStart: true,
      keepAlive: 0,
      will: { topic: `w/${i}`, payload: noise(16_000, i + 1), qos: 0, retain: false },
    }));
    const sc = scenario({ clients, steps: [] });
    const hash = `#${scenarioFragment(sc)}`;
    expect(hash.length).toBeGreaterThan(200_000);
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    const r = decodeLink(hash);
    expect(r.ok && r.scenario).toEqual(sc);
  });

  it('a link longer than an address keeps is not written (no stale link reopens) and the app is told', () => {
    // 118 payloads of 16,000 bytes of noise: a valid 1.9 MB scenario whose link is over 2 million characters.
    const clients = Array.from({ length: 50 }, (_, i) => ({
      name: `c${i}`,
      clientId: `c${i}`,
      cleanStart: true,
      keepAlive: 0,
      will: { topic: `w/${i}`, payload: noise(16_000, i + 1), qos: 0, retain: false },
    }));
    const steps = Array.from({ length: 68 }, (_, i) => ({
      t: 1,
      client: 'c0',
      action: 'publish',
      topic: 'p',
      payload: noise(16_000, 100 + i),
      qos: 0,
      retain: false,
    }));
    const big = scenario({ clients, steps });
    const written: string[] = [];
    const tooLong: number[] = [];
    const writer = createLinkWriter(
      (h) => written.push(h),
      0,
      immediate,
      (chars) => tooLong.push(chars),
    );
    writer.schedule(scenario({ title: 'small' }));
    writer.schedule(big);
    writer.schedule({ ...big, title: 'still big' });
    expect(written).toHaveLength(2);
    expect(written[1]).toBe('');
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]).toBeGreaterThan(MAX_LINK_CHARS);
    expect(shareEn.link.linkTooLongForUrl(tooLong[0] ?? 0, MAX_LINK_CHARS)).toContain('autosaved');
  });
});
