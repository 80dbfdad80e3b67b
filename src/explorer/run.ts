import { profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { closeOf, willFates } from '../engine/trace';
import type { RunResult } from '../engine/types';
import { type Axes, type CellSpec, enumerateCells, isTakeover } from './axes';
import {
  buildScenario,
  type CellOutcome,
  DEVICE,
  type Fate,
  RECONNECT_STEP,
  TAKEOVER_STEP,
  WILL_PAYLOAD,
  WILL_TOPIC,
} from './cell';
import type { Matrix } from './matrix';

/**
 * Running cells: the only explorer module that loads the engine. The worker, the CLI, the
 * benchmark, the in-process runner and tests use it; the page's view does not.
 */

/** Summarises a run of {@link buildScenario}'s scenario. */
export function summarize(c: CellSpec, r: RunResult): CellOutcome {
  const closedAt = closeOf(r.trace, DEVICE)?.t ?? null;
  const f = willFates(r.trace).find((w) => w.from === DEVICE && w.conn === 1);
  let fate: Fate;
  if (!f) fate = 'noWill';
  else if (f.fate === 'stored') fate = closedAt === null ? 'notClosed' : 'pending';
  else fate = f.fate;
  const step = isTakeover(c.end) ? TAKEOVER_STEP : c.next === 'none' ? -1 : RECONNECT_STEP;
  const sp = step < 0 ? undefined : r.outcome.sessionPresent.find((s) => s.step === step);
  const offline = (r.outcome.offlineSubscriber?.messages ?? [])
    .filter((m) => m.topic === WILL_TOPIC && m.payload === WILL_PAYLOAD)
    .map((m) => m.qos);
  return {
    closedAt,
    fate,
    willAt: fate === 'published' && f ? f.at : null,
    code: fate === 'notClosed' ? 'notClosed' : (f?.why?.code ?? 'noWill'),
    deviation: f?.why?.deviation !== undefined && fate !== 'notClosed',
    sessionPresent: sp ? sp.value : null,
    offline,
    truncated: r.truncated,
  };
}

/** Builds, runs and summarises one cell. */
export function runCell(c: CellSpec): CellOutcome {
  const profile = profileById(c.profile) ?? SPEC;
  return summarize(c, simulate(buildScenario(c), { profile }));
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
