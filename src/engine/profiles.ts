import type { SessionQuirks } from './machines/session.machine';
import type { WhyCode } from './rules';

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

/** A connection's own timer (NanoMQ): ticks at CONNECT + firstMs, then every everyMs. */
export interface ConnectionTimer {
  firstMs: number;
  everyMs: number;
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
  /** NanoMQ's cached sessions are checked on a periodic timer (ms): its `connectionTimer` period. */
  cachedSessionTickMs: number;
  /** 'expiryOrWillFromConnect' (NanoMQ): a cached session is closed at the ticks of its last connection's `connectionTimer`. */
  cachedSessionDeadline: 'none' | 'expiryOrWillFromConnect';
  /** Departures by decision code (see src/engine/rules.ts), cited in the trace. */
  deviations: Partial<Record<WhyCode, Deviation>>;

  // Optional knobs (absent = the spec's behaviour). Mosquitto 2.0 is the first profile to use them.
  /**
   * With `timerTickMs`: a deadline is served at the first tick strictly after it rather than at or
   * after it (Mosquitto compares whole seconds with `deadline < now`). Ticks fall on whole seconds
   * of the broker's wall clock, whose phase at t = 0 a recording gives (`BrokerClock.t0Phase`).
   */
  timerTickAfter?: boolean;
  /**
   * Keep-alive is checked by a sweep every this many ms instead of at each connection's deadline.
   * The last packet's time and the grace (floor of factor x Keep Alive) are whole seconds of the
   * broker's monotonic clock, and the grace must be exceeded (Mosquitto 2.0: keepalive.c).
   */
  keepAliveSweepMs?: number;
  /**
   * A new connection for the Client Identifier (takeover or reconnect) removes a will that is
   * waiting for its Will Delay instead of publishing it, even where the session ends.
   */
  newConnectionDropsDelayedWill?: boolean;
  /**
   * A second CONNECT on an open connection (a Protocol Error) also discards the will and ends the
   * session at the close, as if Clean Start were 1 and Session Expiry 0.
   */
  secondConnectEndsSession?: boolean;
  /**
   * Waiting wills sit in one list ordered by Will Delay Interval (shortest first, newest first among
   * equals), checked from its head: a will is not published before every will ahead of it is due.
   */
  willDelayQueue?: 'byInterval';
  /**
   * The Reason Code of the DISCONNECT the broker sends a 5.0 client before it closes the connection
   * on these events, where it differs from the spec's choice (null = none is sent). A DISCONNECT
   * with an unknown Reason Code counts as `packet.malformed`.
   */
  serverDisconnect?: Partial<Record<ServerDisconnectEvent, number | null>>;
  /**
   * The keep-alive grace (keepAliveFactor x Keep Alive) is rounded to whole seconds, halves up
   * (ejabberd 23.01: `round(Secs * 1.5)` seconds).
   */
  keepAliveGraceWholeSeconds?: boolean;
  /**
   * An offline session queues a QoS 0 message too when a QoS 1 or 2 message already waits there
   * (ejabberd 23.01: one message in flight, everything after it queued).
   */
  queuesQos0BehindUnacked?: boolean;
  /**
   * Each connection has its own timer, first at CONNECT + firstMs, then every everyMs, that checks
   * keep-alive and, after the close, the cached session (NanoMQ: 1.5 x and 1 x `retry_interval`).
   * Keep-alive then closes at the first tick at which the ticks since the last packet x everyMs
   * exceed factor x Keep Alive, Keep Alive 0 included; a cached session closes at the old
   * connection's ticks (see cachedSessionClose in broker-clock.ts).
   */
  connectionTimer?: ConnectionTimer;
  /** With `connectionTimer`: a cached Session Expiry 0 session closes at the next tick (NanoMQ 0.23.3). */
  cachedSeiZeroExpires?: boolean;
  /** A will with Will Retain 1 is delivered with RETAIN 1 but not stored as the retained message. */
  willRetainNotStored?: boolean;
  /** A will is published without its Message Expiry Interval: a queued will never expires. */
  willMessageExpiryDropped?: boolean;
  /** Live deliveries to a 3.1.1 subscriber keep the RETAIN flag as published (spec: always 0). */
  v311LiveKeepsRetain?: boolean;
  /** A takeover closes the old connection like a dropped one: a Clean Start 0 session is cached. */
  takeoverCachesSession?: boolean;
  /** A packet of reserved type 0 is dropped and the connection stays open (it counts as traffic). */
  reservedPacketIgnored?: boolean;
  /** A DISCONNECT that raises Session Expiry from 0 is no Protocol Error: the new value is taken. */
  seiRaiseAtDisconnectAccepted?: boolean;
  /** A CONNECT whose will has an empty payload is refused (5.0: CONNACK 0x81 Malformed Packet). */
  refusesEmptyWillPayload?: boolean;
  /**
   * A 5.0 CONNECT with an invalid will (QoS 3, a will topic that is no Topic Name) is refused by
   * closing the connection without a CONNACK, as 3.1.1 does (the spec profile sends 0x81 / 0x90).
   */
  invalidWillClosesWithoutConnack?: boolean;
  /** What a stop and restart does beyond the spec's model. */
  restart?: {
    /** false: no session survives a restart, with persistence or without (absent = the spec's). */
    keepsSessions?: boolean;
    /** false: the wills of connected clients and waiting wills are not delivered as it stops. */
    deliversWills?: boolean;
    /**
     * Every will is published as the broker stops, with or without persistence: those of the
     * clients connected at the stop (closed as on a network failure) and those waiting for their
     * Will Delay, none kept for after the restart. Mosquitto 2.0.11 src/mosquitto.c main():
     * `context__send_will` for every context (a will with a delay joins the delay list), then
     * `will_delay__send_all` (measured: the m20-restart-persist-connected-* recordings).
     */
    publishesEveryWill: boolean;
    /** Only sessions whose last connection had Clean Start 0 are written to persistence. */
    persistsOnlyCleanStart0: boolean;
    /** Sessions read back from persistence never expire (until their client connects again). */
    restoredSessionsExpire: boolean;
  };
}

