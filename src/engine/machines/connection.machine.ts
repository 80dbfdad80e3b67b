import { and, setup } from 'xstate';
import type { ServerDisconnectEvent } from '../profiles';
import type { CloseCause } from '../types';

/**
 * Broker-side Network Connection: decides how a connection ends and what the broker says when it
 * ends it. The keep-alive clock itself is plain data in the engine (it moves with every packet);
 * only its expiry reaches this machine.
 */

export interface ConnectionContext {
  v: 4 | 5;
  /** NanoMQ: every client DISCONNECT deletes the will, whatever its reason code. */
  anyDisconnectDeletesWill: boolean;
  /** Mosquitto 2.0: ... except a 5.0 DISCONNECT 0x04 (Disconnect with Will Message). */
  keeps0x04?: boolean;
  /** BrokerProfile.serverDisconnect: another DISCONNECT (or none: null) than the spec's, 5.0 only. */
  serverDisconnect?: Partial<Record<ServerDisconnectEvent, number | null>>;
  /** BrokerProfile.secondConnectEndsSession: a second CONNECT also drops the will and the session. */
  secondConnectEndsSession?: boolean;
  /** BrokerProfile.takeoverKeepsWillOnlyIfSessionEnds. */
  takeoverKeepsWillOnlyIfSessionEnds?: boolean;
}

export type ConnectionEvent =
  | { type: 'net.closed'; reset: boolean }
  | { type: 'keepAlive.expired' }
  | {
      type: 'packet.disconnect';
      /** Reason Code 0x00 (always true for 3.1.1, which has no reason codes). */
      normal: boolean;
      /** The code is one of the DISCONNECT Reason Codes of §3.14.2.1. */
      known: boolean;
      /** 5.0 §3.14.2.2.2: Session Expiry raised from 0 at DISCONNECT (a Protocol Error). */
      seiRaisedFromZero: boolean;
      /** The Reason Code itself (5.0), for profiles that single one out. */
      reason?: number;
    }
  | { type: 'packet.secondConnect' }
  /** 5.0 §3.2.2.3.4 / §3.2.2.3.5: a PUBLISH above Maximum QoS (0x9B) or retained where retain is off (0x9A). */
  | { type: 'packet.unsupported'; reason: 0x9a | 0x9b }
  | { type: 'packet.malformed' }
  | {
      type: 'takeover';
      /** The new connection has Clean Start 1. */
      byCleanStart: boolean;
      /** The session's Session Expiry in force is not 0 (it outlives this connection). */
      sessionOutlives: boolean;
    }
  | { type: 'admin.kick' }
  | { type: 'broker.shutdown' };

export type DeleteRule =
  | 'none'
  | 'normalDisconnect'
  | 'v4Disconnect'
  | 'quirkAnyDisconnect'
  /** A takeover that keeps the session removes the old will (takeoverKeepsWillOnlyIfSessionEnds). */
  | 'quirkTakeover'
  /** A second CONNECT removes the will and ends the session at the close (secondConnectEndsSession). */
  | 'quirkSecondConnect';

/** What the connection machine asks the engine to do. */
export type ConnectionEffect =
  | { type: 'sendDisconnect'; params: { reason: number } }
  | { type: 'close'; params: { cause: CloseCause; deleteRule: DeleteRule } };

const effect =
  <T>() =>
  (_: unknown, _params: T): void => {};

type Disc = Extract<ConnectionEvent, { type: 'packet.disconnect' }>;
type Ctx = { context: ConnectionContext };

