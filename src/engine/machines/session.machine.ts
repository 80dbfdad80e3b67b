import { assign, raise, setup } from 'xstate';

/**
 * Broker-side Session of one Client Identifier: where the will lives (MQTT 5.0 [MQTT-3.1.2-7]) and
 * when it is published, deleted or cancelled. Pure: effects come back as named actions with params;
 * the engine executes them and owns every timer (armTimer/cancelTimer are data, not delays).
 *
 * The context is symbolic on purpose (flags, not times), so transitions memoise well: the engine
 * computes "does the session end at close?" from the Session Expiry in force and passes it in.
 */

export type WillWhy =
  | 'normalDisconnect'
  | 'v4Closed'
  | 'sessionEndsAtClose'
  | 'noDelay'
  | 'delayElapsed'
  | 'sessionExpired'
  | 'cleanStart'
  | 'adminDiscard'
  | 'brokerStopped'
  | 'resumed'
  | 'cachedSession'
  | 'cachedSessionClosed'
  | 'cleanStartNotKept'
  | 'newConnection'
  /** Mosquitto 2.0 (mosquitto#3505): the delay passed although Session Expiry 0 ended the session. */
  | 'seiZeroDelayed'
  /** A stopping broker publishes a will still waiting for its delay (BrokerProfile.restart). */
  | 'flushedAtShutdown';

export type EndWhy =
  | 'closedSeiZero'
  | 'expired'
  | 'cleanStart'
  | 'adminDiscard'
  | 'brokerStopped'
  | 'cleanStartNotKept'
  | 'cachedSessionClosed'
  | 'notPersisted'
  | 'inMemoryOnly';

export type KeepMode = 'expires' | 'never' | 'cached';

export interface SessionQuirks {
  /** NanoMQ 0.23.2: a Clean Start 0 session is cached at close and its will withheld (nanomq#1989). */
  cachesCleanStart0: boolean;
  /** NanoMQ: a Clean Start 1 session is never kept, whatever its Session Expiry. */
  cleanStart1NeverKept: boolean;
  /**
   * Mosquitto 2.0 (mosquitto#3505): with Session Expiry 0 a will with a Will Delay still waits for
   * the delay instead of going out at the close; the session itself cannot be resumed.
   */
  seiZeroWillWaitsForDelay?: boolean;
}

export interface SessionContext {
  v: 4 | 5;
  /** Clean Start of the connection the session is attached to (or was, while detached). */
  cleanStart: boolean;
  willDelayZero: boolean;
  quirks: SessionQuirks;
}

export type SessionEvent =
  | { type: 'conn.attached'; v: 4 | 5; cleanStart: boolean; hasWill: boolean; willDelayZero: boolean }
  | {
      type: 'conn.closed';
      /** The client sent a DISCONNECT that deletes the will (0x00 in 5.0, any in 3.1.1, or a profile's rule). */
      deleteWill: boolean;
      /** Session Expiry in force is 0 (5.0) / CleanSession 1 (3.1.1): the session ends at close. */
      seiZero: boolean;
      /** Session Expiry 0xFFFFFFFF (5.0) / CleanSession 0 (3.1.1): the session never expires. */
      seiNever: boolean;
      /** The broker itself ended the connection for another client or an administrator. */
      kicked: boolean;
    }
  | {
      type: 'timer.willDelay';
      /** 5.0 Session Expiry 0 is in force (only a profile's quirk lets such a will wait). */
      seiZero: boolean;
    }
  | { type: 'timer.sessionExpiry' }
  | {
      type: 'session.discard';
      why: 'cleanStart' | 'adminDiscard' | 'brokerStopped' | 'closedSeiZero' | 'notPersisted' | 'inMemoryOnly';
      /** Mosquitto 2.0: a will still waiting for its delay is removed, not published. */
      dropWill?: boolean;
    }
  /** The broker publishes a will still waiting for its delay now, keeping the session (shutdown). */
  | { type: 'will.flush' };

export type SessionTimer = 'willDelay' | 'sessionExpiry';

/** What the session machine asks the engine to do: its actions with their params, as data. */
export type SessionEffect =
  | { type: 'armTimer' | 'cancelTimer'; params: { timer: SessionTimer } }
  | { type: 'storeWill' | 'scheduleWill' | 'resumeSession'; params: Record<string, never> }
  | { type: 'publishWill' | 'deleteWill' | 'cancelWill' | 'withholdWill'; params: { why: WillWhy } }
  | { type: 'keepSession'; params: { mode: KeepMode } }
  | { type: 'endSession'; params: { why: EndWhy } };