/** Connection events on which a profile may send its own DISCONNECT (see `serverDisconnect`). */
export type ServerDisconnectEvent =
  | 'takeover'
  | 'broker.shutdown'
  | 'packet.malformed'
  | 'packet.secondConnect'
  | 'keepAlive.expired';

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

// NanoNNG at the submodule pointers of NanoMQ's tags: 0.23.2 -> 446d231, 0.23.3 -> 431a408.
const NNG_2 = 'NanoNNG 446d231 (NanoMQ 0.23.2)';
const NMQ_TIMER = 'src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_timer_cb';

/** The deviations both NanoMQ versions share, with the file and function at the given source tree. */
function nanomqDeviations(nng: string, nmq: string): BrokerProfile['deviations'] {
  return {
    'will.withheld.cachedSession': {
      source: `nanomq#1989; ${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_close (a Clean Start 0 pipe is cached with event = false: no disconnect event, no will)`,
    },
    'session.kept.cached': {
      source: `nanomq#1989; ${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_close (cached_sessions)`,
    },
    'will.published.cachedSessionClosed': {
      source: `${nng} ${NMQ_TIMER} (the cached pipe is closed at a tick of its own timer: 15 s after CONNECT, then every retry_interval = 10 s; Will Delay counted from CONNECT, mqtt_parser.c conn_param_set_will_property, NanoNNG 417a213)`,
    },
    'session.ended.cachedSessionClosed': {
      source: `${nng} ${NMQ_TIMER} (ka_refresh x retry_interval > session_expiry_interval)`,
    },
    'will.deleted.quirkAnyDisconnect': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_recv_cb (CMD_DISCONNECT sets will_flag = 0 whatever the reason code); nanomq#2412, nanomq#2442`,
    },
    'will.deleted.quirkNewConnection': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_start ("it is not your time yet": will_flag = 0 while CONNECT + Will Delay is ahead)`,
    },
    'will.published.cleanStartNotKept': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_close (only Clean Start 0 pipes are cached; the disconnect event publishes the will, nanomq/apps/broker.c server_cb, ignoring Will Delay)`,
    },
    'session.ended.cleanStartNotKept': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_close (only Clean Start 0 pipes are cached)`,
    },
    'conn.closed.keepAlive': {
      source: `${nng} ${NMQ_TIMER} (ka_refresh x retry_interval > keepalive x keepalive_multiplier 1.25, checked at each tick, Keep Alive 0 included); etc/nanomq.conf`,
    },
    'conn.closed.takeover': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_close (the old pipe is closed without DISCONNECT 0x8E)`,
    },
    'conn.closed.shutdown': {
      source: `${nmq} nanomq/apps/broker.c sig_handler (SIGTERM: exit(EXIT_SUCCESS), no DISCONNECT 0x8B)`,
    },
    'will.deleted.quirkShutdown': {
      source: `${nmq} nanomq/apps/broker.c sig_handler (SIGTERM: exit(EXIT_SUCCESS) publishes no will)`,
    },
    'broker.persistenceIgnored': {
      source: `${nmq}: sessions (nmq_mqtt.c cached_sessions) and retained messages live in memory; the SQLite store (off here) holds QoS messages only`,
    },
    'packet.reservedIgnored': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_recv_cb (default: goto drop)`,
    },
    'session.expiryRaisedAccepted': {
      source: `${nng} src/sp/protocol/mqtt/nmq_mqtt.c nano_pipe_recv_cb (CMD_DISCONNECT copies SESSION_EXPIRY_INTERVAL without the 0 -> non-zero check)`,
    },
    'will.retainNotStored': {
      source: `nanomq#2012 (fixed by NanoNNG fd8cfc5, NanoMQ 0.23.7); ${nmq} nanomq/apps/broker.c server_cb (the will is sent to subscribers, not put in the retain tree)`,
    },
    'will.messageExpiryDropped': {
      source: `measured (spec-row36-offline-subscriber-will-mei60-expired); ${nng} ${NMQ_TIMER} checks MESSAGE_EXPIRY_INTERVAL only on a queued message's own decoded PUBLISH properties, which a will sent from the disconnect event (nanomq/apps/broker.c server_cb) does not carry (code reading)`,
    },
    'message.delivered': {
      source: `${nng} src/sp/transport/mqtt/broker_tcp.c nmq_pipe_send_start_v5 (only the 5.0 path clears RETAIN; the 3.1.1 path sends the flag as published)`,
    },
    'conn.refused.emptyWill': {
      source: `${nng} src/sp/protocol/mqtt/mqtt_parser.c conn_handler (a will payload of length 0 is PAYLOAD_FORMAT_INVALID: PROTOCOL_ERROR, CONNACK 0x81)`,
    },
  };
}

