import type { Axes } from './axes';
import type { CellOutcome } from './cell';

/** Messages between the page and the matrix worker (plain data, structured-cloned). */
/** `from`/`to`: the share of the cells (matrix indices, `to` excluded) this worker computes. */
export type ToWorker =
  | { type: 'run'; runId: number; axes: Axes; from: number; to: number }
  | { type: 'cancel'; runId: number };

export type FromWorker =
  /** `from` is a matrix index. */
  | { type: 'cells'; runId: number; from: number; outcomes: CellOutcome[] }
  | { type: 'done'; runId: number; computed: number; ms: number }
  | { type: 'cancelled'; runId: number; computed: number }
  | { type: 'error'; runId: number; message: string };
