import type { WhyCode } from '../engine/rules';
import type { ProtocolLevel } from '../engine/types';
import type { AxesProblem, AxisId, CellSpec, EndKind, NextKind, RowSpec, SeiKind } from '../explorer/axes';
import type { Category } from '../explorer/cell';
import type { FilterKind } from '../explorer/matrix';

/** Decision codes that can decide a will's fate, plus the explorer's own "never closed". */
export type WillCode = Extract<WhyCode, `will.${string}`>;
export type ReasonCode = WillCode | 'notClosed' | 'noWill';

/** A problem found in an `#explore=` link (src/explorer/link.ts), as data. */
export type LinkProblem =
  | { kind: 'format' }
  | { kind: 'version'; version: string }
  | { kind: 'unknownKey'; key: string }
  | { kind: 'badValue'; key: string; value: string }
  | { kind: 'tooLong'; max: number };

/**
 * Every word of the parameter explorer (view, CSV, CLI). One catalog per language; the type makes
 * a translation complete (a missing will decision code is a compile error).
 */
export interface ExplorerCatalog {
  locale: string;
  title: string;
  intro: string;
  /** Name of each axis, as a picker legend and a column header. */
  axis: Record<AxisId, string>;
  /** Picker labels of the options. */
  option: {
    protocol: (v: ProtocolLevel) => string;
    cleanStart: (cs: boolean) => string;
    sessionExpiry: (k: SeiKind) => string;
    willQos: (q: number) => string;
    end: (e: EndKind) => string;
    next: (n: NextKind) => string;
  };
  /** Label and hint of the numeric inputs (comma-separated seconds). */
  numbers: {
    label: (axis: 'willDelay' | 'keepAlive') => string;
    hint: (max: number, count: number) => string;
    invalid: (text: string) => string;
  };
  /** Values as shown in a row of the matrix (concrete seconds). */
  value: {
    protocol: (v: ProtocolLevel) => string;
    cleanStart: (cs: boolean) => string;
    willDelay: (d: number | null) => string;
    sessionExpiry: (k: SeiKind | null, seconds: number | null) => string;
    keepAlive: (ka: number) => string;
    willQos: (q: number) => string;
    end: (e: EndKind, v: ProtocolLevel) => string;
    /** Column header for what happens next (short). */
    next: (n: NextKind) => string;
    notApplicable: string;
  };
  problem: (p: AxesProblem) => string;
  linkProblem: (p: LinkProblem) => string;
  linkProblemsIntro: string;
  resetDefaults: string;
  run: {
    progressLabel: string;
    progress: (done: number, total: number) => string;
    cancel: string;
    restart: string;
    /** `ms`: computing the cells; `drawnMs`: from the request until the matrix was on screen. */
    done: (cells: number, ms: number, drawnMs: number | null) => string;
    cancelled: (done: number, total: number) => string;
    failed: (message: string) => string;
    /** The browser cannot run the matrix in a Web Worker. */
    noWorker: string;
    waiting: string;
  };
  filter: {
    legend: string;
    kind: Record<FilterKind, string>;
    profileA: string;
    profileB: string;
    count: (matching: number, total: number) => string;
    none: string;
  };
  table: {
    caption: string;
    openHint: string;
    /** How to move between cells with the keyboard (the grid is one tab stop). */
    keysHint: string;
    notComputed: string;
  };
  cell: {
    /** The main words of a cell: "at the close", "+30 s", "deleted", ... */
    main: (c: Category, afterCloseMs: number | null) => string;
    sessionPresent: (sp: boolean | null) => string;
    offline: (qos: readonly number[]) => string;
    deviation: string;
    differs: string;
    /** Full accessible name of a cell button. */
    label: (row: string, column: string, outcome: string) => string;
    /** Full sentence of an outcome for the accessible name and the tooltip. */
    outcome: (
      c: Category,
      afterCloseMs: number | null,
      reason: string,
      sp: boolean | null,
      offline: readonly number[],
    ) => string;
    differsNote: string;
  };
  legend: {
    title: string;
    category: Record<Category, string>;
    sessionPresent: string;
    offline: string;
    deviation: string;
    differs: string;
    notApplicable: string;
  };
  /** The deciding rule in a few words, by decision code. */
  reason: Record<ReasonCode, string>;
  exportCsv: string;
  link: {
    label: string;
    copy: string;
    copied: string;
  };
  /** Title of a cell's scenario when it is opened in the simulator. */
  scenarioTitle: (c: CellSpec, profileLabel: string, seiSeconds: number | null) => string;
  /** Row description (all parameters of a row in one line); `seiSeconds` from src/explorer/axes.ts. */
  rowText: (r: RowSpec, seiSeconds: number | null) => string;
  /** Column description (what happens next, profile). */
  columnText: (next: NextKind, profileLabel: string) => string;
  cli: {
    header: {
      protocol: string;
      cleanStart: string;
      willDelay: string;
      sessionExpiry: string;
      keepAlive: string;
      willQos: string;
      end: string;
      next: string;
      profile: string;
      will: string;
      why: string;
      sessionPresent: string;
      offline: string;
    };
    summary: (cells: number, ms: number, matching: number | null, filter: string) => string;
    bench: (cells: number, ms: number, perSecond: number, coldMs: number) => string;
    usage: string;
    /** What the values of an axis may be, in an error message. */
    allowed: { protocol: string; seconds: string };
    error: {
      unexpected: (arg: string) => string;
      unknownOption: (option: string) => string;
      needsValue: (option: string) => string;
      notOneOf: (option: string, value: string, allowed: string) => string;
      filter: (kinds: string) => string;
      compare: (example: string) => string;
      link: (problem: string) => string;
    };
  };
}