/**
 * NanoMQ 0.23.2 built from source (nanomq/nanomq tag 0.23.2, NanoNNG 446d231) and measured with
 * `npm run verify:nanomq` in its shipped configuration (docs/nanomq.md); every knob is a mechanism
 * of that source. Recordings: golden/nanomq-0.23.2/.
 */
export const NANOMQ_0_23_2: BrokerProfile = {
  id: 'nanomq-0.23.2',
  label: 'NanoMQ 0.23.2',
  keepAliveFactor: 1.25,
  connectionTimer: { firstMs: 15_000, everyMs: 10_000 },
  sessionQuirks: { cachesCleanStart0: true, cleanStart1NeverKept: true },
  disconnectDeletesWill: 'all',
  takeoverKeepsWillOnlyIfSessionEnds: false,
  takeoverCachesSession: true,
  newConnectionDropsDelayedWill: true,
  reservedPacketIgnored: true,
  seiRaiseAtDisconnectAccepted: true,
  refusesEmptyWillPayload: true,
  willRetainNotStored: true,
  v311LiveKeepsRetain: true,
  willMessageExpiryDropped: true,
  ignoresWillRetain: false,
  timerTickMs: null,
  serverDisconnect: { takeover: null, 'broker.shutdown': null },
  restart: {
    publishesEveryWill: false,
    persistsOnlyCleanStart0: false,
    restoredSessionsExpire: true,
    deliversWills: false,
    keepsSessions: false,
  },
  cachedSessionTickMs: 10_000,
  cachedSessionDeadline: 'expiryOrWillFromConnect',
  deviations: nanomqDeviations(NNG_2, 'nanomq/nanomq 0.23.2'),
};

/**
 * NanoMQ 0.23.3 (nanomq/nanomq tag 0.23.3, NanoNNG 431a408), measured like 0.23.2. It differs in one
 * line of nano_pipe_timer_cb (NanoNNG 9551ebe, "issues/1989 now session_expiry_interval=0 means no
 * session keeping"): a cached Session Expiry 0 session closes at the next tick of its timer, and
 * its will is published then.
 */
