import { PROFILE_IDS } from '../engine/profiles';
import { SEI_NEVER } from '../engine/script/names';
import type { ProtocolLevel } from '../engine/types';

/**
 * The explorer's axes: which values of each parameter the matrix crosses, and how one combination
 * (a {@link CellSpec}) is enumerated. Framework-free and deterministic: the same axes always give
 * the same cells in the same order, in the page, in the worker and in the CLI.
 *
 * Combinations that do not exist are skipped (see {@link enumerateCells} and docs/explorer.md).
 */

/** Session Expiry, relative to the Will Delay (concrete seconds: {@link seiSeconds}). */
export const SEI_KINDS = ['absent', 'short', 'long', 'never'] as const;
export type SeiKind = (typeof SEI_KINDS)[number];

/** How the device's first connection ends (the step at {@link TIMING.endAt}). */
export const END_KINDS = [
  'drop',
  'silence',
  'disconnect00',
  'disconnect04',
  'disconnectError',
  'disconnect04Sei0',
  'disconnect04SeiLong',
  'takeoverCs0',
  'takeoverCs1',
  'protocolError',
] as const;
export type EndKind = (typeof END_KINDS)[number];

/** What happens after the close. "before"/"after" are relative to the Will Delay. */
export const NEXT_KINDS = ['none', 'beforeCs0', 'beforeCs1', 'afterCs0', 'afterCs1'] as const;
export type NextKind = (typeof NEXT_KINDS)[number];

export const QOS_VALUES = [0, 1, 2] as const;
export type Qos = (typeof QOS_VALUES)[number];

export interface Axes {
  protocol: ProtocolLevel[];
  cleanStart: boolean[];
  /** Will Delay Interval in seconds (5.0 only). */
  willDelay: number[];
  sessionExpiry: SeiKind[];
  /** Keep Alive in seconds (0 = off). */
  keepAlive: number[];
  /** QoS of the will (decides whether the offline subscriber gets it queued). */
  willQos: Qos[];
  end: EndKind[];
  next: NextKind[];
  /** Broker profile ids, from PROFILES. */
  profile: string[];
}

export type AxisId = keyof Axes;
export const AXIS_IDS: readonly AxisId[] = [
  'protocol',
  'cleanStart',
  'willDelay',
  'sessionExpiry',
  'keepAlive',
  'willQos',
  'end',
  'next',
  'profile',
];

export const LIMITS = {
  /** Will Delay values, seconds: the run must end before the offline subscriber's session (3600 s) does. */
  willDelayMax: 1200,
  keepAliveMax: 600,
  /** How many values a numeric axis may have. */
  numericValues: 6,
  /** Largest matrix the explorer computes (about 2 s of engine time). */
  maxCells: 20_000,
} as const;

/**
 * The scenario timeline, in seconds. The device connects at 0 and its connection ends at `endAt`
 * (a keep-alive silence starts then, and the broker closes later). Reconnects are timed from the
 * close ("afterClose"), so they stay before/after the Will Delay whatever the close time.
 */
export const TIMING = {
  endAt: 5,
  /** "after the Will Delay": this many seconds after it. */
  afterDelay: 10,
  /** "longer than the Will Delay": this many seconds longer. */
  longerBy: 60,
  /** Slack at the end of the run (NanoMQ serves cached sessions on a 10 s tick). */
  tail: 20,
} as const;

export function defaultAxes(): Axes {
  return {
    protocol: [4, 5],
    cleanStart: [false, true],
    willDelay: [0, 5, 30],
    sessionExpiry: [...SEI_KINDS],
    keepAlive: [0, 10],
    willQos: [1],
    end: [...END_KINDS],
    next: [...NEXT_KINDS],
    profile: [...PROFILE_IDS],
  };
}

