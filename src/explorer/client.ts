import { type Axes, type CellSpec, enumerateCells, normalizeAxes } from './axes';
import type { CellOutcome } from './cell';
import { fillCells } from './matrix';
import type { FromWorker, ToWorker } from './protocol';

/**
 * How the page fills the matrix: a {@link MatrixRunner} runs the cells of some axes and streams
 * their outcomes. `createWorkerRunner` computes them in Web Workers (off the main thread);
 * `createInProcessRunner` computes them on the calling thread in slices (tests, or where workers
 * are not available). Both report the same outcomes in the same order.
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

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

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
  return new Worker(new URL('./matrix.worker.ts', import.meta.url), { type: 'module', name: 'matrix' });
}

/** Below this many cells per worker, fewer workers are used (starting one costs more). */
const MIN_SHARE = 200;

/**
 * Runs the matrix in Web Workers (`count`, default 1): each computes a contiguous share of the
 * cells. They are created on the first run and kept for the next ones. Falls back to the
 * in-process runner if a worker cannot be created. One worker is the default: on this 2-core
 * machine two were slower (each warms up its own engine, and the page needs a core to draw).
 */
export function createWorkerRunner(makeWorker: () => Worker = defaultWorker, now = clock, count = 1): MatrixRunner {
  let pool: Worker[] = [];
  let fallback: MatrixRunner | null = null;
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
        fallback ??= createInProcessRunner();
        return fallback.run(axes, handlers);
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
      fallback?.dispose();
    },
  };
}

export interface InProcessOptions {
  /** Longest stretch of computing before yielding (ms). */
  sliceMs?: number;
  /** At most this many cells per slice. */
  maxChunk?: number;
  /** How to yield between slices (default: a macrotask). */
  yieldNow?: () => Promise<void>;
  now?: () => number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs the matrix on the calling thread, in slices, with the same protocol as the worker. */
export function createInProcessRunner(o: InProcessOptions = {}): MatrixRunner {
  const now = o.now ?? clock;
  const live = new Set<() => void>();
  return {
    kind: 'in-process',
    run(axes, handlers = {}) {
      const cells = enumerateCells(normalizeAxes(axes));
      const t0 = now();
      let stopped = false;
      let computed = 0;
      let resolveCancel: ((s: RunSummary) => void) | null = null;
      const cancel = () => {
        if (stopped) return;
        stopped = true;
        live.delete(cancel);
        resolveCancel?.({ status: 'cancelled', computed, total: cells.length, ms: now() - t0 });
      };
      live.add(cancel);
      const cancelled = new Promise<RunSummary>((resolve) => {
        resolveCancel = resolve;
      });
      const work = (async (): Promise<RunSummary> => {
        await Promise.resolve(); // start after the caller has the run (like a worker would)
        const n = await fillCells(cells, {
          sliceMs: o.sliceMs ?? 30,
          maxChunk: o.maxChunk ?? cells.length,
          now,
          yieldNow: o.yieldNow ?? macrotask,
          isCancelled: () => stopped,
          onChunk: (from, outcomes) => {
            if (stopped) return;
            computed = from + outcomes.length;
            handlers.onCells?.(from, outcomes);
          },
        });
        live.delete(cancel);
        return {
          status: n < cells.length || stopped ? 'cancelled' : 'done',
          computed: n,
          total: cells.length,
          ms: now() - t0,
        };
      })();
      return { cells, promise: Promise.race([cancelled, work]), cancel };
    },
    dispose() {
      for (const c of [...live]) c();
    },
  };
}

/** A worker where the platform has them, else in-process. */
export function createDefaultRunner(): MatrixRunner {
  return typeof Worker === 'function' ? createWorkerRunner() : createInProcessRunner();
}
