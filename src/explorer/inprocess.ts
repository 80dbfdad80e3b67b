import { enumerateCells, normalizeAxes } from './axes';
import { clock, type MatrixRunner, type RunSummary } from './client';
import { fillCells } from './run';

/**
 * The matrix on the calling thread, in slices, with the same interface as the worker runner (for
 * tests; the page uses workers only, so that the engine stays off its main thread).
 */

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