// 5.0 [MQTT-3.1.4-3]: 0x8E (Session taken over); §3.14.2.1: 0x8B (Server shutting down); a
// malformed packet has no DISCONNECT in the spec profile (0x81 is a MAY).
const profileReason = ({ context }: Ctx) => ({ reason: context.serverDisconnect?.['packet.malformed'] ?? 0x81 });
const takeoverReason = ({ context }: Ctx) => ({ reason: context.serverDisconnect?.takeover ?? 0x8e });
const shutdownReason = ({ context }: Ctx) => ({ reason: context.serverDisconnect?.['broker.shutdown'] ?? 0x8b });
// ejabberd 23.01: 0x8D before a keep-alive close and 0x82 before closing on a second CONNECT (the
// spec profile sends neither: both are MAYs).
const keepAliveReason = ({ context }: Ctx) => ({ reason: context.serverDisconnect?.['keepAlive.expired'] ?? 0x8d });
const secondConnectReason = ({ context }: Ctx) => ({
  reason: context.serverDisconnect?.['packet.secondConnect'] ?? 0x82,
});

export const connectionMachine = setup({
  types: {
    context: {} as ConnectionContext,
    input: {} as ConnectionContext,
    events: {} as ConnectionEvent,
  },
  actions: {
    /** A server DISCONNECT: 5.0 only, and only after a successful CONNACK [MQTT-3.14.0-1]. */
    sendDisconnect: effect<{ reason: number }>(),
    close: effect<{ cause: CloseCause; deleteRule: DeleteRule }>(),
  },
  guards: {
    isV4: ({ context }) => context.v === 4,
    isV5: ({ context }) => context.v === 5,
    seiRaisedFromZero: ({ context, event }) => context.v === 5 && (event as Disc).seiRaisedFromZero,
    quirkAnyDisconnect: ({ context, event }) =>
      context.anyDisconnectDeletesWill && !(context.keeps0x04 && context.v === 5 && (event as Disc).reason === 0x04),
    unknownReason: ({ context, event }) => context.v === 5 && !(event as Disc).known,
    normal: ({ event }) => (event as Disc).normal,
    secondConnectEndsSession: ({ context }) => context.secondConnectEndsSession === true,
    takeoverDropsWill: ({ context, event }) => {
      const e = event as Extract<ConnectionEvent, { type: 'takeover' }>;
      return context.takeoverKeepsWillOnlyIfSessionEnds === true && !e.byCleanStart && e.sessionOutlives;
    },
    // 5.0 only: the spec's DISCONNECT unless the profile sends another one or none (null).
    profileSends: ({ context }) =>
      context.v === 5 && typeof context.serverDisconnect?.['packet.malformed'] === 'number',
    sendsOnTakeover: ({ context }) => context.v === 5 && context.serverDisconnect?.takeover !== null,
    sendsOnShutdown: ({ context }) => context.v === 5 && context.serverDisconnect?.['broker.shutdown'] !== null,
    sendsOnKeepAlive: ({ context }) =>
      context.v === 5 && typeof context.serverDisconnect?.['keepAlive.expired'] === 'number',
    sendsOnSecondConnect: ({ context }) =>
      context.v === 5 && typeof context.serverDisconnect?.['packet.secondConnect'] === 'number',
  },
}).createMachine({
  id: 'connection',
  context: ({ input }) => input,
  initial: 'open',
  states: {
    open: {
      on: {
        'net.closed': [
          {
            guard: ({ event }) => event.reset,
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'reset', deleteRule: 'none' } }],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'network', deleteRule: 'none' } }] },
        ],
        // 5.0 [MQTT-3.1.2-22] / 3.1.1 [MQTT-3.1.2-24]: closed "as if the network had failed". A 5.0
        // broker MAY send 0x8D first; the strict profile does not (the spec cases expect none).
        'keepAlive.expired': [
          {
            guard: 'sendsOnKeepAlive',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: keepAliveReason },
              { type: 'close', params: { cause: 'keepAlive', deleteRule: 'none' } },
            ],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'keepAlive', deleteRule: 'none' } }] },
        ],
        'packet.disconnect': [
          // §3.14.2.2.2: not a valid DISCONNECT; the broker answers 0x82 and closes on error.
          {
            guard: 'seiRaisedFromZero',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: { reason: 0x82 } },
              { type: 'close', params: { cause: 'protocolError', deleteRule: 'none' } },
            ],
          },
          {
            guard: 'quirkAnyDisconnect',
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'clientDisconnect', deleteRule: 'quirkAnyDisconnect' } }],
          },
          // [MQTT-3.14.2-1]: a code outside the table makes the packet malformed.
          {
            guard: and(['unknownReason', 'profileSends']),
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: profileReason },
              { type: 'close', params: { cause: 'malformed', deleteRule: 'none' } },
            ],
          },
          {
            guard: 'unknownReason',
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'malformed', deleteRule: 'none' } }],
          },
          {
            guard: 'isV4',
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'clientDisconnect', deleteRule: 'v4Disconnect' } }],
          },
          {
            guard: 'normal',
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'clientDisconnect', deleteRule: 'normalDisconnect' } }],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'clientDisconnect', deleteRule: 'none' } }] },
        ],
        // 5.0 [MQTT-3.1.0-2] / 3.1.1 [MQTT-3.1.0-2]: a second CONNECT is a Protocol Error.
        'packet.secondConnect': [
          {
            guard: and(['secondConnectEndsSession', 'sendsOnSecondConnect']),
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: secondConnectReason },
              { type: 'close', params: { cause: 'protocolError', deleteRule: 'quirkSecondConnect' } },
            ],
          },
          {
            guard: 'sendsOnSecondConnect',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: secondConnectReason },
              { type: 'close', params: { cause: 'protocolError', deleteRule: 'none' } },
            ],
          },
          {
            guard: 'secondConnectEndsSession',
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'protocolError', deleteRule: 'quirkSecondConnect' } }],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'protocolError', deleteRule: 'none' } }] },
        ],
        // [MQTT-4.13.1-1]: a Protocol Error closes the connection after a DISCONNECT with its code.
        'packet.unsupported': {
          target: 'closed',
          actions: [
            { type: 'sendDisconnect', params: ({ event }) => ({ reason: (event as { reason: number }).reason }) },
            { type: 'close', params: { cause: 'protocolError', deleteRule: 'none' } },
          ],
        },
        'packet.malformed': [
          {
            guard: 'profileSends',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: profileReason },
              { type: 'close', params: { cause: 'malformed', deleteRule: 'none' } },
            ],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'malformed', deleteRule: 'none' } }] },
        ],
        // 5.0 [MQTT-3.1.4-3]: the existing connection gets DISCONNECT 0x8E and is closed.
        takeover: [
          // Mosquitto 2.0: a takeover that keeps the session removes the will instead of publishing it.
          {
            guard: and(['takeoverDropsWill', 'sendsOnTakeover']),
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: takeoverReason },
              { type: 'close', params: { cause: 'takeover', deleteRule: 'quirkTakeover' } },
            ],
          },
          {
            guard: 'takeoverDropsWill',
            target: 'closed',
            actions: [{ type: 'close', params: { cause: 'takeover', deleteRule: 'quirkTakeover' } }],
          },
          {
            guard: 'sendsOnTakeover',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: takeoverReason },
              { type: 'close', params: { cause: 'takeover', deleteRule: 'none' } },
            ],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'takeover', deleteRule: 'none' } }] },
        ],
        'admin.kick': [
          {
            guard: 'isV5',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: { reason: 0x98 } },
              { type: 'close', params: { cause: 'adminKick', deleteRule: 'none' } },
            ],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'adminKick', deleteRule: 'none' } }] },
        ],
        'broker.shutdown': [
          {
            guard: 'sendsOnShutdown',
            target: 'closed',
            actions: [
              { type: 'sendDisconnect', params: shutdownReason },
              { type: 'close', params: { cause: 'shutdown', deleteRule: 'none' } },
            ],
          },
          { target: 'closed', actions: [{ type: 'close', params: { cause: 'shutdown', deleteRule: 'none' } }] },
        ],
      },
    },
    closed: { type: 'final' },
  },
});
