/**
 * The broker profiles' ids and names, and what each was checked against: what a profile picker or
 * an explanation label needs, without the profiles' knobs (src/engine/profiles.ts), which only the
 * engine reads. Keeping this list apart keeps the knobs out of the app's first load; tests check
 * that both lists agree and that the figures below match the golden files.
 */

/** What a profile was checked against; src/i18n renders it (`profileHint`). */
export type ProfileCheck =
  /** The standard itself, checked against the expected outcomes of conformance/spec-cases.json. */
  | { kind: 'specCases'; cases: number }
  /** Recordings of a real broker kept in `golden` (cases: how many; date: when, UTC). */
  | { kind: 'broker'; broker: string; version: string; cases: number; date: string; golden: string }
  /** Not run against the broker: modelled from its source and issues. */
  | { kind: 'none' };

export interface ProfileEntry {
  readonly id: string;
  readonly label: string;
  readonly checked: ProfileCheck;
  /** Departures (decision codes) read from the broker's source or issues only, not measured. */
  readonly sourceOnly: readonly string[];
}

export const PROFILE_LIST = [
  { id: 'spec', label: 'Strict spec', checked: { kind: 'specCases', cases: 139 }, sourceOnly: [] },
  {
    id: 'nanomq-0.23.2',
    label: 'NanoMQ 0.23.2',
    checked: {
      kind: 'broker',
      broker: 'NanoMQ',
      version: '0.23.2',
      cases: 251,
      date: '2026-12-04',
      golden: 'golden/nanomq-0.23.2',
    },
    sourceOnly: [],
  },
  {
    id: 'nanomq-0.23.3',
    label: 'NanoMQ 0.23.3',
    checked: {
      kind: 'broker',
      broker: 'NanoMQ',
      version: '0.23.3',
      cases: 251,
      date: '2026-12-04',
      golden: 'golden/nanomq-0.23.3',
    },
    sourceOnly: [],
  },
  {
    id: 'mosquitto-2.0',
    label: 'Mosquitto 2.0',
    checked: {
      kind: 'broker',
      broker: 'Mosquitto',
      version: '2.0.11',
      cases: 228,
      date: '2026-12-04',
      golden: 'golden/mosquitto-2.0.11',
    },
    sourceOnly: [],
  },
  {
    id: 'ejabberd-23.01',
    label: 'ejabberd 23.01',
    checked: {
      kind: 'broker',
      broker: 'ejabberd',
      version: '23.01',
      cases: 221,
      date: '2026-12-04',
      golden: 'golden/ejabberd-23.01',
    },
    sourceOnly: [],
  },
] as const satisfies readonly ProfileEntry[];

export type ProfileId = (typeof PROFILE_LIST)[number]['id'];

export function profileLabel(id: string): string {
  return PROFILE_LIST.find((p) => p.id === id)?.label ?? id;
}

export function profileEntry(id: string): ProfileEntry | undefined {
  return PROFILE_LIST.find((p) => p.id === id);
}
