import type { RunResult, Scenario } from '../engine/types';
import { type Runner, type RunProblem, RunProblemError, shorterEnd } from './runner';

export interface RunRequest {
  type: 'simulate';
  id: number;
  scenario: Scenario;
}
export type RunResponse =
  | { id: number; ok: true; result: RunResult }
  | { id: number; ok: false; error: string }
  | { id: number; ok: false; problem: RunProblem };

/** Longest a run may take in the worker before it is stopped and the page says so (ms). */
export const TIME_BOX_MS = 30_000;

export interface WorkerRunnerOptions {
  makeWorker?: () => Worker;
  timeBoxMs?: number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

const appWorker = () =>
  new Worker(new URL('../workers/app.worker.ts', import.meta.url), { type: 'module', name: 'simulator' });

/**
 * The app's runner: one module Worker; requests are answered in order. A run is time-boxed: past
 * `timeBoxMs` the worker is stopped (the engine is synchronous, so stopping is terminating) and the
 * run rejects with a `timedOut` problem; `cancel()` does the same at once. A fresh worker serves the
 * next run.
 */
export function createWorkerRunner(o: WorkerRunnerOptions = {}): Runner {
  const make = o.makeWorker ?? appWorker;
  const timeBox = o.timeBoxMs ?? TIME_BOX_MS;
  const setTimer = o.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = o.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  interface Waiting {
    scenario: Scenario;
    resolve: (r: RunResult) => void;
    reject: (e: Error) => void;
  }
  const waiting = new Map<number, Waiting>();
  let worker: Worker | null = null;
  let timer: unknown = null;
  let next = 0;

  const arm = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (waiting.size > 0) timer = setTimer(() => stop('timedOut'), timeBox);
  };
  /** Terminates the worker and rejects every run in it with the problem. */
  const stop = (kind: 'timedOut' | 'cancelled') => {
    worker?.terminate();
    worker = null;
    for (const w of waiting.values()) {
      const suggestedEnd = shorterEnd(w.scenario.end, null);
      w.reject(
        new RunProblemError(
          kind === 'timedOut' ? { kind, afterMs: timeBox, suggestedEnd } : { kind: 'cancelled', suggestedEnd },
        ),
      );
    }
    waiting.clear();
    arm();
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = make();
    w.onmessage = (e: MessageEvent<RunResponse>) => {
      const d = e.data;
      const p = waiting.get(d.id);
      if (!p) return;
      waiting.delete(d.id);
      arm();
      if (d.ok) p.resolve(d.result);
      else if ('problem' in d) p.reject(new RunProblemError(d.problem));
      else p.reject(new Error(d.error));
    };
    w.onerror = (e) => {
      for (const p of waiting.values()) p.reject(new Error(e.message || 'the simulator worker failed'));
      waiting.clear();
      worker?.terminate();
      worker = null;
      arm();
    };
    worker = w;
    return w;
  };
  return {
    run(scenario) {
      const id = ++next;
      return new Promise<RunResult>((resolve, reject) => {
        waiting.set(id, { scenario, resolve, reject });
        arm();
        ensure().postMessage({ type: 'simulate', id, scenario } satisfies RunRequest);
      });
    },
    cancel() {
      if (waiting.size > 0) stop('cancelled');
    },
  };
}
