import type { WillFateKind } from '../engine/summary';

/**
 * The words the command-line tools print around the trace and the outcomes (which come from the
 * engine catalog). Loaded only by the CLIs (src/cli/lang.ts); a translation implements it too.
 * Status words at the start of a line (PASS, FAIL, SKIP) stay as they are: scripts grep for them.
 */
export interface CliCatalog {
  locale: string;
  cannotRead: (path: string, code: string) => string;
  notJson: (path: string, detail: string) => string;
  /** "<source>: 2 problems", before one line per problem. */
  problems: (source: string, count: number) => string;
  /** A case file with several cases and no --case; the cases follow, one a line. */
  pickCase: (file: string, count: number) => string;
  unknownProfile: (id: string, known: string) => string;
  /** The first line of `npm run sim`. */
  simHeader: (title: string, profile: string) => string;
  willsHeading: string;
  /** After "will not published": what happened to it and when. */
  fate: (fate: WillFateKind, t: string) => string;
  truncated: string;
  noOutcome: string;
  summary: (passed: number, failed: number) => string;
  badTolerance: string;
}

export const cliEn: CliCatalog = {
  locale: 'en',
  cannotRead: (path, code) => `${path}: cannot read the file (${code})`,
  notJson: (path, detail) => `${path}: not valid JSON (${detail})`,
  problems: (source, n) => `${source}: ${n.toLocaleString('en')} problem${n === 1 ? '' : 's'}`,
  pickCase: (file, n) => `${file} holds ${n.toLocaleString('en')} cases; pick one with --case ID:`,
  unknownProfile: (id, known) => `--profile: unknown profile "${id}" (known: ${known})`,
  simHeader: (title, profile) => `# ${title} — profile ${profile}`,
  willsHeading: '# Wills',
  fate: (fate, t) => `${fate} at ${t}`,
  truncated: '# The run was truncated: too many events.',
  noOutcome: 'no expect or observed outcome',
  summary: (passed, failed) => `${passed} passed, ${failed} failed`,
  badTolerance: '--tolerance: must be a number of seconds, 0 or more',
};
