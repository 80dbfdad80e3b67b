import type { BrokerSettings, ClientDef, ObserverDef, Scenario, Step, SubscriptionDef, WillDef } from '../types';
import { brokerSettings, observerSettings, SCENARIO_DEFAULTS, SUBSCRIPTION_DEFAULTS } from './defaults';

/**
 * The typed scenario builder: code that writes scenarios (the explorer's cells, the benchmark,
 * examples, the test driver) names only what it cares about and gets the defaults of
 * {@link ./defaults} for the rest. Untrusted input goes through src/scenario/validate.ts instead.
 */
export interface ScenarioParts {
  title?: string;
  profile?: string;
  seed?: number;
  protocol?: Scenario['protocol'];
  broker?: Partial<BrokerSettings>;
  /** Partial settings fill from the defaults; null = no observer; absent = the default observer. */
  observer?: Partial<ObserverDef> | null;
  offlineSubscriber?: boolean;
  clients?: ClientDef[];
  /** In time order (equal times keep their order); the builder does not reorder them. */
  steps?: Step[];
  /** Seconds. */
  end: number;
}

export function buildScenario(p: ScenarioParts): Scenario {
  return {
    version: 1,
    title: p.title ?? SCENARIO_DEFAULTS.title,
    profile: p.profile ?? SCENARIO_DEFAULTS.profile,
    seed: p.seed ?? SCENARIO_DEFAULTS.seed,
    protocol: p.protocol ?? SCENARIO_DEFAULTS.protocol,
    broker: brokerSettings(p.broker),
    observer: observerSettings(p.observer),
    offlineSubscriber: p.offlineSubscriber ?? SCENARIO_DEFAULTS.offlineSubscriber,
    clients: p.clients ?? [],
    steps: p.steps ?? [],
    end: p.end,
  };
}

/** A client: Client Identifier = name, Clean Start 1, no Session Expiry, Keep Alive 60 s, no will. */
export function buildClient(name: string, o: Partial<Omit<ClientDef, 'name'>> = {}): ClientDef {
  return {
    name,
    clientId: o.clientId ?? name,
    protocol: o.protocol ?? SCENARIO_DEFAULTS.protocol,
    cleanStart: o.cleanStart ?? true,
    sessionExpiry: o.sessionExpiry !== undefined ? o.sessionExpiry : null,
    keepAlive: o.keepAlive ?? 60,
    will: o.will ?? null,
    subscriptions: o.subscriptions ?? [],
  };
}

/** A will: QoS 1, not retained, no Will Delay, no Message Expiry, no properties. */
export function buildWill(topic: string, o: Partial<Omit<WillDef, 'topic'>> = {}): WillDef {
  return {
    topic,
    payload: o.payload ?? 'offline',
    qos: o.qos ?? 1,
    retain: o.retain ?? false,
    delay: o.delay !== undefined ? o.delay : null,
    messageExpiry: o.messageExpiry !== undefined ? o.messageExpiry : null,
    props: o.props ?? null,
  };
}

/** A subscription with the default options (5.0 §3.8.3.1). */
export function buildSubscription(filter: string, o: Partial<Omit<SubscriptionDef, 'filter'>> = {}): SubscriptionDef {
  return {
    filter,
    qos: o.qos ?? 1,
    retainAsPublished: o.retainAsPublished ?? SUBSCRIPTION_DEFAULTS.retainAsPublished,
    noLocal: o.noLocal ?? SUBSCRIPTION_DEFAULTS.noLocal,
    retainHandling: o.retainHandling ?? SUBSCRIPTION_DEFAULTS.retainHandling,
  };
}
