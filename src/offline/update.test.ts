import { beforeEach, describe, expect, it } from 'vitest';
import { type Container, type Registration, registerServiceWorker, updateStore } from './update';

/** A service worker container with one registration, driven by the test. */
function fakes(o: { controlled: boolean; waiting?: boolean }) {
  const posted: unknown[] = [];
  const on: Record<string, (() => void)[]> = {};
  const installing = {
    state: 'installing',
    postMessage: (m: unknown) => posted.push(m),
    addEventListener: (t: string, l: () => void) => {
      on[`worker:${t}`] = [...(on[`worker:${t}`] ?? []), l];
    },
  };
  const reg: { -readonly [K in keyof Registration]: Registration[K] } = {
    waiting: o.waiting ? installing : null,
    installing: null,
    addEventListener: (t, l) => {
      on[`reg:${t}`] = [...(on[`reg:${t}`] ?? []), l];
    },
  };
  const container: Container = {
    controller: o.controlled ? {} : null,
    register: async () => reg as Registration,
    addEventListener: (t, l) => {
      on[`container:${t}`] = [...(on[`container:${t}`] ?? []), l];
    },
  };
  const fire = (k: string) => {
    for (const l of on[k] ?? []) l();
  };
  /** A new version is found, installs and waits. */
  const newVersion = () => {
    reg.installing = installing;
    fire('reg:updatefound');
    installing.state = 'installed';
    reg.waiting = installing;
    reg.installing = null;
    fire('worker:statechange');
  };
  return { container, posted, fire, newVersion };
}

beforeEach(() => updateStore.setState({ available: false, apply: () => {} }));

describe('updates of the offline copy', () => {
  it('says nothing on a first install (nothing controlled the page before)', async () => {
    const f = fakes({ controlled: false });
    await registerServiceWorker(f.container, () => {});
    f.newVersion();
    expect(updateStore.getState().available).toBe(false);
  });

  it('announces a new version and swaps nothing until asked; then takes over and reloads once', async () => {
    const f = fakes({ controlled: true });
    let reloads = 0;
    await registerServiceWorker(f.container, () => reloads++);
    expect(updateStore.getState().available).toBe(false);
    f.newVersion();
    expect(updateStore.getState().available).toBe(true);
    expect(f.posted).toEqual([]);
    expect(reloads).toBe(0);

    updateStore.getState().apply();
    expect(f.posted).toEqual(['skip-waiting']);
    expect(reloads).toBe(0);
    f.fire('container:controllerchange');
    f.fire('container:controllerchange');
    expect(reloads).toBe(1);
  });

  it('announces a version that was already waiting when the page opened', async () => {
    const f = fakes({ controlled: true, waiting: true });
    await registerServiceWorker(f.container, () => {});
    expect(updateStore.getState().available).toBe(true);
  });
});
