import type { BrokerSettings, ObserverDef, ProtocolLevel, SubscriptionDef } from '../types';

/**
 * The one table of what a scenario means when it leaves something out (conformance/FORMAT.md).
 * The validator, the case reader, the builder, the engine and the real-broker player read it here.
 */
export const DEFAULT_BROKER: Readonly<BrokerSettings> = Object.freeze({
  persistence: 'volatile',
  maximumQos: 2,
  retainAvailable: true,
  serverKeepAlive: null,
  maxSessionExpiry: null,
});

/** FORMAT.md "The implicit observer": MQTT 5.0, QoS 2, Retain As Published. */
export const DEFAULT_OBSERVER: Readonly<ObserverDef> = Object.freeze({
  protocol: 5,
  subscriptionQos: 2,
  retainAsPublished: true,
});

/** FORMAT.md "offlineSubscriber": a 5.0 persistent session (Session Expiry 3600 s) at QoS 2. */
export const OFFLINE_SUBSCRIBER_DEF = Object.freeze({
  protocol: 5 as ProtocolLevel,
  sessionExpiry: 3600,
  subscription: Object.freeze({
    qos: 2,
    retainAsPublished: true,
    noLocal: false,
    retainHandling: 0,
  }) satisfies Omit<SubscriptionDef, 'filter'>,
});

/** Defaults of a scenario's top level. */
export const SCENARIO_DEFAULTS = Object.freeze({
  title: '',
  profile: 'spec',
  seed: 1,
  protocol: 5 as ProtocolLevel,
  offlineSubscriber: false,
});

/** Defaults of a subscription's options (5.0 §3.8.3.1). */
export const SUBSCRIPTION_DEFAULTS = Object.freeze({
  retainAsPublished: false,
  noLocal: false,
  retainHandling: 0,
}) satisfies Omit<SubscriptionDef, 'filter' | 'qos'>;

/** Fills a partial broker block from the table. */
export function brokerSettings(b: Partial<BrokerSettings> | undefined): BrokerSettings {
  return {
    persistence: b?.persistence ?? DEFAULT_BROKER.persistence,
    maximumQos: b?.maximumQos ?? DEFAULT_BROKER.maximumQos,
    retainAvailable: b?.retainAvailable ?? DEFAULT_BROKER.retainAvailable,
    serverKeepAlive: b?.serverKeepAlive ?? DEFAULT_BROKER.serverKeepAlive,
    maxSessionExpiry: b?.maxSessionExpiry ?? DEFAULT_BROKER.maxSessionExpiry,
  };
}

/** Fills a partial observer block from the table; null stays null (no observer). */
export function observerSettings(o: Partial<ObserverDef> | null | undefined): ObserverDef | null {
  if (o === null) return null;
  return {
    protocol: o?.protocol ?? DEFAULT_OBSERVER.protocol,
    subscriptionQos: o?.subscriptionQos ?? DEFAULT_OBSERVER.subscriptionQos,
    retainAsPublished: o?.retainAsPublished ?? DEFAULT_OBSERVER.retainAsPublished,
  };
}
