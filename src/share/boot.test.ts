import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { en } from '../i18n/en';
import { shareEn } from '../i18n/share-en';
import { parseScenario } from '../scenario/validate';
import {
  AUTOSAVE_KEY,
  clearAutosave,
  createAutosaver,
  readAutosave,
  type StorageLike,
  saveScenario,
  type Timers,
} from './autosave';
import { toBase64Url } from './base64url';
import { bootScenario } from './boot';
import { canonicalJson } from './canonical';
import { scenarioFragment } from './codec';
import { problemLine } from './describe';
import typical from './fixtures/typical-3-clients.json';
import { browserStorage, hasBootInput } from './storage';
import { createLinkWriter, fullSimulatorUrl, hashHasLink, isEmbed } from './urlsync';

const scenarioOf = (file: unknown): Scenario => {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const linked = scenarioOf(typical);
const saved = scenarioOf({ ...typical, title: 'autosaved' });
const fallback = scenarioOf({
  format: 'mqtt-will-lab/scenario',
  version: 1,
  title: 'default',
  clients: [],
  steps: [],
  end: 10,
});

function memoryStorage(init: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
const throwing: StorageLike = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

/** Timers driven by hand: the test decides when time passes. */
function manualTimers(): Timers & { tick(ms: number): void } {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void pending.delete(h as number),
    tick(ms) {
      now += ms;
      for (const [k, p] of [...pending].sort((a, b) => a[1].at - b[1].at))
        if (p.at <= now) {
          pending.delete(k);
          p.fn();
        }
    },
  };
}

describe('what the app opens at startup', () => {
  const storage = () => memoryStorage({ [AUTOSAVE_KEY]: canonicalJson(saved) });

  it('opens the link in the URL', () => {
    const r = bootScenario({ hash: `#${scenarioFragment(linked)}`, storage: storage(), fallback }, shareEn, en);
    expect(r).toMatchObject({ source: 'link', linkError: null, message: null });
    expect(r.scenario).toEqual(linked);
  });

  it('opens the autosaved scenario when there is no link', () => {
    for (const hash of ['', '#', '#lesson=3']) {
      const r = bootScenario({ hash, storage: storage(), fallback }, shareEn, en);
      expect(r.source).toBe('autosave');
      expect(r.scenario.title).toBe('autosaved');
      expect(r.message).toBeNull();
    }
  });

  it('knows without loading the decoders whether there is anything to boot from', () => {
    expect(hasBootInput('', memoryStorage())).toBe(false);
    expect(hasBootInput('#', null)).toBe(false);
    expect(hasBootInput('#s=v1.x', null)).toBe(true);
    expect(hasBootInput('', storage())).toBe(true);
    expect(hasBootInput('', throwing)).toBe(false);
    expect(browserStorage()).toBeNull(); // no localStorage in the node test environment
  });

  it('opens the default when nothing is saved, or storage is out of reach', () => {
    expect(bootScenario({ hash: '', storage: memoryStorage(), fallback }, shareEn, en).scenario).toBe(fallback);
    expect(bootScenario({ hash: '', storage: null, fallback: () => fallback }, shareEn, en).source).toBe('default');
    expect(bootScenario({ hash: '', storage: throwing, fallback }, shareEn, en).source).toBe('default');
  });

  it('falls back to the autosave on a bad link and says what was wrong', () => {
    const fragment = `#${scenarioFragment(linked)}`;
    const r = bootScenario({ hash: fragment.slice(0, 40), storage: storage(), fallback }, shareEn, en);
    expect(r.source).toBe('autosave');
    expect(r.linkError?.code).toBe('truncated');
    expect(r.message).toBe(
      `${shareEn.link.headline} ${shareEn.link.error.truncated({})} ${shareEn.link.fellBackToAutosave}`,
    );
  });

  it('falls back to the default on a bad link with nothing saved, and lists scenario problems', () => {
    const { format: _f, ...rest } = { ...typical, end: -1 };
    const hash = `#s=v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(rest)), { level: 9 }))}`;
    const r = bootScenario({ hash, storage: null, fallback }, shareEn, en);
    expect(r.source).toBe('default');
    expect(r.scenario).toBe(fallback);
    expect(r.message).toBe(
      `${shareEn.link.headline} ${shareEn.link.error.invalidScenario({})} ${shareEn.link.fellBackToDefault}`,
    );
    expect(r.details).toEqual(['end: must be at least 0']);
    // For a notice that lists the problems between the reason and the outcome.
    expect(r.summary).toBe(`${shareEn.link.headline} ${shareEn.link.error.invalidScenario({})}`);
    expect(r.outcome).toBe(shareEn.link.fellBackToDefault);
    expect(bootScenario({ hash: '#s=v9.abc', storage: null, fallback }, shareEn, en).message).toContain(
      'format version 9',
    );
  });

  it('sets aside a corrupt autosave and says so', () => {
    for (const junk of ['{', 'null', '[]', '{"format":"mqtt-will-lab/scenario","version":1}', 'x'.repeat(3_000_000)]) {
      const r = bootScenario({ hash: '', storage: memoryStorage({ [AUTOSAVE_KEY]: junk }), fallback }, shareEn, en);
      expect(r.source).toBe('default');
      expect(r.autosaveUnreadable).toBe(true);
      expect(r.message).toBe(shareEn.link.autosaveUnreadable);
      expect(r).toMatchObject({ summary: null, outcome: shareEn.link.autosaveUnreadable });
    }
  });

  it('never throws, whatever the hash and the stored text', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (hash, stored) => {
        const st = memoryStorage(stored === undefined ? {} : { [AUTOSAVE_KEY]: stored });
        const r = bootScenario({ hash: `#${hash}`, storage: st, fallback }, shareEn, en);
        expect(r.scenario).toBeDefined();
        expect(['link', 'autosave', 'default']).toContain(r.source);
      }),
      { numRuns: 300 },
    );
  });
});