/** Effect declarations: bodies are empty on purpose; the engine reads {type, params}. */
const effect =
  <T>() =>
  (_: unknown, _params: T): void => {};

type Closed = Extract<SessionEvent, { type: 'conn.closed' }>;
type Attached = Extract<SessionEvent, { type: 'conn.attached' }>;
type Discard = Extract<SessionEvent, { type: 'session.discard' }>;

/** Why a will goes out when its session is discarded (a Session Expiry 0 session ends at close). */
const willWhyOfDiscard = (e: Discard): WillWhy =>
  e.why === 'closedSeiZero'
    ? 'sessionEndsAtClose'
    : e.why === 'notPersisted' || e.why === 'inMemoryOnly'
      ? 'brokerStopped'
      : e.why;

// Builders for transitions that recur in several detached states (only the timers differ).
const cancel = (timer: SessionTimer) => ({ type: 'cancelTimer', params: { timer } }) as const;
const cancelWillResumed = { type: 'cancelWill', params: { why: 'resumed' } } as const;
/** A new connection resumes this session, bringing its own will or none. */
const resumeWith = <const A extends readonly object[]>(...first: A) =>
  [
    {
      guard: 'attachesWithWill',
      target: '#session.active.willStored',
      actions: [...first, 'resumeSession', 'adopt', 'storeWill'],
    },
    { target: '#session.active.noWill', actions: [...first, 'resumeSession', 'adopt'] },
  ] as const;

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    input: {} as { quirks: SessionQuirks },
    events: {} as SessionEvent,
  },
  actions: {
    armTimer: effect<{ timer: SessionTimer }>(),
    cancelTimer: effect<{ timer: SessionTimer }>(),
    storeWill: effect<undefined>(),
    publishWill: effect<{ why: WillWhy }>(),
    deleteWill: effect<{ why: WillWhy }>(),
    scheduleWill: effect<undefined>(),
    cancelWill: effect<{ why: WillWhy }>(),
    withholdWill: effect<{ why: WillWhy }>(),
    keepSession: effect<{ mode: KeepMode }>(),
    endSession: effect<{ why: EndWhy }>(),
    resumeSession: effect<undefined>(),
    adopt: assign(({ event }) => {
      const e = event as Attached;
      return { v: e.v, cleanStart: e.cleanStart, willDelayZero: e.willDelayZero };
    }),
  },
  guards: {
    deletesWill: ({ event }) => (event as Closed).deleteWill,
    isV4: ({ context }) => context.v === 4,
    // NanoMQ publishes the will when a conflicting ClientID or an administrator kicks the client.
    cachedByQuirk: ({ context, event }) =>
      context.quirks.cachesCleanStart0 && !context.cleanStart && !(event as Closed).kicked,
    notKeptByQuirk: ({ context }) => context.quirks.cleanStart1NeverKept && context.cleanStart,
    seiZero: ({ event }) => (event as Closed).seiZero,
    seiNever: ({ event }) => (event as Closed).seiNever,
    willDelayZero: ({ context }) => context.willDelayZero,
    attachesWithWill: ({ event }) => (event as Attached).hasWill,
    seiZeroWaitsForDelay: ({ context, event }) =>
      context.quirks.seiZeroWillWaitsForDelay === true && (event as Closed).seiZero && !context.willDelayZero,
    dropsWill: ({ event }) => (event as Discard).dropWill === true,
    delayedPastSeiZero: ({ context, event }) =>
      context.v === 5 && (event as Extract<SessionEvent, { type: 'timer.willDelay' }>).seiZero,
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({ v: 5, cleanStart: true, willDelayZero: true, quirks: input.quirks }),
  initial: 'new',
  states: {
    new: {
      on: {
        'conn.attached': [
          { guard: 'attachesWithWill', target: 'active.willStored', actions: ['adopt', 'storeWill'] },
          { target: 'active.noWill', actions: ['adopt'] },
        ],
      },
    },
    active: {
      initial: 'noWill',
      states: {
        // What happens to the session itself when its connection closes.
        noWill: {
          on: {
            'conn.closed': [
              // NanoMQ 0.23.2 caches every Clean Start 0 session, whatever its expiry (nanomq#1989).
              {
                guard: 'cachedByQuirk',
                target: '#session.detached.noWill',
                actions: [
                  { type: 'keepSession', params: { mode: 'cached' } },
                  { type: 'armTimer', params: { timer: 'sessionExpiry' } },
                ],
              },
              {
                guard: 'notKeptByQuirk',
                target: '#session.ended',
                actions: [{ type: 'endSession', params: { why: 'cleanStartNotKept' } }],
              },
              // 5.0 §3.1.2.11.2: Session Expiry 0 (or absent) ends the session when the connection
              // closes. 3.1.1 [MQTT-3.1.2-6]: a CleanSession 1 session lasts as long as the connection.
              {
                guard: 'seiZero',
                target: '#session.ended',
                actions: [{ type: 'endSession', params: { why: 'closedSeiZero' } }],
              },
              {
                guard: 'seiNever',
                target: '#session.detached.noWill',
                actions: [{ type: 'keepSession', params: { mode: 'never' } }],
              },
              {
                target: '#session.detached.noWill',
                actions: [
                  { type: 'keepSession', params: { mode: 'expires' } },
                  { type: 'armTimer', params: { timer: 'sessionExpiry' } },
                ],
              },
            ],
          },
        },
        willStored: {
          on: {
            'conn.closed': [
              // 5.0 [MQTT-3.1.2-10], [MQTT-3.14.4-3]: DISCONNECT 0x00 deletes the will; then the
              // session closes as one without a will (the raised event is handled by noWill).
              {
                guard: 'deletesWill',
                target: 'noWill',
                actions: [
                  { type: 'deleteWill', params: { why: 'normalDisconnect' } },
                  raise(({ event }) => event as Closed),
                ],
              },
              {
                guard: 'cachedByQuirk',
                target: '#session.detached.willHeld',
                actions: [
                  { type: 'withholdWill', params: { why: 'cachedSession' } },
                  { type: 'keepSession', params: { mode: 'cached' } },
                  { type: 'armTimer', params: { timer: 'sessionExpiry' } },
                ],
              },
              {
                guard: 'notKeptByQuirk',
                target: '#session.ended',
                actions: [
                  { type: 'publishWill', params: { why: 'cleanStartNotKept' } },
                  { type: 'endSession', params: { why: 'cleanStartNotKept' } },
                ],
              },
              // 3.1.1 [MQTT-3.1.2-8]: the will belongs to the Network Connection: published at close.
              {
                guard: 'isV4',
                target: 'noWill',
                actions: [{ type: 'publishWill', params: { why: 'v4Closed' } }, raise(({ event }) => event as Closed)],
              },
              // Mosquitto 2.0 (mosquitto#3505): Session Expiry 0 does not cut the Will Delay short.
              {
                guard: 'seiZeroWaitsForDelay',
                target: '#session.detached.willDelayed',
                actions: ['scheduleWill', { type: 'armTimer', params: { timer: 'willDelay' } }],
              },
              // 5.0 §3.1.3.2.2: the delay is cut short when the session ends, here at the close itself.
              {
                guard: 'seiZero',
                target: '#session.ended',
                actions: [
                  { type: 'publishWill', params: { why: 'sessionEndsAtClose' } },
                  { type: 'endSession', params: { why: 'closedSeiZero' } },
                ],
              },
              {
                guard: 'willDelayZero',
                target: 'noWill',
                actions: [{ type: 'publishWill', params: { why: 'noDelay' } }, raise(({ event }) => event as Closed)],
              },
              {
                guard: 'seiNever',
                target: '#session.detached.willDelayed',
                actions: [
                  'scheduleWill',
                  { type: 'armTimer', params: { timer: 'willDelay' } },
                  { type: 'keepSession', params: { mode: 'never' } },
                ],
              },
              {
                target: '#session.detached.willDelayed',
                actions: [
                  'scheduleWill',
                  { type: 'armTimer', params: { timer: 'willDelay' } },
                  { type: 'keepSession', params: { mode: 'expires' } },
                  { type: 'armTimer', params: { timer: 'sessionExpiry' } },
                ],
              },
            ],
          },
        },
      },
    },
    detached: {
      initial: 'noWill',
      states: {
        noWill: {
          on: {
            'timer.sessionExpiry': {
              target: '#session.ended',
              actions: [{ type: 'endSession', params: { why: 'expired' } }],
            },
            'conn.attached': resumeWith(cancel('sessionExpiry')),
            'session.discard': {
              target: '#session.ended',
              actions: [
                { type: 'cancelTimer', params: { timer: 'sessionExpiry' } },
                { type: 'endSession', params: ({ event }) => ({ why: (event as Discard).why }) },
              ],
            },
          },
        },
        willDelayed: {
          on: {
            'timer.willDelay': [
              {
                guard: 'delayedPastSeiZero',
                target: 'noWill',
                actions: [{ type: 'publishWill', params: { why: 'seiZeroDelayed' } }],
              },
              { target: 'noWill', actions: [{ type: 'publishWill', params: { why: 'delayElapsed' } }] },
            ],
            // §3.1.3.2.2 "whichever happens first": the session ended before the delay passed.
            'timer.sessionExpiry': {
              target: '#session.ended',
              actions: [
                { type: 'cancelTimer', params: { timer: 'willDelay' } },
                { type: 'publishWill', params: { why: 'sessionExpired' } },
                { type: 'endSession', params: { why: 'expired' } },
              ],
            },
            // 5.0 [MQTT-3.1.3-9]: a new Network Connection to this Session before the delay elapses
            // means the will MUST NOT be sent.
            'conn.attached': resumeWith(cancel('willDelay'), cancel('sessionExpiry'), cancelWillResumed),
            // Clean Start 1 (A1), an administrative discard or a volatile restart ends the session:
            // the pending will goes out now (notes in §3.1.3.2.2 and §3.1.4).
            'session.discard': [
              // Mosquitto 2.0: the new connection removes the waiting will instead.
              {
                guard: 'dropsWill',
                target: '#session.ended',
                actions: [
                  { type: 'cancelTimer', params: { timer: 'willDelay' } },
                  { type: 'cancelTimer', params: { timer: 'sessionExpiry' } },
                  { type: 'deleteWill', params: { why: 'newConnection' } },
                  { type: 'endSession', params: ({ event }) => ({ why: (event as Discard).why }) },
                ],
              },
              {
                target: '#session.ended',
                actions: [
                  { type: 'cancelTimer', params: { timer: 'willDelay' } },
                  { type: 'cancelTimer', params: { timer: 'sessionExpiry' } },
                  { type: 'publishWill', params: ({ event }) => ({ why: willWhyOfDiscard(event as Discard) }) },
                  { type: 'endSession', params: ({ event }) => ({ why: (event as Discard).why }) },
                ],
              },
            ],
            // §3.1.2.5 allows a stopping broker to publish wills at once (ambiguity A8).
            'will.flush': {
              target: 'noWill',
              actions: [
                { type: 'cancelTimer', params: { timer: 'willDelay' } },
                { type: 'publishWill', params: { why: 'flushedAtShutdown' } },
              ],
            },
          },
        },
        // NanoMQ 0.23.2 only: the will waits with the cached session until that session is closed.
        willHeld: {
          on: {
            'timer.sessionExpiry': {
              target: '#session.ended',
              actions: [
                { type: 'publishWill', params: { why: 'cachedSessionClosed' } },
                { type: 'endSession', params: { why: 'cachedSessionClosed' } },
              ],
            },
            'conn.attached': resumeWith(cancel('sessionExpiry'), cancelWillResumed),
            'session.discard': [
              // NanoMQ: a new connection before the will's deadline (from CONNECT) drops the will.
              {
                guard: 'dropsWill',
                target: '#session.ended',
                actions: [
                  { type: 'cancelTimer', params: { timer: 'sessionExpiry' } },
                  { type: 'deleteWill', params: { why: 'newConnection' } },
                  { type: 'endSession', params: ({ event }) => ({ why: (event as Discard).why }) },
                ],
              },
              {
                target: '#session.ended',
                actions: [
                  { type: 'cancelTimer', params: { timer: 'sessionExpiry' } },
                  { type: 'publishWill', params: ({ event }) => ({ why: willWhyOfDiscard(event as Discard) }) },
                  { type: 'endSession', params: ({ event }) => ({ why: (event as Discard).why }) },
                ],
              },
            ],
          },
        },
      },
    },
    ended: { type: 'final' },
  },
});
