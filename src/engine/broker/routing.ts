import type { BrokerProfile } from '../profiles';
import { toMs } from '../script/names';
import { topicMatches } from '../topic';
import type { ProtocolLevel, SubscriptionDef } from '../types';

/**
 * Routing (5.0 §4.7, §3.3, §3.8; 3.1.1 §4.7, §3.3): which subscription of a session matches, the
 * QoS and RETAIN a copy is delivered with, retained messages on subscribe, and Message Expiry.
 * Plain data; the engine keeps the sessions and retained messages and calls these.
 */

export interface Expiring {
  /** Message Expiry Interval in seconds (5.0), or null. */
  expiry: number | null;
  publishedAt: number;
}

/** 5.0 [MQTT-3.3.2-5]: the Message Expiry Interval has passed. */
export const hasExpired = (m: Expiring, now: number): boolean =>
  m.expiry !== null && now >= m.publishedAt + toMs(m.expiry);

/** 5.0 [MQTT-3.3.2-6]: the copy carries the interval minus the time it waited, in whole seconds. */
export const remainingExpiry = (m: Expiring, now: number): number | null =>
  m.expiry === null ? null : Math.max(0, m.expiry - Math.floor((now - m.publishedAt) / 1000));

/**
 * 5.0 [MQTT-3.3.2-5]: a queued copy whose delivery had not started is deleted once it has expired;
 * one already sent (in flight, unacknowledged) is resent [MQTT-4.4.0-1], not dropped.
 */
export const dropsExpired = (copy: { msg: Expiring; started: boolean }, now: number): boolean =>
  !copy.started && hasExpired(copy.msg, now);

/**
 * The subscription of a session (Client Identifier `subscriber`) a message on `topic` from
 * `publisher` is delivered through: of all matching ones the highest QoS (5.0 [MQTT-3.3.4-2]),
 * leaving out those No Local forbids ([MQTT-3.8.3-3]).
 */
export function bestSubscription(
  subs: Iterable<SubscriptionDef>,
  topic: string,
  subscriber: string,
  publisher: string,
): SubscriptionDef | null {
  let best: SubscriptionDef | null = null;
  for (const sub of subs) {
    if (!topicMatches(sub.filter, topic) || noLocalBlocks(sub, subscriber, publisher)) continue;
    if (best === null || sub.qos > best.qos) best = sub;
  }
  return best;
}

/**
 * No Local [MQTT-3.8.3-3]: "Application Messages MUST NOT be forwarded to a connection with a
 * ClientID equal to the ClientID of the publishing connection". The rule names Client Identifiers,
 * not connections, so it also holds for a will (published by its closed connection) and for a
 * session that will be resumed by a new connection with that Client Identifier (decision A6).
 */
export const noLocalBlocks = (sub: SubscriptionDef, subscriberClientId: string, publisherClientId: string): boolean =>
  sub.noLocal && subscriberClientId === publisherClientId;

/** [MQTT-3.8.4-8] (5.0) / [MQTT-3.8.4-6] (3.1.1): delivered at the lower of the two QoS. */
export const deliveryQos = (published: 0 | 1 | 2, granted: 0 | 1 | 2): 0 | 1 | 2 =>
  Math.min(published, granted) as 0 | 1 | 2;

/**
 * RETAIN on a live delivery: 5.0 keeps it only with Retain As Published [MQTT-3.3.1-12],
 * [MQTT-3.3.1-13]; 3.1.1 always clears it [MQTT-3.3.1-9], unless `v311Keeps` (NanoMQ: only its 5.0
 * path clears the flag).
 */
export const liveRetainFlag = (v: ProtocolLevel, sub: SubscriptionDef, retain: boolean, v311Keeps = false): boolean =>
  (v === 5 ? sub.retainAsPublished : v311Keeps) ? retain : false;

/** Retain Handling ([MQTT-3.3.1-9] to [MQTT-3.3.1-11]): whether a SUBSCRIBE gets the retained messages. */
export const sendsRetainedOnSubscribe = (sub: SubscriptionDef, existed: boolean): boolean =>
  !(sub.retainHandling === 2 || (sub.retainHandling === 1 && existed));

/** [MQTT-3.3.1-6], [MQTT-3.3.1-7]: an empty retained payload clears the topic and is not stored. */
export const clearsRetained = (payload: string): boolean => payload === '';

/**
 * Whether an offline session keeps a copy for its client: QoS 1 and 2 wait in the session
 * (5.0 [MQTT-4.5.0-1], §4.1), QoS 0 does not (`false`). ejabberd 23.01 also queues a QoS 0 copy
 * when a QoS 1 or 2 one already waits there (`'behindUnacked'`, profile.queuesQos0BehindUnacked).
 */
export function offlineQueues(
  qos: number,
  waiting: number,
  profile: BrokerProfile,
): 'queued' | 'behindUnacked' | false {
  if (qos > 0) return 'queued';
  return profile.queuesQos0BehindUnacked === true && waiting > 0 ? 'behindUnacked' : false;
}
