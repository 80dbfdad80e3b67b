import {
  type Axes,
  type CellSpec,
  comboKey,
  enumerateRows,
  type NextKind,
  nextApplies,
  type RowSpec,
  rowKey,
} from './axes';
import { type CellOutcome, observable, willAfterClose } from './cell';

/**
 * The matrix as data: cells (specs, in enumeration order) and their outcomes (filled as they are
 * computed), with the row/column layout, the filters and the profile comparison the view and the
 * CLI share. Computing it is in ./run.ts.
 */
export interface Matrix {
  axes: Axes;
  cells: CellSpec[];
  /** outcomes[i] belongs to cells[i]; undefined until computed. */
  outcomes: (CellOutcome | undefined)[];
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