export const NANOMQ_0_23_3: BrokerProfile = {
  ...NANOMQ_0_23_2,
  id: 'nanomq-0.23.3',
  label: 'NanoMQ 0.23.3',
  cachedSeiZeroExpires: true,
  deviations: {
    ...nanomqDeviations('NanoNNG 431a408 (NanoMQ 0.23.3)', 'nanomq/nanomq 0.23.3'),
    'will.published.cachedSessionClosed': {
      source: `NanoNNG 431a408 (NanoMQ 0.23.3) ${NMQ_TIMER} (time > session_expiry_interval, also for 0: NanoNNG 9551ebe, nanomq#1989; the cached pipe closes at a tick of its own timer, 15 s after CONNECT then every 10 s)`,
    },
    'session.ended.cachedSessionClosed': {
      source: `NanoNNG 431a408 (NanoMQ 0.23.3) ${NMQ_TIMER} (ka_refresh x retry_interval > session_expiry_interval, 0 included since NanoNNG 9551ebe)`,
    },
  },
};

/**
 * Mosquitto 2.0.11 (Debian 12), measured with `npm run verify:mosquitto` and read in its source at
 * tag v2.0.11. Every knob is a mechanism of that source; docs/mosquitto-2.0.md has the table with
 * the case that shows each one.
 */
export const MOSQUITTO_2_0: BrokerProfile = {
  id: 'mosquitto-2.0',
  label: 'Mosquitto 2.0',
  keepAliveFactor: 1.5,
  keepAliveSweepMs: 6000,
  sessionQuirks: { cachesCleanStart0: false, cleanStart1NeverKept: false, seiZeroWillWaitsForDelay: true },
  disconnectDeletesWill: 'allBut0x04',
  takeoverKeepsWillOnlyIfSessionEnds: true,
  newConnectionDropsDelayedWill: true,
  secondConnectEndsSession: true,
  invalidWillClosesWithoutConnack: true,
  ignoresWillRetain: false,
  timerTickMs: 1000,
  timerTickAfter: true,
  willDelayQueue: 'byInterval',
  serverDisconnect: { takeover: null, 'broker.shutdown': null, 'packet.malformed': 0x82 },
  restart: { publishesEveryWill: true, persistsOnlyCleanStart0: true, restoredSessionsExpire: false },
  cachedSessionTickMs: 10_000,
  cachedSessionDeadline: 'none',
  deviations: {
    'will.deleted.quirkAnyDisconnect': {
      source: 'mosquitto v2.0.11 src/handle_disconnect.c (only 0x04 keeps the will); mosquitto#3743',
    },
    'will.deleted.quirkTakeover': {
      source: 'mosquitto v2.0.11 src/handle_connect.c connect__on_authorised; test/broker/07-will-takeover.py',
    },
    'will.deleted.quirkNewConnection': {
      source:
        'mosquitto v2.0.11 src/handle_connect.c (context__send_will puts the will on the delay list, will_delay__remove drops it); test/broker/07-will-delay-recover.py',
    },
    'will.deleted.quirkSecondConnect': {
      source:
        'mosquitto v2.0.11 src/handle_connect.c (handle_connect_error sets will = NULL, clean_start = true, session_expiry_interval = 0)',
    },
    'will.published.seiZeroDelayed': {
      source: 'mosquitto#3505 (src/context.c context__disconnect; fixed by PR #3507, after 2.0.11)',
    },
    'will.heldBehind': {
      source:
        'mosquitto v2.0.11 src/will_delay.c (list sorted by will_delay_interval; will_delay__check stops at the first entry not due)',
    },
    'will.published.delayElapsed': {
      source: 'mosquitto v2.0.11 src/will_delay.c (whole seconds of time(NULL), will_delay_time < now)',
    },
    'will.published.sessionExpired': {
      source: 'mosquitto v2.0.11 src/session_expiry.c (whole seconds of time(NULL), session_expiry_time < now)',
    },
    'session.ended.expired': {
      source: 'mosquitto v2.0.11 src/session_expiry.c (whole seconds of time(NULL), session_expiry_time < now)',
    },
    'conn.closed.keepAlive': {
      source:
        'mosquitto v2.0.11 src/keepalive.c (a sweep every 6 s of the monotonic clock; keepalive*3/2 in whole seconds)',
    },
    'conn.closed.takeover': {
      source: 'mosquitto v2.0.11 src/handle_connect.c (the old connection is closed without DISCONNECT 0x8E)',
    },
    'conn.closed.shutdown': {
      source: 'mosquitto v2.0.11 src/mosquitto.c (clients are closed at shutdown without DISCONNECT 0x8B)',
    },
    'conn.closed.malformed': {
      source: 'mosquitto v2.0.11 src/read_handle.c (an unknown packet type is a protocol error: DISCONNECT 0x82)',
    },
    'will.published.flushedAtShutdown': {
      source:
        'mosquitto v2.0.11 src/mosquitto.c main() at shutdown (context__send_will for every context, then src/will_delay.c will_delay__send_all); ChangeLog 1.4.13',
    },
    'session.ended.notPersisted': {
      source: 'mosquitto v2.0.11 src/persist_write.c persist__client_save (only clean_start == false)',
    },
    'session.restoredNoExpiry': {
      source: 'mosquitto v2.0.11 src/persist_read.c ("FIXME - we should expire clients here")',
    },
    'conn.refused.willQos3': {
      source:
        'mosquitto v2.0.11 src/handle_connect.c handle__connect (will QoS 3: MOSQ_ERR_PROTOCOL, closed with no CONNACK); measured: m20-v5-will-qos3',
    },
    'conn.refused.willTopic': {
      source:
        'mosquitto v2.0.11 src/handle_connect.c will__read (mosquitto_pub_topic_check fails: closed with no CONNACK); measured: m20-v5-will-topic-wildcard',
    },
  },
};

