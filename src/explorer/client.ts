import { type Axes, type CellSpec, enumerateCells, normalizeAxes } from './axes';
import type { CellOutcome } from './cell';
import { fillCells } from './matrix';
import type { FromWorker, ToWorker } from './protocol';

/**
 * How the page fills the matrix: a {@link MatrixRunner} runs the cells of some axes and streams
 * their outcomes. `createWorkerRunner` computes them in a Web Worker (off the main thread);
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
  t0: number;
  resolve: (s: RunSummary) => void;
  reject: (e: Error) => void;
}

export function defaultWorker(): Worker {
  return new Worker(new URL('./matrix.worker.ts', import.meta.url), { type: 'module', name: 'matrix' });
}

/**
 * Runs the matrix in a Web Worker, created on the first run and kept for the next ones. Falls back
 * to the in-process runner if the worker cannot be created.
 */
export function createWorkerRunner(makeWorker: () => Worker = defaultWorker, now = clock): MatrixRunner {
  let worker: Worker | null = null;
  let fallback: MatrixRunner | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };

  const onMessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    const p = pending.get(m.runId);
    if (!p) return; // a cancelled or superseded run
    switch (m.type) {
      case 'cells':
        p.computed = m.from + m.outcomes.length;
        p.handlers.onCells?.(m.from, m.outcomes);
        break;
      case 'done':
        pending.delete(m.runId);
        p.resolve({ status: 'done', computed: m.computed, total: p.total, ms: now() - p.t0 });
        break;
      case 'cancelled':
        pending.delete(m.runId);
        p.resolve({ status: 'cancelled', computed: m.computed, total: p.total, ms: now() - p.t0 });
        break;
      case 'error':
        pending.delete(m.runId);
        p.reject(new Error(m.message));
        break;
    }
  };

  const ensure = (): Worker | null => {
    if (worker) return worker;
    try {
      worker = makeWorker();
    } catch {
      return null;
    }
    worker.onmessage = onMessage;
    worker.onerror = (e) => {
      e.preventDefault?.();
      failAll(e.message || 'the worker failed');
      worker?.terminate();
      worker = null;
    };
    return worker;
  };

  return {
    kind: 'worker',
    run(axes, handlers = {}) {
      const w = ensure();
      if (!w) {
        fallback ??= createInProcessRunner();
        return fallback.run(axes, handlers);
      }
      const norm = normalizeAxes(axes);
      const cells = enumerateCells(norm);
      const runId = nextId++;
      let settle: Pending | undefined;
      const promise = new Promise<RunSummary>((resolve, reject) => {
        settle = { handlers, computed: 0, total: cells.length, t0: now(), resolve, reject };
        pending.set(runId, settle);
      });
      const msg: ToWorker = { type: 'run', runId, axes: norm };
      w.postMessage(msg);
      return {
        cells,
        promise,
        cancel() {
          const p = pending.get(runId);
          if (!p) return;
          pending.delete(runId);
          const stop: ToWorker = { type: 'cancel', runId };
          worker?.postMessage(stop);
          p.resolve({ status: 'cancelled', computed: p.computed, total: p.total, ms: now() - p.t0 });
        },
      };
    },
    dispose() {
      failAll('the runner was disposed');
      worker?.terminate();
      worker = null;
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
