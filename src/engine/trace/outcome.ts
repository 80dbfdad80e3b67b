import { OBSERVER, type Outcome, type TraceEntry } from '../types';

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