/**
 * ejabberd 23.01 (Debian 12's package), its mod_mqtt measured with `npm run verify:ejabberd` (our
 * own node) and read in the source at tag 23.01 of processone/ejabberd. Built on `spec`: every knob
 * below is a departure a recording shows, cited in that source; docs/ejabberd-23.01.md has the
 * table with the cases.
 */
export const EJABBERD_23_01: BrokerProfile = {
  ...SPEC,
  id: 'ejabberd-23.01',
  label: 'ejabberd 23.01',
  keepAliveGraceWholeSeconds: true,
  queuesQos0BehindUnacked: true,
  serverDisconnect: {
    'keepAlive.expired': 0x8d,
    'packet.malformed': 0x81,
    'packet.secondConnect': 0x82,
    'broker.shutdown': null,
  },
  restart: {
    publishesEveryWill: false,
    persistsOnlyCleanStart0: false,
    restoredSessionsExpire: true,
    keepsSessions: false,
    deliversWills: false,
  },
  deviations: {
    'conn.closed.keepAlive': {
      source:
        'ejabberd 23.01 src/mod_mqtt_session.erl set_keep_alive/2 (round(Secs * 1.5) whole seconds), disconnect/2 and disconnect_reason_code(idle_connection) (DISCONNECT 0x8D)',
    },
    'conn.closed.malformed': {
      source:
        'ejabberd 23.01 src/mqtt_codec.erl decode_pkt/4, decode_disconnect_code/1 and error_reason_code/1 (malformed-packet); src/mod_mqtt_session.erl disconnect/2 (DISCONNECT 0x81)',
    },
    'conn.closed.protocolError': {
      source:
        'ejabberd 23.01 src/mqtt_codec.erl decode_pkt/4 (a CONNECT once the version is known is {unexpected_packet, connect}: protocol-error); src/mod_mqtt_session.erl disconnect/2 (DISCONNECT 0x82)',
    },
    // Measured (the m20-restart cases); the source shows why sessions cannot survive, not why the
    // stopping node's wills reach no one nor why no DISCONNECT 0x8B is sent (read from recordings).
    'session.ended.inMemoryOnly': {
      source:
        'ejabberd 23.01 src/mod_mqtt_mnesia.erl init/2 (mqtt_session is a ram_copies table) and src/mod_mqtt_session.erl (the session state lives in its process)',
    },
    'will.deleted.quirkShutdown': {
      source:
        'recorded only: m20-restart-* cases of golden/ejabberd-23.01 (every MQTT session process stops with the node)',
    },
    'conn.closed.shutdown': {
      source: 'recorded only: m20-restart-*-connected-* cases of golden/ejabberd-23.01 (no DISCONNECT 0x8B at SIGTERM)',
    },
    'message.queuedQos0BehindUnacked': {
      source:
        'ejabberd 23.01 src/mod_mqtt_session.erl send/2 (with no socket, the first QoS 1/2 message becomes in_flight and any later one, QoS 0 included, goes to the queue) and resend/1 (in_flight again with DUP, then the queue, on reconnect)',
    },
  },
};

export const PROFILES: readonly BrokerProfile[] = [SPEC, NANOMQ_0_23_2, NANOMQ_0_23_3, MOSQUITTO_2_0, EJABBERD_23_01];

export function profileById(id: string): BrokerProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export const PROFILE_IDS: readonly string[] = PROFILES.map((p) => p.id);
