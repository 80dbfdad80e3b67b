import { setup } from 'xstate';

/**
 * A virtual client as the broker's peer: offline, connecting, connected (active or silent). It
 * decides whether a scenario step applies now, whether the client keeps its keep-alive going, and
 * whether it sends a PINGREQ when its Keep Alive has passed with nothing sent (5.0 [MQTT-3.1.2-20],
 * 3.1.1 [MQTT-3.1.2-23]); when that moment comes is plain data in the engine.
 */

export type ClientEvent =
  | { type: 'cmd.connect' }
  | { type: 'connack'; accepted: boolean }
  | { type: 'cmd.silence' }
  | { type: 'cmd.disconnect' }
  | { type: 'cmd.drop' }
  | { type: 'socket.closed' }
  /** The client has sent nothing for its Keep Alive. */
  | { type: 'ping.due' };

/** What the client machine asks the engine to do (none of its actions has params). */
export type ClientEffect = {
  type: 'sendConnect' | 'startKeepAlive' | 'stopKeepAlive' | 'sendDisconnect' | 'closeSocket' | 'sendPingreq';
  params: Record<string, never>;
};

const effect =
  <T>() =>
  (_: unknown, _params: T): void => {};

export const clientMachine = setup({
  types: { events: {} as ClientEvent },
  actions: {
    sendConnect: effect<undefined>(),
    startKeepAlive: effect<undefined>(),
    stopKeepAlive: effect<undefined>(),
    sendDisconnect: effect<undefined>(),
    closeSocket: effect<undefined>(),
    sendPingreq: effect<undefined>(),
  },
}).createMachine({
  id: 'client',
  initial: 'offline',
  states: {
    offline: { on: { 'cmd.connect': { target: 'connecting', actions: ['sendConnect'] } } },
    connecting: {
      on: {
        connack: [
          { guard: ({ event }) => event.accepted, target: 'connected.active', actions: ['startKeepAlive'] },
          { target: 'offline' },
        ],
        'cmd.drop': { target: 'offline', actions: ['closeSocket'] },
        'socket.closed': { target: 'offline' },
      },
    },
    connected: {
      initial: 'active',
      states: {
        active: {
          on: {
            'cmd.silence': { target: 'silent', actions: ['stopKeepAlive'] },
            'ping.due': { actions: ['sendPingreq'] },
          },
        },
        // The socket stays open but nothing is sent: only the broker's keep-alive can notice.
        silent: {},
      },
      on: {
        'cmd.disconnect': { target: 'offline', actions: ['stopKeepAlive', 'sendDisconnect'] },
        'cmd.drop': { target: 'offline', actions: ['stopKeepAlive', 'closeSocket'] },
        'socket.closed': { target: 'offline', actions: ['stopKeepAlive'] },
      },
    },
  },
});
