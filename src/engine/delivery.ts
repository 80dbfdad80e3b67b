import {
  bestSubscription,
  clearsRetained,
  deliveryQos,
  dropsExpired,
  hasExpired,
  liveRetainFlag,
  offlineQueues,
  remainingExpiry,
  sendsRetainedOnSubscribe,
} from './broker/routing';
import { inState } from './machines/stepper';
import { type WhyCode, why } from './rules';
import type { ConnRt, Copy, Message, Runtime, SessionRt } from './runtime';
import { toMs } from './script/names';
import { topicMatches } from './topic';
import type { SubscriptionDef, Why } from './types';

/**
 * Carrying out routing (the decisions are in broker/routing.ts): copies to live and detached
 * sessions, the retained store, queued and in-flight copies on resume, and Message Expiry.
 */

/** A trace entry about one copy. */
function copyEntry(
  rt: Runtime,
  op: 'delivered' | 'queued' | 'expired' | 'discarded',
  to: string,
  c: Copy,
  w: Why,
): void {
  rt.trace.message(op, to, c.msg.topic, c.msg.payload, c.qos, c.retain, c.msg.willOf, w);
}

export function brokerAcksPublish(rt: Runtime, conn: ConnRt, qos: number): void {
  if (qos === 1) rt.packet('out', conn, 'PUBACK');
  else if (qos === 2) {
    rt.packet('out', conn, 'PUBREC');
    rt.packet('in', conn, 'PUBREL');
    rt.packet('out', conn, 'PUBCOMP');
  }
}

export function route(rt: Runtime, m: Message): void {
  // NanoMQ before 0.23.7 (nanomq#2012): a will goes out with RETAIN 1 but is not stored.
  if (m.retain && m.willOf && rt.profile.willRetainNotStored) {
    const dev = rt.deviation('will.retainNotStored');
    rt.note(m.willOf.from, why('will.retainNotStored', m.v, { topic: m.topic }, dev));
  } else if (m.retain) retain(rt, m);
  for (const s of rt.sessions.values()) {
    // No Local [MQTT-3.8.3-3] is keyed on the Client Identifier, for wills too (decision A6).
    const best = bestSubscription(s.subs.values(), m.topic, s.clientId, m.publisherClientId);
    if (best === null) continue;
    const qos = deliveryQos(m.qos, best.qos);
    const keeps = rt.profile.v311LiveKeepsRetain === true;
    const copy: Copy = { msg: m, qos, retain: liveRetainFlag(s.v, best, m.retain, keeps), started: false };
    const queues = s.conn?.open ? false : offlineQueues(qos, s.queue.length + s.inflight.length, rt.profile);
    if (s.conn?.open) deliver(rt, s.conn, s, copy, 'message.delivered');
    else if (queues) {
      s.queue.push(copy);
      const code = queues === 'behindUnacked' ? 'message.queuedQos0BehindUnacked' : 'message.queued';
      copyEntry(rt, 'queued', s.owner, copy, why(code, s.v, undefined, rt.deviation(code)));
      if (m.expiry !== null)
        rt.schedule(m.publishedAt + toMs(m.expiry), { kind: 'timer', timer: 'messageExpiry', target: s });
    } else copyEntry(rt, 'discarded', s.owner, copy, why('message.qos0NotQueued', s.v));
  }
}

function retain(rt: Runtime, m: Message): void {
  const old = rt.retained.get(m.topic);
  if (old?.expiry) old.expiry.cancelled = true;
  if (clearsRetained(m.payload)) {
    rt.retained.delete(m.topic);
    rt.trace.message('retainCleared', null, m.topic, '', m.qos, true, m.willOf, why('message.retainCleared', m.v));
    return;
  }
  const expiry =
    m.expiry !== null
      ? rt.schedule(m.publishedAt + toMs(m.expiry), {
          kind: 'timer',
          timer: 'retainedExpiry',
          target: null,
          topic: m.topic,
        })
      : null;
  rt.retained.set(m.topic, { msg: m, expiry });
  rt.trace.message('retained', null, m.topic, m.payload, m.qos, true, m.willOf, why('message.retained', m.v));
}

