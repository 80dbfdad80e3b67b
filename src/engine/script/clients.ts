import type { ClientDef, Scenario, WillDef } from '../types';
import { OFFLINE_SUBSCRIBER_DEF } from './defaults';
import { OBSERVER, OBSERVER_CLIENT_ID, OFFLINE_CLIENT_ID, OFFLINE_SUBSCRIBER } from './names';

/**
 * Every will topic of the scenario, in first-seen order (clients, then reconnect steps): the
 * filters of the implicit observer and the offline subscriber, and the topics of `retainedAfter`.
 */
export function willTopics(sc: Scenario): string[] {
  const topics: string[] = [];
  const add = (w: WillDef | null | undefined) => {
    if (w && !topics.includes(w.topic)) topics.push(w.topic);
  };
  for (const c of sc.clients) add(c.will);
  for (const s of sc.steps) if (s.action === 'reconnect') add(s.will);
  return topics;
}

/**
 * The implicit clients FORMAT.md adds to a scenario, as ordinary client definitions: the observer
 * (Clean Start 1, no Keep Alive, one subscription per will topic) and the offline subscriber.
 */
export function implicitClients(sc: Scenario, topics: readonly string[] = willTopics(sc)): ClientDef[] {
  const out: ClientDef[] = [];
  const o = sc.observer;
  if (o)
    out.push({
      name: OBSERVER,
      clientId: OBSERVER_CLIENT_ID,
      protocol: o.protocol,
      cleanStart: true,
      sessionExpiry: null,
      keepAlive: 0,
      will: null,
      subscriptions: topics.map((filter) => ({
        filter,
        qos: o.subscriptionQos,
        retainAsPublished: o.retainAsPublished,
        noLocal: false,
        retainHandling: 0,
      })),
    });
  if (sc.offlineSubscriber)
    out.push({
      name: OFFLINE_SUBSCRIBER,
      clientId: OFFLINE_CLIENT_ID,
      protocol: OFFLINE_SUBSCRIBER_DEF.protocol,
      cleanStart: false,
      sessionExpiry: OFFLINE_SUBSCRIBER_DEF.sessionExpiry,
      keepAlive: 0,
      will: null,
      subscriptions: topics.map((filter) => ({ filter, ...OFFLINE_SUBSCRIBER_DEF.subscription })),
    });
  return out;
}
