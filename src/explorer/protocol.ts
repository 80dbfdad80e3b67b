import type { Axes } from './axes';
import type { CellOutcome } from './cell';

/** Messages between the page and the matrix worker (plain data, structured-cloned). */
export type ToWorker = { type: 'run'; runId: number; axes: Axes } | { type: 'cancel'; runId: number };

export type FromWorker =
  | { type: 'cells'; runId: number; from: number; outcomes: CellOutcome[] }
  | { type: 'done'; runId: number; computed: number; ms: number }
  | { type: 'cancelled'; runId: number; computed: number }
  | { type: 'error'; runId: number; message: string };
