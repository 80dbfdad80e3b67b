import {
  type Axes,
  type CellSpec,
  comboKey,
  enumerateCells,
  enumerateRows,
  type NextKind,
  nextApplies,
  type RowSpec,
  rowKey,
} from './axes';
import { type CellOutcome, observable, runCell, willAfterClose } from './cell';

/**
 * The matrix as data: cells (specs, in enumeration order) and their outcomes (filled as they are
 * computed), with the row/column layout, the filters and the profile comparison the view and the
 * CLI share.
 */
export interface Matrix {
  axes: Axes;
  cells: CellSpec[];
  /** outcomes[i] belongs to cells[i]; undefined until computed. */
  outcomes: (CellOutcome | undefined)[];
}

/** Computes every cell at once (CLI, tests, benchmark). */
export function computeMatrix(axes: Axes): Matrix {
  const cells = enumerateCells(axes);
  return { axes, cells, outcomes: cells.map(runCell) };
}

export interface FillOptions {
  /** Stop computing a chunk after this many ms (0: one cell per chunk). */
  sliceMs: number;
  /** At most this many cells per chunk. */
  maxChunk: number;
  now: () => number;
  /** Lets other work run between chunks (a cancel message, a render). */
  yieldNow: () => Promise<void>;
  isCancelled: () => boolean;
  onChunk: (from: number, outcomes: CellOutcome[]) => void;
}

/**
 * Computes cells in time slices, yielding between slices so the caller can cancel. Shared by the
 * Web Worker and the in-process runner. Resolves to the number of cells computed.
 */
export async function fillCells(cells: readonly CellSpec[], o: FillOptions): Promise<number> {
  let i = 0;
  while (i < cells.length) {
    if (o.isCancelled()) return i;
    const from = i;
    const start = o.now();
    const chunk: CellOutcome[] = [];
    do {
      chunk.push(runCell(cells[i] as CellSpec));
      i++;
    } while (i < cells.length && chunk.length < o.maxChunk && o.now() - start < o.sliceMs);
    o.onChunk(from, chunk);
    if (i < cells.length) await o.yieldNow();
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Layout: rows are parameter combinations, columns are (what happens next, profile)

export interface Column {
  next: NextKind;
  profile: string;
}

export interface Row {
  key: string;
  spec: RowSpec;
  /** Cell index per column (same order as `columns`), or -1 where the combination does not exist. */
  cells: number[];
}

export interface Layout {
  columns: Column[];
  rows: Row[];
}

export function layout(axes: Axes): Layout {
  const columns: Column[] = [];
  for (const next of axes.next) for (const profile of axes.profile) columns.push({ next, profile });
  const rows: Row[] = [];
  let index = 0;
  // Mirrors enumerateCells: within a row, by next, then profile.
  for (const spec of enumerateRows(axes)) {
    const cells: number[] = [];
    for (const next of axes.next) {
      const applies = nextApplies(spec, next);
      for (const _ of axes.profile) cells.push(applies ? index++ : -1);
    }
    rows.push({ key: rowKey(spec), spec, cells });
  }
  return { columns, rows };
}

// ---------------------------------------------------------------------------------------------
// Comparing profiles and filtering

/**
 * Indices of the cells of profiles `a` and `b` whose observable outcomes differ (the will's time
 * or absence, the close time, Session Present, the offline subscriber's messages). Both cells of
 * each differing pair are included. Cells not yet computed never differ.
 */
export function differingCells(m: Matrix, a: string, b: string): Set<number> {
  const out = new Set<number>();
  if (a === b) return out;
  const ofA = new Map<string, number>();
  m.cells.forEach((c, i) => {
    if (c.profile === a) ofA.set(comboKey(c), i);
  });
  m.cells.forEach((c, j) => {
    if (c.profile !== b) return;
    const i = ofA.get(comboKey(c));
    if (i === undefined) return;
    const oa = m.outcomes[i];
    const ob = m.outcomes[j];
    if (oa && ob && observable(oa) !== observable(ob)) {
      out.add(i);
      out.add(j);
    }
  });
  return out;
}

export type FilterKind = 'all' | 'differ' | 'never' | 'later';
export const FILTER_KINDS: readonly FilterKind[] = ['all', 'differ', 'never', 'later'];

export interface Filter {
  kind: FilterKind;
  /** The two profiles compared by "differ". */
  a: string;
  b: string;
}

/** The will is never published (deleted, cancelled, withheld, never closed, still waiting). */
export const neverFires = (o: CellOutcome): boolean => o.fate !== 'published';
/** The will is published, and later than the close. */
export const firesLater = (o: CellOutcome): boolean => (willAfterClose(o) ?? 0) > 0;

/** A predicate over cell indices for a filter ("all" matches every computed cell). */
export function filterPredicate(m: Matrix, f: Filter): (i: number) => boolean {
  switch (f.kind) {
    case 'all':
      return (i) => m.outcomes[i] !== undefined;
    case 'differ': {
      const set = differingCells(m, f.a, f.b);
      return (i) => set.has(i);
    }
    case 'never':
      return (i) => {
        const o = m.outcomes[i];
        return o !== undefined && neverFires(o);
      };
    case 'later':
      return (i) => {
        const o = m.outcomes[i];
        return o !== undefined && firesLater(o);
      };
  }
}

/** Indices of the matching cells, in matrix order. */
export function matchingCells(m: Matrix, f: Filter): number[] {
  const p = filterPredicate(m, f);
  const out: number[] = [];
  for (let i = 0; i < m.cells.length; i++) if (p(i)) out.push(i);
  return out;
}