export function deliver(rt: Runtime, conn: ConnRt, s: SessionRt, copy: Copy, code: WhyCode): void {
  const params: Why['params'] = { messageExpiry: remainingExpiry(copy.msg, rt.now) };
  if (copy.started) params.dup = true;
  // 3.1.1 PUBLISH packets have no properties: a 3.1.1 subscriber gets the payload alone.
  const m = copy.msg;
  const props = conn.v === 5 ? m.props : undefined;
  rt.trace.message(
    'delivered',
    conn.client.name,
    m.topic,
    m.payload,
    copy.qos,
    copy.retain,
    m.willOf,
    // A 3.1.1 live copy with RETAIN 1 is a profile's departure (BrokerProfile.v311LiveKeepsRetain).
    why(
      code,
      conn.v,
      params,
      code === 'message.delivered' && conn.v === 4 && copy.retain ? rt.deviation(code) : undefined,
    ),
    props,
  );
  if (copy.qos === 0) return;
  if (!inState(conn.client.snap, 'connected.active')) {
    // A silent client does not acknowledge: the copy stays in flight in the session.
    s.inflight.push({ ...copy, started: true });
    return;
  }
  if (copy.qos === 1) rt.packet('in', conn, 'PUBACK');
  else {
    rt.packet('in', conn, 'PUBREC');
    rt.packet('out', conn, 'PUBREL');
    rt.packet('in', conn, 'PUBCOMP');
  }
}

export function discardCopy(rt: Runtime, s: SessionRt, copy: Copy, code: WhyCode): void {
  const op = code === 'message.expired' ? 'expired' : 'discarded';
  copyEntry(rt, op, s.owner, copy, why(code, s.v, { expiry: copy.msg.expiry }));
}

/**
 * On resume: copies in flight at the close are resent first, with DUP [MQTT-4.4.0-1]; queued ones
 * follow unless they expired before their delivery started [MQTT-3.3.2-5].
 */
export function deliverBacklog(rt: Runtime, conn: ConnRt, s: SessionRt): void {
  const backlog = s.queue;
  s.queue = [];
  for (const copy of backlog) {
    if (dropsExpired(copy, rt.now)) discardCopy(rt, s, copy, 'message.expired');
    else deliver(rt, conn, s, copy, copy.started ? 'message.resent' : 'message.queueDelivered');
  }
}

/** The Message Expiry of a queued copy passed: copies not yet sent are deleted. */
export function expireQueued(rt: Runtime, s: SessionRt): void {
  const keep: Copy[] = [];
  for (const copy of s.queue) {
    if (dropsExpired(copy, rt.now)) discardCopy(rt, s, copy, 'message.expired');
    else keep.push(copy);
  }
  s.queue = keep;
}

export function expireRetained(rt: Runtime, topic: string): void {
  const r = rt.retained.get(topic);
  if (!r) return;
  rt.retained.delete(topic);
  const m = r.msg;
  rt.trace.message(
    'expired',
    null,
    topic,
    m.payload,
    m.qos,
    true,
    m.willOf,
    why('message.retainedExpired', m.v, { expiry: m.expiry }),
  );
}

export function subscribe(rt: Runtime, conn: ConnRt, sub: SubscriptionDef): void {
  const s = conn.session;
  if (!s) return;
  rt.packet('in', conn, 'SUBSCRIBE', { filter: sub.filter, qos: sub.qos });
  const existed = s.subs.has(sub.filter);
  s.subs.set(sub.filter, sub);
  rt.packet('out', conn, 'SUBACK', { filter: sub.filter, qos: sub.qos });
  if (!sendsRetainedOnSubscribe(sub, existed)) return;
  for (const r of rt.retained.values()) {
    if (!topicMatches(sub.filter, r.msg.topic) || hasExpired(r.msg, rt.now)) continue;
    const copy: Copy = { msg: r.msg, qos: deliveryQos(r.msg.qos, sub.qos), retain: true, started: false };
    deliver(rt, conn, s, copy, 'message.deliveredRetained');
  }
}
