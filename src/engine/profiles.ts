import type { SessionQuirks } from './machines/session.machine';

/**
 * Broker profiles are data: the engine and the machines read these knobs at their decision points.
 * `spec` follows the standard and the choices of the ambiguity table in docs/mqtt-will-rules.md.
 * Every other profile lists each departure with the public source that shows it; the trace cites
 * that source wherever a departure changes what happens.
 */
export interface Deviation {
  /** Where the departure is documented: an issue, commit or test. What the spec would have done
   * instead is worded in src/i18n (specInstead), keyed by the same decision code. */
  source: string;
}

export interface BrokerProfile {
  id: string;
  /** A proper name (not translated); the description lives in src/i18n (profileSummary). */
  label: string;
  /** Keep-alive grace: the broker closes after factor x Keep Alive of silence (spec: 1.5). */
  keepAliveFactor: number;
  sessionQuirks: SessionQuirks;
  /** Which client DISCONNECT reason codes delete the will (spec: only 0x00 in 5.0). */
  disconnectDeletesWill: 'spec' | 'all' | 'allBut0x04';
  /** A takeover publishes the old will only if the old session ends (Mosquitto 2.0). */
  takeoverKeepsWillOnlyIfSessionEnds: boolean;
  /** The Will Retain flag is ignored: wills are published non-retained. */
  ignoresWillRetain: boolean;
  /**
   * Timer granularity for will delay and session expiry: deadlines are served at the first tick at
   * or after them (ms; null = exact). Ticks fall on whole multiples from the broker's start.
   */
  timerTickMs: number | null;
  /** NanoMQ's cached sessions are checked on a periodic timer (ms). */
  cachedSessionTickMs: number;
  /** How a cached session's close deadline is computed (NanoMQ only). */
  cachedSessionDeadline: 'none' | 'nanomq';
  /** Departures by decision code (see src/engine/rules.ts), cited in the trace. */
  deviations: Partial<Record<string, Deviation>>;
}

const NO_QUIRKS: SessionQuirks = { cachesCleanStart0: false, cleanStart1NeverKept: false };

export const SPEC: BrokerProfile = {
  id: 'spec',
  label: 'Strict spec',
  keepAliveFactor: 1.5,
  sessionQuirks: NO_QUIRKS,
  disconnectDeletesWill: 'spec',
  takeoverKeepsWillOnlyIfSessionEnds: false,
  ignoresWillRetain: false,
  timerTickMs: null,
  cachedSessionTickMs: 10_000,
  cachedSessionDeadline: 'none',
  deviations: {},
};

/**
 * NanoMQ 0.23.2 (NanoNNG at its 0.23.2 submodule pointer), from the research note's code reading and
 * the issues it cites. See docs/profiles.md for the table.
 */
export const NANOMQ_0_23_2: BrokerProfile = {
  id: 'nanomq-0.23.2',
  label: 'NanoMQ 0.23.2',
  keepAliveFactor: 1.25,
  sessionQuirks: { cachesCleanStart0: true, cleanStart1NeverKept: true },
  disconnectDeletesWill: 'all',
  takeoverKeepsWillOnlyIfSessionEnds: false,
  ignoresWillRetain: true,
  timerTickMs: null,
  cachedSessionTickMs: 10_000,
  cachedSessionDeadline: 'nanomq',
  deviations: {
    'will.withheld.cachedSession': {
      source: 'nanomq#1989',
    },
    'session.kept.cached': {
      source: 'nanomq#1989',
    },
    'will.published.cachedSessionClosed': {
      source: 'nanomq#1989 (NanoNNG nmq_mqtt.c session timer; Will Delay counted from CONNECT, NanoNNG 417a213)',
    },
    'session.ended.cachedSessionClosed': {
      source: 'nanomq#1989 (NanoNNG nmq_mqtt.c session timer)',
    },
    'will.deleted.quirkAnyDisconnect': {
      source: 'nanomq#2412, nanomq#2442 (CMD_DISCONNECT clears will_flag)',
    },
    'will.published.cleanStartNotKept': {
      source: 'NanoNNG nano_pipe_close caches sessions only for Clean Start 0',
    },
    'session.ended.cleanStartNotKept': {
      source: 'NanoNNG nano_pipe_close caches sessions only for Clean Start 0',
    },
    'will.retainIgnored': {
      source: 'nanomq#2012 (fixed in NanoNNG fd8cfc5, NanoMQ 0.23.7)',
    },
    'conn.closed.keepAlive': {
      source: 'NanoMQ keepalive_multiplier (documented example 1.25)',
    },
  },
};

export const PROFILES: readonly BrokerProfile[] = [SPEC, NANOMQ_0_23_2];

export function profileById(id: string): BrokerProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export const PROFILE_IDS = PROFILES.map((p) => p.id);
