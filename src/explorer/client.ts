import { type Axes, type CellSpec, enumerateCells, normalizeAxes } from './axes';
import type { CellOutcome } from './cell';
import type { FromWorker, ToWorker } from './protocol';

/**
 * How the page fills the matrix: a {@link MatrixRunner} runs the cells of some axes and streams
 * their outcomes. `createWorkerRunner` computes them in Web Workers (off the main thread);
 * `createInProcessRunner` (./inprocess.ts) computes them on the calling thread in slices, for
 * tests and the CLI-side tools. Both report the same outcomes in the same order.
 */

export interface RunHandlers {
  /** Outcomes of cells `from`, `from + 1`, ... (in matrix order). */
  onCells?: (from: number, outcomes: CellOutcome[]) => void;
}

export interface RunSummary {
  status: 'done' | 'cancelled';
  /** Cells computed (all of them when done). */
  computed: number;
  total: number;
  /** Wall-clock ms from the request to the last cell, on the calling thread. */
  ms: number;
}

export interface MatrixRun {
  readonly cells: readonly CellSpec[];
  /** Resolves when the run is done or cancelled; rejects if the computation failed. */
  readonly promise: Promise<RunSummary>;
  /** Stops the run; the promise resolves at once with status "cancelled". */
  cancel(): void;
}

export interface MatrixRunner {
  readonly kind: 'worker' | 'in-process';
  run(axes: Axes, handlers?: RunHandlers): MatrixRun;
  dispose(): void;
}

export const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface Pending {
  handlers: RunHandlers;
  computed: number;
  total: number;
  /** Workers still computing their share. */
  shares: number;
  t0: number;
  resolve: (s: RunSummary) => void;
  reject: (e: Error) => void;
}

export function defaultWorker(): Worker {
  return new Worker(new URL('../workers/app.worker.ts', import.meta.url), { type: 'module', name: 'matrix' });
}

/** The error of a run when no Web Worker can be created (the view words it). */
export const NO_WORKER = 'no-worker';

/** Below this many cells per worker, fewer workers are used (starting one costs more). */
const MIN_SHARE = 200;

/**
 * Runs the matrix in Web Workers (`count`, default 1): each computes a contiguous share of the
 * cells. They are created on the first run and kept for the next ones; if none can be created the
 * run fails with {@link NO_WORKER}. One worker is the default: on this 2-core machine two were
 * slower (each warms up its own engine, and the page needs a core to draw).
 */
export function createWorkerRunner(makeWorker: () => Worker = defaultWorker, now = clock, count = 1): MatrixRunner {
  let pool: Worker[] = [];
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };

  const stop = (runId: number) => {
    const msg: ToWorker = { type: 'cancel', runId };
    for (const w of pool) w.postMessage(msg);
  };

  const onMessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    const p = pending.get(m.runId);
    if (!p) return; // a cancelled or superseded run
    switch (m.type) {
      case 'cells':
        p.computed += m.outcomes.length;
        p.handlers.onCells?.(m.from, m.outcomes);
        break;
      case 'done':
        if (--p.shares > 0) break;
        pending.delete(m.runId);
        p.resolve({ status: 'done', computed: p.computed, total: p.total, ms: now() - p.t0 });
        break;
      case 'cancelled':
        pending.delete(m.runId);
        stop(m.runId);
        p.resolve({ status: 'cancelled', computed: p.computed, total: p.total, ms: now() - p.t0 });
        break;
      case 'error':
        pending.delete(m.runId);
        stop(m.runId);
        p.reject(new Error(m.message));
        break;
    }
  };

  const ensure = (): boolean => {
    if (pool.length > 0) return true;
    try {
      for (let k = 0; k < count; k++) pool.push(makeWorker());
    } catch {
      for (const w of pool) w.terminate();
      pool = [];
      return false;
    }
    for (const w of pool) {
      w.onmessage = onMessage;
      w.onerror = (e) => {
        e.preventDefault?.();
        failAll(e.message || 'the worker failed');
        for (const x of pool) x.terminate();
        pool = [];
      };
    }
    return true;
  };

  return {
    kind: 'worker',
    run(axes, handlers = {}) {
      if (!ensure()) {
        // No in-process fallback in the page: it would put the engine on the main thread (and,
        // through shared modules, into the first load). Every target browser has module workers.
        const cells = enumerateCells(normalizeAxes(axes));
        return { cells, promise: Promise.reject(new Error(NO_WORKER)), cancel() {} };
      }
      const norm = normalizeAxes(axes);
      const cells = enumerateCells(norm);
      const n = cells.length;
      const shares = Math.max(1, Math.min(pool.length, Math.floor(n / MIN_SHARE)));
      const runId = nextId++;
      const promise = new Promise<RunSummary>((resolve, reject) => {
        pending.set(runId, { handlers, computed: 0, total: n, shares, t0: now(), resolve, reject });
      });
      for (let k = 0; k < shares; k++) {
        const msg: ToWorker = {
          type: 'run',
          runId,
          axes: norm,
          from: Math.floor((k * n) / shares),
          to: Math.floor(((k + 1) * n) / shares),
        };
        pool[k]?.postMessage(msg);
      }
      return {
        cells,
        promise,
        cancel() {
          const p = pending.get(runId);
          if (!p) return;
          pending.delete(runId);
          stop(runId);
          p.resolve({ status: 'cancelled', computed: p.computed, total: p.total, ms: now() - p.t0 });
        },
      };
    },
    dispose() {
      failAll('the runner was disposed');
      for (const w of pool) w.terminate();
      pool = [];
    },
  };
}

/** The page's runner: Web Workers (tests pass `createInProcessRunner()` from ./inprocess instead). */
export function createDefaultRunner(): MatrixRunner {
  return createWorkerRunner();
}
