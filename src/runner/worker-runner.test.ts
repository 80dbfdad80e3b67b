import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../store/defaults';
import { handleRunRequest } from './engine-core';
import { RunProblemError } from './runner';
import { createWorkerRunner, type RunRequest, type RunResponse } from './worker-runner';

/** A stand-in for the app worker: answers through the real core, or never (`silent`). */
class FakeWorker {
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly silent: boolean) {}
  postMessage(m: RunRequest) {
    if (this.silent) return;
    queueMicrotask(() => handleRunRequest(m, (r) => this.onmessage?.({ data: r } as MessageEvent<RunResponse>)));
  }
  terminate() {
    this.terminated = true;
  }
}

function setup(silent: boolean) {
  const made: FakeWorker[] = [];
  const timers: (() => void)[] = [];
  const runner = createWorkerRunner({
    makeWorker: () => {
      const w = new FakeWorker(silent && made.length === 0);
      made.push(w);
      return w as unknown as Worker;
    },
    timeBoxMs: 30_000,
    setTimer: (f) => timers.push(f),
    clearTimer: () => {},
  });
  return { runner, made, timers };
}

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof RunProblemError) return e.problem;
    throw e;
  }
  throw new Error('the run did not fail');
};

describe('the worker runner', () => {
  it('returns the run', async () => {
    const { runner } = setup(false);
    expect((await runner.run(defaultScenario())).endMs).toBe(defaultScenario().end * 1000);
  });

  it('stops a run that outlasts its time box, says so, and serves the next run with a fresh worker', async () => {
    const { runner, made, timers } = setup(true);
    const run = runner.run(defaultScenario());
    timers.at(-1)?.();
    expect(await problemOf(run)).toEqual({ kind: 'timedOut', afterMs: 30_000, suggestedEnd: 20 });
    expect(made[0]?.terminated).toBe(true);
    expect((await runner.run(defaultScenario())).endMs).toBe(40_000);
    expect(made).toHaveLength(2);
  });

  it('cancels the run in progress', async () => {
    const { runner, made } = setup(true);
    const run = runner.run(defaultScenario());
    runner.cancel?.();
    expect((await problemOf(run)).kind).toBe('cancelled');
    expect(made[0]?.terminated).toBe(true);
  });
});
