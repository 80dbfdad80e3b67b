import { buildScenario, buildSubscription, buildWill } from '../engine/script';
import type { ClientDef, Scenario, SubscriptionDef, WillDef } from '../engine/types';

/**
 * The scenario shown on first load. It teaches at once: a device with a retained "offline" will, a
 * birth message "online", an observer, and a network drop at 5 s. Its Will Delay (10 s) is shorter
 * than its Session Expiry (30 s), so the will goes out at 15 s, not at the drop.
 */
export function defaultScenario(): Scenario {
  return buildScenario({
    title: 'A device drops off the network',
    observer: { subscriptionQos: 1 },
    clients: [
      {
        name: 'device',
        clientId: 'device-1',
        protocol: 5,
        cleanStart: false,
        sessionExpiry: 30,
        keepAlive: 10,
        will: {
          topic: 'devices/device-1/status',
          payload: 'offline',
          qos: 1,
          retain: true,
          delay: 10,
          messageExpiry: null,
          props: null,
        },
        subscriptions: [],
      },
    ],
    steps: [
      { t: 0, action: 'connect', client: 'device' },
      {
        t: 0,
        action: 'publish',
        client: 'device',
        topic: 'devices/device-1/status',
        payload: 'online',
        qos: 1,
        retain: true,
      },
      { t: 5, action: 'drop', client: 'device' },
    ],
    end: 40,
  });
}

export function defaultWill(clientId: string): WillDef {
  return buildWill(`devices/${clientId || 'device'}/status`, { retain: true });
}

export function defaultSubscription(filter = 'devices/+/status'): SubscriptionDef {
  return buildSubscription(filter);
}

/** A new client: a device (with a will) or a subscriber (with one subscription, no will). */
export function newClient(kind: 'device' | 'subscriber', name: string, protocol: 4 | 5): ClientDef {
  const device = kind === 'device';
  return {
    name,
    clientId: name,
    protocol,
    cleanStart: true,
    sessionExpiry: device ? 0 : 300,
    keepAlive: 10,
    will: device ? defaultWill(name) : null,
    subscriptions: device ? [] : [defaultSubscription()],
  };
}
