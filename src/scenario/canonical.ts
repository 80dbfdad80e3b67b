import type { ClientDef, Scenario, Step, SubscriptionDef, WillDef, WillProps } from '../engine/types';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './schema';

/**
 * The canonical scenario file: the inputs of a run (never its trace) as a plain JSON object with a
 * fixed key order and every default left out. `parseScenario(canonicalScenario(s))` gives back `s`
 * exactly (a property test checks it), so the same scenario always gives the same text: one link,
 * one autosave, one downloaded file. Defaults are those of `normalizeScenario` (src/scenario/validate.ts).
 */
export type CanonicalScenario = { format: typeof SCENARIO_FORMAT; version: number } & Record<string, unknown>;

type Obj = Record<string, unknown>;

/** Sets `key` only when the value differs from the default (JSON insertion order is kept). */
function put(o: Obj, key: string, value: unknown, dflt?: unknown): void {
  if (value === undefined || value === dflt) return;
  o[key] = value;
}

function props(p: WillProps): Obj {
  const o: Obj = {};
  put(o, 'payloadFormatIndicator', p.payloadFormatIndicator);
  put(o, 'contentType', p.contentType);
  put(o, 'responseTopic', p.responseTopic);
  put(o, 'correlationData', p.correlationData);
  // User property order is meaningful [MQTT-3.1.3-10]: kept as given.
  if (p.userProperties !== undefined)
    o.userProperties = p.userProperties.map((u) => ({ name: u.name, value: u.value }));
  return o;
}

function will(w: WillDef): Obj {
  const o: Obj = { topic: w.topic, payload: w.payload, qos: w.qos, retain: w.retain };
  put(o, 'delay', w.delay, null);
  put(o, 'messageExpiry', w.messageExpiry, null);
  if (w.props !== null) o.props = props(w.props);
  put(o, 'allowInvalid', w.allowInvalid, false);
  return o;
}

function subscription(s: SubscriptionDef): Obj {
  const o: Obj = { filter: s.filter, qos: s.qos };
  put(o, 'retainAsPublished', s.retainAsPublished, false);
  put(o, 'noLocal', s.noLocal, false);
  put(o, 'retainHandling', s.retainHandling, 0);
  return o;
}

function client(c: ClientDef, protocol: 4 | 5): Obj {
  const o: Obj = { name: c.name, clientId: c.clientId };
  put(o, 'protocol', c.protocol, protocol);
  o.cleanStart = c.cleanStart;
  put(o, 'sessionExpiry', c.sessionExpiry, null);
  o.keepAlive = c.keepAlive;
  if (c.will !== null) o.will = will(c.will);
  if (c.subscriptions.length > 0) o.subscriptions = c.subscriptions.map(subscription);
  return o;
}

function step(s: Step): Obj {
  const o: Obj = { t: s.t, action: s.action };
  if (s.client !== null) o.client = s.client;
  switch (s.action) {
    case 'reconnect':
      put(o, 'cleanStart', s.cleanStart);
      put(o, 'sessionExpiry', s.sessionExpiry);
      put(o, 'keepAlive', s.keepAlive);
      put(o, 'protocol', s.protocol);
      // `will: null` (explicitly no will) is kept as written: the engine treats it like an absent will.
      if (s.will !== undefined) o.will = s.will === null ? null : will(s.will);
      put(o, 'afterClose', s.afterClose);
      break;
    case 'disconnect':
      put(o, 'reason', s.reason);
      put(o, 'sessionExpiry', s.sessionExpiry);
      break;
    case 'takeover':
      o.of = s.of;
      put(o, 'cleanStart', s.cleanStart);
      break;
    case 'publish':
      put(o, 'topic', s.topic);
      put(o, 'topicOf', s.topicOf);
      o.payload = s.payload;
      o.qos = s.qos;
      o.retain = s.retain;
      put(o, 'messageExpiry', s.messageExpiry);
      break;
    case 'subscribe':
      o.filter = s.filter;
      o.qos = s.qos;
      put(o, 'retainAsPublished', s.retainAsPublished);
      put(o, 'noLocal', s.noLocal);
      put(o, 'retainHandling', s.retainHandling);
      break;
    case 'unsubscribe':
      o.filter = s.filter;
      break;
    default:
      break;
  }
  return o;
}

/** The scenario as a canonical scenario file object (format v1). */
export function canonicalScenario(sc: Scenario): CanonicalScenario {
  const o: CanonicalScenario = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION };
  put(o, 'title', sc.title, '');
  put(o, 'profile', sc.profile, 'spec');
  put(o, 'seed', sc.seed, 1);
  put(o, 'protocol', sc.protocol, 5);
  const b: Obj = {};
  put(b, 'persistence', sc.broker.persistence, 'volatile');
  put(b, 'maximumQos', sc.broker.maximumQos, 2);
  put(b, 'retainAvailable', sc.broker.retainAvailable, true);
  put(b, 'serverKeepAlive', sc.broker.serverKeepAlive, null);
  put(b, 'maxSessionExpiry', sc.broker.maxSessionExpiry, null);
  if (Object.keys(b).length > 0) o.broker = b;
  if (sc.observer === null) o.observer = null;
  else {
    const ob: Obj = {};
    put(ob, 'protocol', sc.observer.protocol, 5);
    put(ob, 'subscriptionQos', sc.observer.subscriptionQos, 2);
    put(ob, 'retainAsPublished', sc.observer.retainAsPublished, true);
    if (Object.keys(ob).length > 0) o.observer = ob;
  }
  put(o, 'offlineSubscriber', sc.offlineSubscriber, false);
  o.clients = sc.clients.map((c) => client(c, sc.protocol));
  o.steps = sc.steps.map(step);
  o.end = sc.end;
  return o;
}

/** Canonical JSON text: compact for links and autosave, indented for files people read. */
export function canonicalJson(sc: Scenario, indent?: number): string {
  return JSON.stringify(canonicalScenario(sc), null, indent);
}
