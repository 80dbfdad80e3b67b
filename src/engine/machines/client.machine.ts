import { setup } from 'xstate';

/**
 * A virtual client as the broker's peer: offline, connecting, connected (active or silent). It says
 * whether a scenario step applies now and whether the client keeps its keep-alive going; the
 * PINGREQ clock itself is plain data in the engine.
 */

export type ClientEvent =
  | { type: 'cmd.connect' }
  | { type: 'connack'; accepted: boolean }
  | { type: 'cmd.silence' }
  | { type: 'cmd.disconnect' }
  | { type: 'cmd.drop' }
  | { type: 'socket.closed' };

/** What the client machine asks the engine to do (none of its actions has params). */
export type ClientEffect = {
  type: 'sendConnect' | 'startKeepAlive' | 'stopKeepAlive' | 'sendDisconnect' | 'closeSocket';
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
        active: { on: { 'cmd.silence': { target: 'silent', actions: ['stopKeepAlive'] } } },
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