/** One combination: a cell of the matrix. `null` marks a parameter that does not exist (3.1.1). */
export interface CellSpec {
  protocol: ProtocolLevel;
  cleanStart: boolean;
  willDelay: number | null;
  sessionExpiry: SeiKind | null;
  keepAlive: number;
  willQos: Qos;
  end: EndKind;
  next: NextKind;
  profile: string;
}

/** Session Expiry in seconds for a kind and a Will Delay; null = property absent (= 0). */
export function seiSeconds(kind: SeiKind | null, willDelay: number | null): number | null {
  const d = willDelay ?? 0;
  switch (kind) {
    case null:
    case 'absent':
      return null;
    case 'short':
      return Math.max(1, Math.round(d / 3));
    case 'long':
      return d + TIMING.longerBy;
    case 'never':
      return SEI_NEVER;
  }
}

/** Seconds from the close to the reconnect. Before: half the Will Delay; after: 10 s past it. */
export function reconnectDelay(next: NextKind, willDelay: number | null): number | null {
  const d = willDelay ?? 0;
  if (next === 'none') return null;
  return next === 'beforeCs0' || next === 'beforeCs1' ? d / 2 : d + TIMING.afterDelay;
}

export const isTakeover = (e: EndKind): boolean => e === 'takeoverCs0' || e === 'takeoverCs1';
const isDisconnectVariant = (e: EndKind): boolean =>
  e === 'disconnect04' || e === 'disconnectError' || e === 'disconnect04Sei0' || e === 'disconnect04SeiLong';

// ---------------------------------------------------------------------------------------------
// Normalising and checking axes

const uniqueSorted = <T>(values: readonly T[], order: readonly T[]): T[] => order.filter((v) => values.includes(v));

/** Canonical form: known values only, no duplicates, in the order of the option lists. */
export function normalizeAxes(a: Axes): Axes {
  const nums = (xs: readonly number[]) =>
    [...new Set(xs.filter((x) => Number.isInteger(x) && x >= 0))].sort((x, y) => x - y);
  return {
    protocol: uniqueSorted(a.protocol, [4, 5] as const),
    cleanStart: uniqueSorted(a.cleanStart, [false, true]),
    willDelay: nums(a.willDelay),
    sessionExpiry: uniqueSorted(a.sessionExpiry, SEI_KINDS),
    keepAlive: nums(a.keepAlive),
    willQos: uniqueSorted(a.willQos, QOS_VALUES),
    end: uniqueSorted(a.end, END_KINDS),
    next: uniqueSorted(a.next, NEXT_KINDS),
    profile: uniqueSorted(a.profile, PROFILE_IDS),
  };
}

/** What is wrong with a set of axes, as data (worded in src/i18n/explorer-en.ts). */
export type AxesProblem =
  | { kind: 'empty'; axis: AxisId }
  | { kind: 'range'; axis: 'willDelay' | 'keepAlive'; value: number; max: number }
  | { kind: 'tooManyValues'; axis: 'willDelay' | 'keepAlive'; max: number }
  | { kind: 'tooManyCells'; cells: number; max: number }
  | { kind: 'noCells' };

