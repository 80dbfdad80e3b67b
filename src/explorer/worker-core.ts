import { axesProblems, enumerateCells, normalizeAxes } from './axes';
import type { FromWorker, ToWorker } from './protocol';
import { fillCells } from './run';

export interface WorkerCoreOptions {
  post: (m: FromWorker) => void;
  now: () => number;
  /** Returns to the event loop so that a cancel message can arrive. */
  yieldNow: () => Promise<void>;
  /** Longest stretch of computing between two messages (ms). */
  sliceMs?: number;
}

/**
 * The matrix worker's message handler, free of worker globals so tests can drive it. It computes
 * its share of the cells (`from`..`to`); a new run supersedes the previous one; a cancel stops a
 * run at its next slice. `computed` in its answers counts the cells of its share.
 */
export function createWorkerCore(o: WorkerCoreOptions): (msg: ToWorker) => Promise<void> {
  let current = 0;
  const cancelled = new Set<number>();
  return async (msg) => {
    if (msg.type === 'cancel') {
      cancelled.add(msg.runId);
      return;
    }
    const runId = msg.runId;
    current = runId;
    try {
      const axes = normalizeAxes(msg.axes);
      if (axesProblems(axes).length > 0) throw new Error('invalid axes');
      const all = enumerateCells(axes);
      const start = Math.max(0, Math.min(msg.from, all.length));
      const cells = all.slice(start, Math.max(start, Math.min(msg.to, all.length)));
      const t0 = o.now();
      const computed = await fillCells(cells, {
        sliceMs: o.sliceMs ?? 30,
        maxChunk: cells.length,
        now: o.now,
        yieldNow: o.yieldNow,
        isCancelled: () => cancelled.has(runId) || current !== runId,
        onChunk: (from, outcomes) => o.post({ type: 'cells', runId, from: start + from, outcomes }),
      });
      if (computed < cells.length) o.post({ type: 'cancelled', runId, computed });
      else o.post({ type: 'done', runId, computed, ms: o.now() - t0 });
    } catch (e) {
      o.post({ type: 'error', runId, message: e instanceof Error ? e.message : String(e) });
    } finally {
      cancelled.delete(runId);
    }
  };
}
