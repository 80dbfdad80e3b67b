import { type Axes, defaultAxes, enumerateCells, normalizeAxes } from './axes';
import { runCell } from './run';

export interface MatrixBenchResult {
  /** Cells in the matrix. */
  cells: number;
  /** Mean ms to compute the whole matrix once, warm. */
  ms: number;
  cellsPerSecond: number;
  /** The first, cold pass (JIT warm-up, machine memo filling), in ms. */
  coldMs: number;
  /** Warm passes measured. */
  passes: number;
}

/**
 * Headless speed of the explorer: builds, simulates and summarises every cell of the matrix (the
 * default axes unless given), the same work as the worker and the CLI. One cold pass, then warm
 * passes until at least `minMs` have passed. For `npm run bench`; no assertion is made on it.
 */
export function matrixBenchmark(o: { axes?: Axes; minMs?: number; now?: () => number } = {}): MatrixBenchResult {
  const now = o.now ?? (() => performance.now());
  const cells = enumerateCells(normalizeAxes(o.axes ?? defaultAxes()));
  const c0 = now();
  for (const c of cells) runCell(c);
  const coldMs = now() - c0;
  const minMs = o.minMs ?? 1000;
  let passes = 0;
  const t0 = now();
  let elapsed = 0;
  do {
    for (const c of cells) runCell(c);
    passes++;
    elapsed = now() - t0;
  } while (elapsed < minMs);
  const ms = elapsed / passes;
  return { cells: cells.length, ms, cellsPerSecond: ms > 0 ? (cells.length / ms) * 1000 : 0, coldMs, passes };
}
