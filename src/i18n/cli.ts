import type { WillFateKind } from '../engine/trace';

/**
 * Words of the command-line tools (src/cli): the shared option parser's errors, each command's
 * help, the exit codes, and the input reader's messages. A translation implements this interface.
 */
export interface CliCatalog {
  locale: string;
  args: {
    unknownOption: (option: string, suggestion: string | null) => string;
    takesNoValue: (option: string) => string;
    needsValue: (option: string, placeholder: string) => string;
    unexpected: (arg: string) => string;
    missing: (what: string) => string;
    tooMany: (max: number) => string;
    /** Two ways of giving the input, both given. */
    eitherOr: (a: string, b: string) => string;
    /** Ways of giving the input, of which exactly one is needed. */
    oneOf: (options: readonly string[]) => string;
    /** An option that only makes sense with another one. */
    requires: (option: string, other: string) => string;
    /** Before the list of the options a command takes. */
    validOptions: (list: string) => string;
    /** Points to the help: "see --help". */
    seeHelp: (command: string) => string;
    /** Any other parse error, with the parser's own text. */
    other: (detail: string) => string;
  };
  help: {
    usage: string;
    options: string;
    exitCodes: string;
    /** The help option's own line. */
    helpOption: string;
  };
  /** What each exit code means (README "Exit codes" has the same table). */
  exit: { ok: string; failed: string; usage: string; internal: string };
  /** The --lang option every command takes (src/cli/lang.ts), and its error. */
  lang: { option: string; unknown: (asked: string, known: string) => string };
  /** What the commands print around the trace and the outcomes (which the engine catalog words). */
  output: {
    /** The first line of `npm run sim`. */
    simHeader: (title: string, profile: string) => string;
    willsHeading: string;
    /** After "will not published": what happened to it and when. */
    fate: (fate: WillFateKind, t: string) => string;
    truncated: string;
    unknownProfile: (id: string, known: string) => string;
    /** A case file with several cases and no --case; the cases follow, one a line. */
    pickCase: (file: string, count: number) => string;
    /** The last line of conformance and verify ("3 passed, 0 failed"). */
    summary: (passed: number, failed: number) => string;
  };
  input: {
    cannotRead: (path: string, code: string) => string;
    tooBig: (path: string, bytes: number | null, max: number) => string;
    notFile: (path: string) => string;
    internal: (detail: string) => string;
    /** A numeric option's value is not a whole number in range. */
    notCount: (option: string, min: number, max: number) => string;
    /** Before the list of a file's problems. */
    problems: (source: string, count: number) => string;
  };
  fuzz: {
    summary: (
      inputs: number,
      link: number,
      file: number,
      autosave: number,
      accepted: number,
      seconds: number,
    ) => string;
    slowest: (ms: number) => string;
    findings: (count: number) => string;
  };
  /** One entry per command: the usage lines, what it does, and one help line per option. */
  commands: Record<CliCommand, { usage: string[]; summary: string; options: Record<string, string> }>;
}

export type CliCommand =
  | 'sim'
  | 'share'
  | 'conformance'
  | 'verify'
  | 'verify:suite'
  | 'recordings:repeat'
  | 'matrix'
  | 'bench'
  | 'fuzz';
