import type { SessionQuirks } from './machines/session.machine';

/**
 * Broker profiles are data: the engine and the machines read these knobs at their decision points.
 * `spec` follows the standard and the choices of the ambiguity table in docs/mqtt-will-rules.md.
 * Every other profile lists each departure with the public source that shows it; the trace cites
 * that source wherever a departure changes what happens.
 */
export interface Deviation {
  /** Where the departure is documented: an issue, commit or test. */
  source: string;
  /** What the spec would have done instead, in a few words (English; shown next to the source). */
  spec: string;
}

export interface BrokerProfile {
  id: string;
  label: string;
  summary: string;
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
  summary: 'Follows MQTT 5.0 and 3.1.1 to the letter, with the documented choices on ambiguous points.',
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
  summary:
    'Withholds the will of a Clean Start 0 client that drops (nanomq#1989), deletes the will on every DISCONNECT, ignores Will Retain, never keeps Clean Start 1 sessions, measures Will Delay from CONNECT, uses a 1.25 x Keep Alive grace and a 10 s session timer.',
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
      spec: 'the spec publishes the will when the session ends at close (Session Expiry 0) or after the Will Delay',
    },
    'session.kept.cached': {
      source: 'nanomq#1989',
      spec: 'the spec keeps a session only for its Session Expiry Interval (0 = not at all)',
    },
    'will.published.cachedSessionClosed': {
      source: 'nanomq#1989 (NanoNNG nmq_mqtt.c session timer; Will Delay counted from CONNECT, NanoNNG 417a213)',
      spec: 'the spec publishes at min(close + Will Delay, session end)',
    },
    'session.ended.cachedSessionClosed': {
      source: 'nanomq#1989 (NanoNNG nmq_mqtt.c session timer)',
      spec: 'the spec ends the session at close + Session Expiry',
    },
    'will.deleted.quirkAnyDisconnect': {
      source: 'nanomq#2412, nanomq#2442 (CMD_DISCONNECT clears will_flag)',
      spec: 'only DISCONNECT 0x00 deletes the will; 0x04 and error codes publish it',
    },
    'will.published.cleanStartNotKept': {
      source: 'NanoNNG nano_pipe_close caches sessions only for Clean Start 0',
      spec: 'in 5.0 Clean Start only decides whether a session is resumed; Session Expiry decides how long it is kept',
    },
    'session.ended.cleanStartNotKept': {
      source: 'NanoNNG nano_pipe_close caches sessions only for Clean Start 0',
      spec: 'the spec keeps the session for its Session Expiry Interval [MQTT-3.1.2-23]',
    },
    'will.retainIgnored': {
      source: 'nanomq#2012 (fixed in NanoNNG fd8cfc5, NanoMQ 0.23.7)',
      spec: 'Will Retain 1 publishes the will retained',
    },
    'conn.closed.keepAlive': {
      source: 'NanoMQ keepalive_multiplier (documented example 1.25)',
      spec: 'the spec closes after 1.5 x Keep Alive',
    },
  },
};

export const PROFILES: readonly BrokerProfile[] = [SPEC, NANOMQ_0_23_2];

export function profileById(id: string): BrokerProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export const PROFILE_IDS = PROFILES.map((p) => p.id);
