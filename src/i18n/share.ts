import type { LinkErrorCode } from '../share/codec';

/**
 * Words of the share, import, export, compare and lesson-player features. A separate catalog from
 * `Catalog` (catalog.ts) so these features load with their own code; a translation implements both.
 */
export interface ShareCatalog {
  locale: string;
  link: {
    /** One sentence per decoder error, naming what is wrong. */
    error: Record<LinkErrorCode, (p: Record<string, string | number>) => string>;
    headline: string;
    /** Shown after the headline when the app opened something else instead. */
    fellBackToAutosave: string;
    fellBackToDefault: string;
    autosaveUnreadable: string;
    /** Before each of the autosave's problems in the details list. */
    autosaveProblem: string;
    /** The notice's button that downloads a set-aside text, by what it was. */
    downloadSetAside: (kind: 'autosave' | 'link') => string;
    /** The scenario's link would be longer than a browser keeps: the address stopped following it. */
    linkTooLongForUrl: (chars: number, max: number) => string;
    /** After a bad link pasted into the address bar: the scenario that was open stays open. */
    keptCurrent: string;
    /** An edit was not made: its result could not be saved, shared or opened again. */
    editRefused: string;
  };
  /** The header's buttons and their dialogs. */
  actions: {
    share: string;
    open: string;
    export: string;
    reset: string;
    resetHint: string;
    close: string;
  };
  /** The lessons view. */
  lessons: {
    heading: string;
    intro: string;
    listLabel: string;
    allLessons: string;
    jumpLabel: string;
    loadsNote: string;
    runsHeading: string;
    /** Before the reveal: where the runs will be. */
    runsHidden: (step: number, runs: number) => string;
  };
  share: {
    heading: string;
    copyLink: string;
    copied: string;
    copyFailed: string;
    linkLabel: string;
    meterLabel: string;
    meterValue: (chars: number, warnAt: number) => string;
    long: (chars: number, warnAt: number) => string;
    tooLong: string;
    downloadJson: string;
    /** Option: the link carries the sharer's language (`?lang=`); off by default. */
    withLanguage: (language: string) => string;
  };
  import: {
    heading: string;
    fileLabel: string;
    pasteLabel: string;
    open: string;
    problems: (n: number, source: string) => string;
    fromFile: (name: string) => string;
    fromPaste: string;
    fileTooBig: (name: string, max: number) => string;
    fileUnreadable: (name: string) => string;
    nothingPasted: string;
    pickCase: (n: number) => string;
    caseLabel: string;
    openCase: string;
    opened: (title: string) => string;
    untitled: string;
  };
  export: {
    heading: string;
    scenarioJson: string;
    mermaid: string;
    repro: string;
    preparing: string;
    failed: string;
    done: (file: string) => string;
  };
  compare: {
    heading: string;
    variantLabel: string;
    profileVariant: (label: string) => string;
    parameterVariant: (parameter: string, value: string) => string;
    parameter: {
      sessionExpiry: string;
      willDelay: string;
      keepAlive: string;
      cleanStart: string;
      protocol: string;
    };
    clientLabel: string;
    parameterLabel: string;
    changedParameter: string;
    firstDifference: (t: string) => string;
    noDifference: string;
    runA: string;
    runB: string;
    decisionsOf: (run: string) => string;
    differsHere: string;
    invalidVariant: string;
    onOff: (on: boolean) => string;
    never: string;
  };
  lesson: {
    lessonOf: (n: number, total: number) => string;
    beatOf: (i: number, n: number) => string;
    back: string;
    next: string;
    at: (t: string) => string;
    showAt: (t: string) => string;
    questionHeading: string;
    lockIn: string;
    lockedIn: (answer: string) => string;
    predictFirst: string;
    correct: string;
    incorrect: (answer: string) => string;
    openInSimulator: (run: string) => string;
    claimFails: string;
    /** The title a lesson's scenario gets in the simulator (and in its link). */
    scenarioTitle: (lesson: string, run: string | undefined) => string;
  };
}
