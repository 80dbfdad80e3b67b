import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shareEn } from '../i18n/share-en';
import { AUTOSAVE_KEY } from '../share/autosave';
import { decodeLink, scenarioFragment } from '../share/codec';
import { SET_ASIDE_PREFIX } from '../share/storage';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { viewStore } from '../store/view';
import { loadScenario, resetScenario, startSync } from './sync';

/** The URL and the autosave follow the store (src/app/sync.ts), in happy-dom's window. */

const titleInUrl = () => {
  const r = decodeLink(location.hash);
  return r.ok ? r.scenario.title : `(${r.error.code})`;
};
const hashChanged = (hash: string) => {
  history.replaceState(null, '', hash);
  window.dispatchEvent(new Event('hashchange'));
};

beforeAll(() => {
  vi.useFakeTimers();
  localStorage.clear();
  history.replaceState(null, '', '/');
  startSync({ embed: false, storage: localStorage });
});

afterAll(() => {
  vi.useRealTimers();
});

describe('the URL and the autosave follow the scenario', () => {
  it('writes the fragment and the autosave once edits settle, replacing the history entry', () => {
    const entries = history.length;
    scenarioStore.getState().titleChanged('first edit');
    scenarioStore.getState().titleChanged('second edit');
    expect(location.hash).toBe('');
    vi.advanceTimersByTime(600);
    expect(titleInUrl()).toBe('second edit');
    expect(history.length).toBe(entries);
    expect(localStorage.getItem(AUTOSAVE_KEY)).toContain('"title":"second edit"');
  });

  it('gives a deliberate load its own history entry and starts it from the beginning', () => {
    viewStore.getState().playheadMoved(12_000);
    const entries = history.length;
    loadScenario({ ...defaultScenario(), title: 'imported' });
    expect(history.length).toBe(entries + 1);
    expect(titleInUrl()).toBe('imported');
    expect(viewStore.getState().playhead).toBe(0);
    // A lesson switching between its own runs: no new entry.
    loadScenario({ ...defaultScenario(), title: 'lesson run b' }, { newEntry: false });
    vi.advanceTimersByTime(600);
    expect(history.length).toBe(entries + 1);
    expect(titleInUrl()).toBe('lesson run b');
  });

  it('opens a link pasted into the address bar, and reports a bad one while the scenario stays', () => {
    const before = location.hash;
    hashChanged(`#${scenarioFragment({ ...defaultScenario(), title: 'pasted' })}`);
    expect(scenarioStore.getState().scenario.title).toBe('pasted');
    // Back and Forward at once, before any write settles: each entry opens its scenario.
    hashChanged(before);
    expect(scenarioStore.getState().scenario.title).toBe('lesson run b');
    hashChanged(`#${scenarioFragment({ ...defaultScenario(), title: 'pasted' })}`);
    expect(scenarioStore.getState().scenario.title).toBe('pasted');
    // The entry holds the pasted link: no write of the scenario shown before lands on it.
    vi.advanceTimersByTime(600);
    expect(titleInUrl()).toBe('pasted');

    hashChanged('#s=v1.AAAA');
    expect(scenarioStore.getState().scenario.title).toBe('pasted');
    const notice = noticeStore.getState().notice;
    expect(notice?.message).toMatch(/^This link could not be opened\. /);
    expect(notice?.outcome).toBe('The scenario you had open stays open.');

    // Fragments that are not links (another feature's) are left alone, and so is our own.
    hashChanged('#lesson=3');
    expect(scenarioStore.getState().scenario.title).toBe('pasted');
  });

  it('Reset opens the default and clears the autosave until the next edit', () => {
    scenarioStore.getState().titleChanged('worth keeping');
    vi.advanceTimersByTime(600);
    expect(localStorage.getItem(AUTOSAVE_KEY)).toContain('worth keeping');
    resetScenario();
    vi.advanceTimersByTime(600);
    expect(scenarioStore.getState().scenario.title).toBe(defaultScenario().title);
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(noticeStore.getState().notice).toBeNull();
    scenarioStore.getState().undone();
    vi.advanceTimersByTime(600);
    expect(localStorage.getItem(AUTOSAVE_KEY)).toContain('worth keeping');
  });

  it('saves at once when the page is hidden', () => {
    scenarioStore.getState().titleChanged('closing the tab');
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(AUTOSAVE_KEY)).toContain('closing the tab');
    expect(titleInUrl()).toBe('closing the tab');
  });
});

describe('one validation at every entrance, in the app', () => {
  it('an edit the loader would refuse is not made, and the notice says why', () => {
    scenarioStore.getState().titleChanged('kept');
    scenarioStore.getState().clientSettingsChanged('device', { clientId: '__observer__' });
    expect(scenarioStore.getState().scenario.clients[0]?.clientId).not.toBe('__observer__');
    expect(scenarioStore.getState().scenario.title).toBe('kept');
    const notice = noticeStore.getState().notice;
    expect(notice?.message).toBe(shareEn.link.editRefused);
    expect(notice?.details).toEqual(['clients[0].clientId: this Client Identifier is reserved']);
  });

  it('a bad link pasted into the address bar is kept aside and offered as a download', () => {
    hashChanged('#s=v1.BBBB');
    expect(noticeStore.getState().notice?.downloads?.[0]).toMatchObject({ text: '#s=v1.BBBB' });
    const kept = Object.keys(localStorage).filter((k) => k.startsWith(SET_ASIDE_PREFIX));
    expect(kept.map((k) => localStorage.getItem(k))).toContain('#s=v1.BBBB');
  });
});