export function axesProblems(a: Axes): AxesProblem[] {
  const out: AxesProblem[] = [];
  for (const axis of AXIS_IDS) if (a[axis].length === 0) out.push({ kind: 'empty', axis });
  const numeric = [
    ['willDelay', LIMITS.willDelayMax],
    ['keepAlive', LIMITS.keepAliveMax],
  ] as const;
  for (const [axis, max] of numeric) {
    for (const v of a[axis])
      if (!Number.isInteger(v) || v < 0 || v > max) out.push({ kind: 'range', axis, value: v, max });
    if (a[axis].length > LIMITS.numericValues) out.push({ kind: 'tooManyValues', axis, max: LIMITS.numericValues });
  }
  if (out.length > 0) return out;
  const n = countCells(a);
  if (n > LIMITS.maxCells) out.push({ kind: 'tooManyCells', cells: n, max: LIMITS.maxCells });
  else if (n === 0) out.push({ kind: 'noCells' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Enumeration

/** The row part of a cell: everything but what happens next and the profile. */
export type RowSpec = Omit<CellSpec, 'next' | 'profile'>;

/**
 * The rows, in display order (protocol, Clean Start, Will Delay, Session Expiry, Keep Alive, Will
 * QoS, how the connection ends). Collapsed and skipped combinations:
 * - 3.1.1 has no Will Delay and no Session Expiry: one row per other value, shown as "—".
 * - 3.1.1 DISCONNECT has no Reason Code and no properties: only `disconnect00` (a plain
 *   DISCONNECT) exists; the 0x04, error-code and Session Expiry variants are skipped.
 * - Session Expiry "shorter than the Will Delay" needs a Will Delay of at least 2 s (it is
 *   round(d / 3), at least 1 s).
 * - "DISCONNECT 0x04 setting Session Expiry to 0" is skipped when it is already 0 (absent), and
 *   "... to the longer value" when it already is that value: both would repeat plain 0x04.
 */
export function enumerateRows(a: Axes): RowSpec[] {
  const rows: RowSpec[] = [];
  for (const protocol of a.protocol)
    for (const cleanStart of a.cleanStart) {
      const delays: (number | null)[] = protocol === 4 ? [null] : a.willDelay;
      for (const willDelay of delays) {
        const seis: (SeiKind | null)[] =
          protocol === 4 ? [null] : a.sessionExpiry.filter((k) => k !== 'short' || (willDelay ?? 0) >= 2);
        for (const sessionExpiry of seis)
          for (const keepAlive of a.keepAlive)
            for (const willQos of a.willQos)
              for (const end of a.end) {
                if (protocol === 4 && isDisconnectVariant(end)) continue;
                if (end === 'disconnect04Sei0' && sessionExpiry === 'absent') continue;
                if (end === 'disconnect04SeiLong' && sessionExpiry === 'long') continue;
                rows.push({ protocol, cleanStart, willDelay, sessionExpiry, keepAlive, willQos, end });
              }
      }
    }
  return rows;
}

/**
 * Whether a (row, next) pair exists:
 * - "before the Will Delay" needs a Will Delay (5.0, more than 0 s); without one only "after" exists.
 * - A takeover is itself the next connection (its CONNACK gives Session Present), so takeover rows
 *   only have "no reconnect".
 */
export function nextApplies(row: RowSpec, next: NextKind): boolean {
  if (isTakeover(row.end)) return next === 'none';
  if (next === 'beforeCs0' || next === 'beforeCs1') return row.protocol === 5 && (row.willDelay ?? 0) > 0;
  return true;
}

/** Every cell, row by row; within a row by next, then profile. */
export function enumerateCells(a: Axes): CellSpec[] {
  const cells: CellSpec[] = [];
  for (const row of enumerateRows(a))
    for (const next of a.next) {
      if (!nextApplies(row, next)) continue;
      for (const profile of a.profile) cells.push({ ...row, next, profile });
    }
  return cells;
}

export function countCells(a: Axes): number {
  let n = 0;
  for (const row of enumerateRows(a)) for (const next of a.next) if (nextApplies(row, next)) n += a.profile.length;
  return n;
}

/** A stable identifier of a row: "5|cs0|wd30|se:short|ka10|q1|drop". */
export function rowKey(c: RowSpec): string {
  return [
    c.protocol,
    c.cleanStart ? 'cs1' : 'cs0',
    c.willDelay === null ? 'wd-' : `wd${c.willDelay}`,
    `se:${c.sessionExpiry ?? '-'}`,
    `ka${c.keepAlive}`,
    `q${c.willQos}`,
    c.end,
  ].join('|');
}

/** A stable identifier of a cell without its profile (cells that differ only by profile share it). */
export function comboKey(c: CellSpec): string {
  return `${rowKey(c)}|${c.next}`;
}

export function cellKey(c: CellSpec): string {
  return `${comboKey(c)}|${c.profile}`;
}
