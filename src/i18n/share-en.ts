import type { ShareCatalog } from './share';

const n = (v: unknown) => Number(v).toLocaleString('en');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const shareEn: ShareCatalog = {
  locale: 'en',
  link: {
    error: {
      notText: () => 'The link is not text.',
      empty: () => 'The link is empty: there is no scenario after the "#".',
      tooLong: (p) => `The link is ${n(p.chars)} characters long; links of at most ${n(p.max)} characters are read.`,
      noFragment: () => 'The address has no "#" part, so it carries no scenario.',
      noScenario: () => 'The part after "#" holds no scenario: it should start with "s=v1.".',
      badEscape: () => 'The link contains a broken %-escape: it was probably damaged when it was copied.',
      noVersion: () => 'The scenario part has no version prefix (such as "v1."): it was not made by MQTT Will Lab.',
      unknownVersion: (p) =>
        `The link uses format version ${p.version}, which this build does not know (it reads versions up to ${p.newest}). It was probably made by a newer MQTT Will Lab.`,
      badCharacters: (p) =>
        `The link's data contains ${JSON.stringify(String(p.char))} at position ${n(p.position)}, a character a link never holds: it was changed or damaged.`,
      truncated: () => 'The link is cut off: its data ends too early. Copy the whole link again.',
      corrupt: () => "The link's data is damaged and cannot be unpacked.",
      tooBig: (p) => `The link unpacks to more than ${n(p.max)} bytes, more than any scenario file may hold.`,
      notUtf8: () => "The link's data is not text (not UTF-8).",
      notJson: (p) => `The link's data is not valid JSON (${p.detail}).`,
      tooDeep: (p) =>
        `The link unpacks fine, but its data nests lists and objects more than ${p.max} levels deep, which no scenario does: it was not made by MQTT Will Lab.`,
      notObject: () => "The link's data is not a scenario.",
      invalidScenario: () => 'The link holds a scenario with problems:',
    },
    headline: 'This link could not be opened.',
    fellBackToAutosave: 'Your autosaved scenario is shown instead.',
    fellBackToDefault: 'The default scenario is shown instead.',
    autosaveUnreadable:
      'The autosaved scenario could not be read, so it was set aside: it is kept as it was, and the next edit will not overwrite it.',
    autosaveProblem: 'Autosave:',
    downloadSetAside: (kind) => (kind === 'link' ? 'Download the link that failed' : 'Download the set-aside autosave'),
    linkTooLongForUrl: (chars, max) =>
      `This scenario's link would be ${n(chars)} characters long, more than the ${n(max)} a browser address keeps, so the address no longer follows your edits. Your work is still autosaved; use Export to keep it as a file.`,
    keptCurrent: 'The scenario you had open stays open.',
    editRefused:
      'That change was not made: the scenario could not be saved, shared or opened again with it. What it would break:',
  },
  actions: {
    share: 'Share…',
    open: 'Open…',
    export: 'Export…',
    reset: 'Reset',
    resetHint: 'Go back to the default scenario and clear the autosaved one (Undo brings it back).',
    close: 'Close',
  },
  lessons: {
    heading: 'Lessons',
    intro:
      'Twelve short lessons on when a will is published. Each asks you to predict the outcome, then shows the run that answers it.',
    listLabel: 'All lessons',
    allLessons: 'All lessons',
    jumpLabel: 'Lesson',
    loadsNote: "A lesson's scenario opens in the simulator too; Undo brings back the one you had.",
    runsHeading: 'The run',
    runsHidden: (step, runs) =>
      `The ${runs > 1 ? 'runs are' : 'run is'} shown from step ${step} on, once you have locked in your prediction: no peeking at the answer.`,
  },
  share: {
    heading: 'Share',
    copyLink: 'Copy link',
    copied: 'Link copied to the clipboard.',
    copyFailed: 'The browser did not allow copying. Select the link below and copy it yourself.',
    linkLabel: 'Link to this scenario',
    meterLabel: 'Link length',
    meterValue: (chars, warnAt) => `${n(chars)} of ${n(warnAt)} characters`,
    long: (chars, warnAt) =>
      `This link is ${n(chars)} characters long, more than ${n(warnAt)}: it may not fit a chat message or a QR code. Download the scenario as JSON and share the file instead.`,
    tooLong: 'This scenario is too large for a link. Download it as JSON instead.',
    downloadJson: 'Download JSON',
  },
  import: {
    heading: 'Open a scenario',
    fileLabel: 'Scenario or case file (.json)',
    pasteLabel: 'Or paste scenario JSON or a link',
    open: 'Open',
    problems: (count, source) => `${source} has ${plural(count, 'problem', 'problems')}:`,
    fromFile: (name) => `The file "${name}"`,
    fromPaste: 'The pasted text',
    fileTooBig: (name, max) => `The file "${name}" is larger than ${n(max)} bytes; scenario files are smaller.`,
    fileUnreadable: (name) => `The file "${name}" could not be read.`,
    nothingPasted: 'Paste scenario JSON or a link first.',
    pickCase: (count) => `This file holds ${n(count)} cases. Pick one to open:`,
    caseLabel: 'Case',
    openCase: 'Open case',
    opened: (title) => `Opened "${title}".`,
    untitled: 'untitled scenario',
  },
  export: {
    heading: 'Export',
    scenarioJson: 'Scenario JSON',
    mermaid: 'Mermaid sequence diagram',
    repro: 'Reproduction script (mosquitto)',
    preparing: 'Preparing the file…',
    failed: 'The export failed.',
    done: (file) => `Saved ${file}.`,
  },
  compare: {
    heading: 'Compare side by side',
    variantLabel: 'Compare with',
    profileVariant: (label) => `Broker profile: ${label}`,
    parameterVariant: (parameter, value) => `${parameter} = ${value}`,
    parameter: {
      sessionExpiry: 'Session Expiry (s)',
      willDelay: 'Will Delay (s)',
      keepAlive: 'Keep Alive (s)',
      cleanStart: 'Clean Start',
      protocol: 'Protocol level',
    },
    clientLabel: 'Client',
    parameterLabel: 'Parameter',
    changedParameter: 'A changed parameter',
    firstDifference: (t) => `The runs first differ at ${t}.`,
    noDifference: 'Both runs take the same decisions.',
    runA: 'As written',
    runB: 'Changed',
    decisionsOf: (run) => `Decisions: ${run}`,
    differsHere: 'first difference',
    invalidVariant: 'This change does not make a valid scenario:',
    onOff: (on) => (on ? '1' : '0'),
    never: 'never expires',
  },
  lesson: {
    lessonOf: (i, total) => `Lesson ${i} of ${total}`,
    beatOf: (i, count) => `Step ${i} of ${count}`,
    back: 'Back',
    next: 'Next',
    at: (t) => `at ${t}`,
    showAt: (t) => `Show the timeline at ${t}`,
    questionHeading: 'Your prediction',
    lockIn: 'Lock in my prediction',
    lockedIn: (answer) => `You predicted: ${answer}`,
    predictFirst: 'Make a prediction before the run reveals the answer.',
    correct: "Right: the engine's run agrees with your prediction.",
    incorrect: (answer) => `Not this time: the engine's run shows "${answer}".`,
    openInSimulator: (run) => `Open "${run}" in the simulator`,
    claimFails: 'NOT confirmed by the run',
    scenarioTitle: (lesson, run) => (run ? `Lesson: ${lesson} (${run})` : `Lesson: ${lesson}`),
  },
};

/** The share catalog for a locale (English until a translation is added). */
const CATALOGS: Record<string, ShareCatalog> = { en: shareEn };

export function shareCatalog(locale = 'en'): ShareCatalog {
  return CATALOGS[locale] ?? shareEn;
}
