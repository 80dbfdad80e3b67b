import { describe, expect, it, vi } from 'vitest';
import type { RunResult, Scenario } from '../engine/types';
import { defaultScenario } from '../store/defaults';
import { CACHED_RUNS, createRunStore, type Runner } from './runner';

function countingRunner() {
  const calls: Scenario[] = [];
  const runner: Runner = {
    run: (s) => {
      calls.push(s);
      return Promise.resolve({ trace: [], endMs: s.end * 1000 } as unknown as RunResult);
    },
  };
  return { runner, calls };
}

describe('run store', () => {
  it('runs each scenario object once and keeps the latest result', async () => {
    const { runner, calls } = countingRunner();
    const store = createRunStore(runner);
    const a = defaultScenario();
    const b = { ...a, end: 60 };
    store.request(a);
    expect(store.getState().pending).toBe(true);
    store.request(b);
    store.request(a);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toEqual([a, b]);
    expect(store.getState().scenario).toBe(a);
    expect(store.getState().result?.endMs).toBe(40_000);
    expect(store.getState().pending).toBe(false);
  });

  it('keeps a bounded number of runs', async () => {
    const { runner, calls } = countingRunner();
    const store = createRunStore(runner);
    const first = defaultScenario();
    store.request(first);
    for (let i = 0; i < CACHED_RUNS; i++) store.request({ ...first, end: 41 + i });
    store.request(first);
    expect(calls.filter((s) => s === first)).toHaveLength(2);
  });

  it('reports a failed run', async () => {
    const store = createRunStore({ run: () => Promise.reject(new Error('boom')) });
    store.request(defaultScenario());
    await vi.waitFor(() => expect(store.getState().error).toBe('boom'));
  });
});