describe('autosave', () => {
  it('saves a canonical scenario file and reads it back', () => {
    const st = memoryStorage();
    expect(saveScenario(st, linked)).toBe(true);
    expect(JSON.parse(st.data.get(AUTOSAVE_KEY) ?? '')).toMatchObject({ format: 'mqtt-will-lab/scenario', version: 1 });
    expect(readAutosave(st)).toEqual({ status: 'ok', scenario: linked });
    clearAutosave(st);
    expect(readAutosave(st)).toEqual({ status: 'none' });
  });

  it('survives a browser that refuses storage', () => {
    expect(saveScenario(throwing, linked)).toBe(false);
    expect(readAutosave(throwing)).toEqual({ status: 'none' });
    expect(() => clearAutosave(throwing)).not.toThrow();
  });

  it('reports what is wrong with a stored scenario that no longer validates', () => {
    const r = readAutosave(memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify({ ...typical, end: 'soon' }) }));
    expect(r.status === 'unreadable' && r.problems.map((p) => problemLine(p, en))).toEqual([
      'end: must be a number, not "soon"',
    ]);
  });

  it('writes once after the edits settle, and on flush', () => {
    const st = memoryStorage();
    const timers = manualTimers();
    const saver = createAutosaver(st, 500, timers);
    saver.schedule(fallback);
    timers.tick(300);
    saver.schedule(linked);
    timers.tick(300);
    expect(st.data.size).toBe(0);
    timers.tick(200);
    expect(readAutosave(st)).toEqual({ status: 'ok', scenario: linked });
    saver.schedule(saved);
    saver.flush();
    expect(readAutosave(st)).toMatchObject({ status: 'ok', scenario: { title: 'autosaved' } });
  });
});

describe('the URL follows the scenario', () => {
  it('replaces the fragment once edits settle, and not again for the same scenario', () => {
    const writes: string[] = [];
    const timers = manualTimers();
    const w = createLinkWriter((h) => writes.push(h), 250, timers);
    w.schedule(fallback);
    w.schedule(linked);
    timers.tick(250);
    expect(writes).toEqual([`#${scenarioFragment(linked)}`]);
    expect(w.isEcho(`#${scenarioFragment(linked)}`)).toBe(true);
    w.schedule(scenarioOf(typical));
    timers.tick(250);
    expect(writes).toHaveLength(1);
  });

  it('adopts a fragment the person navigated to: the pending write is dropped and the fragment is no longer new', () => {
    const writes: string[] = [];
    const timers = manualTimers();
    const w = createLinkWriter((h) => writes.push(h), 250, timers);
    w.schedule(fallback);
    timers.tick(250);
    const back = `#${scenarioFragment(linked)}`;
    expect(w.isEcho(back)).toBe(false);
    // Back: the app opens the entry's scenario, which schedules a write; the entry already holds it.
    w.schedule(linked);
    w.adopt(back);
    timers.tick(250);
    expect(writes).toEqual([`#${scenarioFragment(fallback)}`]);
    expect(w.isEcho(back)).toBe(true);
    // Forward again: that fragment is new, and the next edit is written.
    expect(w.isEcho(`#${scenarioFragment(fallback)}`)).toBe(false);
    const edited = { ...linked, title: 'edited after Back' };
    w.schedule(edited);
    timers.tick(250);
    expect(writes).toEqual([`#${scenarioFragment(fallback)}`, `#${scenarioFragment(edited)}`]);
  });

  it('tells a link fragment from other fragments', () => {
    expect(hashHasLink(`#${scenarioFragment(linked)}`)).toBe(true);
    expect(hashHasLink('#v1.abc')).toBe(true);
    expect(hashHasLink('#garbage')).toBe(true);
    expect(hashHasLink('')).toBe(false);
    expect(hashHasLink('#lesson=2')).toBe(false);
  });

  it('reads the embed flag and links back to the full simulator', () => {
    expect(isEmbed('?embed')).toBe(true);
    expect(isEmbed('?embed=1&x=2')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
    expect(fullSimulatorUrl('https://h/app/?embed=1&x=2#s=v1.abc')).toBe('https://h/app/?x=2#s=v1.abc');
  });
});
