/**
 * Every word of the simulator UI (labels, headings, hints, warnings). One edition per language,
 * beside the engine catalog (src/i18n/catalog.ts) that words the trace. Parameters are typed; topic
 * names and payloads reach these functions as data and are rendered as text by React.
 */
export interface UiCatalog {
  locale: string;
  app: {
    title: string;
    tagline: string;
    simulating: string;
    loading: string;
    runFailed: (message: string) => string;
    truncated: string;
    /** The run has more trace entries than can be shown (`entries` null: it did not fit in memory). */
    tooLarge: (entries: number | null, max: number) => string;
    timedOut: (seconds: number) => string;
    cancelled: string;
    /** Cancels the simulation in progress. */
    cancelRun: string;
    /** Offers the same scenario over a shorter window, ending at `end` s. */
    showShorter: (end: number) => string;
    views: Record<string, string>;
    viewSwitch: string;
    undo: string;
    redo: string;
    theme: string;
    themes: { system: string; light: string; dark: string };
    /** Label of the language picker (its options are the languages' own names). */
    language: string;
    help: string;
    headerActions: string;
    dismiss: string;
    /** The embedded player's link to the full simulator (it opens in a new tab). */
    openFull: string;
    /** A new version of the app is installed and waits (the open tab keeps its own until asked). */
    updateAvailable: string;
    updateReload: string;
  };
  /** What a view or panel shows instead of itself when it failed (src/app/boundary.tsx). */
  boundary: {
    /** Its code could not be loaded (offline, or a new version was deployed meanwhile). */
    loadFailed: string;
    /** It failed while showing the scenario. */
    crashed: string;
    /** The error's own words, after the sentence. */
    detail: (message: string) => string;
    retry: string;
    backToSimulator: string;
    /** A compact Retry button's accessible name (a header action that failed). */
    retryPart: string;
    /** The code that reads the link or the autosave did not load: both are left untouched. */
    bootFailed: string;
  };
  transport: {
    region: string;
    play: string;
    pause: string;
    toStart: string;
    toEnd: string;
    prev: string;
    next: string;
    speed: string;
    speedValue: (factor: number) => string;
    scrubber: string;
    playheadSeconds: string;
    of: (now: string, end: string) => string;
    ofEnd: (end: string) => string;
  };
  timeline: {
    region: string;
    /** A mark standing for `count` packets too close together to draw apart, from `from` to `to`. */
    packetGroup: (count: number, from: string, to: string) => string;
    broker: string;
    /** A ruler label, e.g. "15 s", "0.5 s". */
    tick: (ms: number) => string;
    zoomIn: string;
    zoomOut: string;
    fit: string;
    zoomHint: string;
    rows: { connection: string; session: string; timers: string };
    legend: {
      open: string;
      silent: string;
      attached: string;
      detached: string;
      keepAlive: string;
      willDelay: string;
      sessionExpiry: string;
      willDue: string;
      published: string;
      notPublished: string;
      step: string;
    };
    /** A timer bar's accessible name; `name` starts with the bar's visible text. */
    bar: (name: string, from: string, to: string, end: string) => string;
    keepAliveWindow: string;
    /** Text inside a Will Delay or Session Expiry bar: its name and length (null = never). */
    barText: (timer: 'willDelay' | 'sessionExpiry', seconds: number | null) => string;
    barEnd: { fired: string; cancelled: string; running: string; never: string };
    markerWord: { published: string; deleted: string; cancelled: string; withheld: string; due: string };
    dueAt: (t: string) => string;
    willDue: (t: string) => string;
    keepAliveResets: (n: number) => string;
    band: (kind: 'open' | 'silent' | 'attached' | 'detached', from: string, to: string) => string;
    laneState: Record<string, string> & { offline: string };
  };
  log: {
    label: string;
    heading: string;
    earlier: (n: number) => string;
    empty: string;
    showPackets: string;
    showTimers: string;
    counts: (shown: number, total: number) => string;
  };
  explain: {
    heading: string;
    none: string;
    clauses: string;
    deviation: string;
    at: (t: string, actor: string) => string;
  };
  outcome: {
    heading: string;
    published: (t: string) => string;
    /** `by`: the packet that deleted it ("DISCONNECT 0x00"), if any. */
    deleted: (t: string, by: string | null) => string;
    cancelled: (t: string) => string;
    withheld: (t: string) => string;
    pending: (t: string) => string;
    stored: string;
    noWill: string;
    go: (t: string) => string;
    /** An earlier step of the same will: "Before that, at 5.000 s: will of device#1 withheld". */
    earlier: (what: string, t: string) => string;
    conn: (n: number) => string;
    none: string;
  };
  help: {
    title: string;
    intro: string;
    key: string;
    action: string;
    close: string;
    shortcuts: Record<ShortcutId, string>;
    keys: Record<string, string>;
  };
  statechart: {
    heading: string;
    show: string;
    loading: string;
    client: string;
    none: (client: string) => string;
    session: (id: string, state: string) => string;
    active: string;
    clientMachine: (client: string) => string;
    sessionMachine: (id: string) => string;
    /** State names by path ("active.willStored"); "client:<path>" for the client machine's own. */
    states: Record<string, string>;
    events: Record<string, string>;
    guards: Record<string, string>;
  };
}

export type ShortcutId =
  | 'playPause'
  | 'prev'
  | 'next'
  | 'start'
  | 'end'
  | 'slower'
  | 'faster'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'panLeft'
  | 'panRight'
  | 'undo'
  | 'redo'
  | 'help';

/** What a script line says beyond the action's name. */
export interface ScriptDetail {
  reason?: number;
  sessionExpiry?: number | null;
  cleanStart?: boolean;
  of?: string;
  topic?: string;
  payload?: string;
  filter?: string;
  retain?: boolean;
}
