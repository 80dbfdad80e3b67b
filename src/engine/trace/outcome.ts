import { OBSERVER, type Outcome, type ReceivedMessage, type TraceEntry } from '../types';

/**
 * The parts of the FORMAT.md outcome that a trace holds: the wills the observer received, the
 * Session Present of every CONNACK caused by a step, and the DISCONNECTs the broker sent to the
 * scenario's clients (implicit clients, whose names start with "$", are left out).
 */
export function outcomeFromTrace(
  trace: readonly TraceEntry[],
): Pick<Outcome, 'wills' | 'sessionPresent' | 'disconnectReasons'> {
  const wills: Outcome['wills'] = [];
  const sessionPresent: Outcome['sessionPresent'] = [];
  const disconnectReasons: Outcome['disconnectReasons'] = [];
  for (const e of trace) {
    if (e.kind === 'message' && e.op === 'delivered' && e.to === OBSERVER && e.willOf) {
      wills.push({
        from: e.willOf.from,
        conn: e.willOf.conn,
        t: e.t / 1000,
        topic: e.topic,
        payload: e.payload,
        qos: e.qos,
        retain: e.retain,
      });
    } else if (e.kind === 'packet' && e.dir === 'out' && !e.client.startsWith('$')) {
      if (e.type === 'CONNACK' && e.detail.step !== undefined && e.detail.step >= 0) {
        sessionPresent.push({ client: e.client, step: e.detail.step, value: e.detail.sessionPresent === true });
      } else if (e.type === 'DISCONNECT') {
        disconnectReasons.push({ client: e.client, reason: e.detail.reason ?? 0, t: e.t / 1000 });
      }
    }
  }
  return { wills, sessionPresent, disconnectReasons };
}

/**
 * What each named client received, in order, times in seconds: `dup` marks a resend of a copy
 * whose delivery had started before its connection closed [MQTT-4.4.0-1].
 */
export function receivedFromTrace(
  trace: readonly TraceEntry[],
  names: readonly string[],
): Record<string, ReceivedMessage[]> {
  const out: Record<string, ReceivedMessage[]> = {};
  for (const n of names) out[n] = [];
  for (const e of trace) {
    if (e.kind !== 'message' || e.op !== 'delivered' || e.to === null) continue;
    const list = out[e.to];
    if (list === undefined) continue;
    const m: ReceivedMessage = {
      t: e.t / 1000,
      topic: e.topic,
      payload: e.payload,
      qos: e.qos,
      retain: e.retain,
      dup: e.why?.params?.dup === true,
    };
    if (e.props) m.props = e.props;
    list.push(m);
  }
  return out;
}
