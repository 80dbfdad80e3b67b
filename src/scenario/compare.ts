import { receivedFromTrace } from '../engine/trace';
import type { Outcome, OutcomeWill, ReceivedMessage, RunResult, WillProps } from '../engine/types';

/**
 * Compares an outcome with the one a case requires (conformance/FORMAT.md, "Comparing"). Against
 * `expect`, times must match to the millisecond; against a real broker's `observed` outcome a
 * tolerance in seconds allows for its timer granularity. Returns one difference per mismatch, as
 * data: the catalogs word it (`RealBrokerCatalog.difference`), for the CLI and the UI alike.
 */
export interface WillId {
  from: string;
  conn: number;
  topic: string;
  payload: string;
  qos: number;
  retain: boolean;
}
export interface MessageId {
  topic: string;
  payload: string;
  qos?: number;
  retain?: boolean;
}

export type Difference =
  /** A will the outcome should have (`missing`) or should not have (`unexpected`), at `at` s. */
  | { what: 'will'; kind: 'missing' | 'unexpected'; will: WillId; at: number }
  /** The will came out at `at` s instead of `wanted` s (beyond `tolerance` s). */
  | { what: 'will'; kind: 'time'; will: WillId; at: number; wanted: number; tolerance: number }
  | { what: 'sessionPresent'; kind: 'noConnack'; client: string; step: number; wanted: boolean }
  | { what: 'sessionPresent'; kind: 'value'; client: string; step: number; got: boolean; wanted: boolean }
  | { what: 'disconnectReason'; kind: 'missing' | 'unexpected'; client: string; reason: number; at?: number }
  | { what: 'retained'; kind: 'missing' | 'unexpected'; message: MessageId }
  | { what: 'offlineSubscriber'; kind: 'missing' | 'unexpected'; message: MessageId }
  /** Delivery `index` (from 1) to `client` is missing, or one too many (expect.received). */
  | { what: 'received'; kind: 'missing' | 'unexpected'; client: string; index: number; message: ReceivedMessage }
  /** Delivery `index` to `client` differs (message, DUP flag, time, or the properties the case lists). */
  | { what: 'received'; kind: 'differs'; client: string; index: number; got: ReceivedMessage; wanted: ReceivedMessage };

const EPS = 0.0005;
const willId = (w: OutcomeWill): WillId => ({
  from: w.from,
  conn: w.conn,
  topic: w.topic,
  payload: w.payload,
  qos: w.qos,
  retain: w.retain,
});
const willKey = (w: OutcomeWill) => JSON.stringify(willId(w));

export function compareOutcomes(actual: Outcome, wanted: Outcome, toleranceS = 0): Difference[] {
  const diffs: Difference[] = [];
  const tol = toleranceS + EPS;

  // Wills: pair each wanted will with the closest unmatched actual one of the same identity.
  const left = [...actual.wills];
  for (const w of wanted.wills) {
    let best = -1;
    for (let i = 0; i < left.length; i++) {
      const a = left[i] as OutcomeWill;
      if (willKey(a) !== willKey(w)) continue;
      if (best < 0 || Math.abs(a.t - w.t) < Math.abs((left[best] as OutcomeWill).t - w.t)) best = i;
    }
    if (best < 0) {
      diffs.push({ what: 'will', kind: 'missing', will: willId(w), at: w.t });
      continue;
    }
    const a = left.splice(best, 1)[0] as OutcomeWill;
    if (Math.abs(a.t - w.t) > tol)
      diffs.push({ what: 'will', kind: 'time', will: willId(w), at: a.t, wanted: w.t, tolerance: toleranceS });
  }
  for (const a of left) diffs.push({ what: 'will', kind: 'unexpected', will: willId(a), at: a.t });

  for (const sp of wanted.sessionPresent) {
    const a = actual.sessionPresent.find((x) => x.client === sp.client && x.step === sp.step);
    if (!a)
      diffs.push({ what: 'sessionPresent', kind: 'noConnack', client: sp.client, step: sp.step, wanted: sp.value });
    else if (a.value !== sp.value)
      diffs.push({
        what: 'sessionPresent',
        kind: 'value',
        client: sp.client,
        step: sp.step,
        got: a.value,
        wanted: sp.value,
      });
  }

  const reasonsLeft = [...actual.disconnectReasons];
  for (const d of wanted.disconnectReasons) {
    const i = reasonsLeft.findIndex(
      (a) =>
        a.client === d.client &&
        a.reason === d.reason &&
        (d.t === undefined || a.t === undefined || Math.abs(a.t - d.t) <= tol),
    );
    if (i < 0) diffs.push({ what: 'disconnectReason', kind: 'missing', client: d.client, reason: d.reason, at: d.t });
    else reasonsLeft.splice(i, 1);
  }
  for (const a of reasonsLeft)
    diffs.push({ what: 'disconnectReason', kind: 'unexpected', client: a.client, reason: a.reason, at: a.t });

  if (!Number.isNaN(wanted.retainedAfter.t)) {
    const key = (m: MessageId) => JSON.stringify({ topic: m.topic, payload: m.payload });
    const want = new Set(wanted.retainedAfter.messages.map(key));
    const have = new Set(actual.retainedAfter.messages.map(key));
    for (const m of want)
      if (!have.has(m)) diffs.push({ what: 'retained', kind: 'missing', message: JSON.parse(m) as MessageId });
    for (const m of have)
      if (!want.has(m)) diffs.push({ what: 'retained', kind: 'unexpected', message: JSON.parse(m) as MessageId });
  }

  if (wanted.offlineSubscriber) {
    const key = (m: { topic: string; payload: string; qos: number; retain: boolean }) =>
      JSON.stringify({ topic: m.topic, payload: m.payload, qos: m.qos, retain: m.retain });
    const want = wanted.offlineSubscriber.messages.map(key);
    const have = (actual.offlineSubscriber?.messages ?? []).map(key);
    const rest = [...have];
    for (const m of want) {
      const i = rest.indexOf(m);
      if (i < 0) diffs.push({ what: 'offlineSubscriber', kind: 'missing', message: JSON.parse(m) as MessageId });
      else rest.splice(i, 1);
    }
    for (const m of rest)
      diffs.push({ what: 'offlineSubscriber', kind: 'unexpected', message: JSON.parse(m) as MessageId });
  }

  // Each named client's deliveries, in order: the same messages, the same DUP flags, the same times.
  for (const [name, want] of Object.entries(wanted.received ?? {})) {
    const have = actual.received?.[name] ?? [];
    for (let i = 0; i < Math.max(want.length, have.length); i++) {
      const w = want[i];
      const a = have[i];
      const index = i + 1;
      if (w && !a) diffs.push({ what: 'received', kind: 'missing', client: name, index, message: w });
      else if (a && !w) diffs.push({ what: 'received', kind: 'unexpected', client: name, index, message: a });
      else if (
        a &&
        w &&
        (msgKey(a) !== msgKey(w) ||
          Math.abs(a.t - w.t) > tol ||
          // Properties are checked when the case lists them (5.0 §3.1.3.2: they reach subscribers with the will).
          (w.props !== undefined && propsKey(a.props) !== propsKey(w.props)))
      )
        diffs.push({ what: 'received', kind: 'differs', client: name, index, got: a, wanted: w });
    }
  }
  return diffs;
}

const msgKey = (m: ReceivedMessage) =>
  JSON.stringify({ topic: m.topic, payload: m.payload, qos: m.qos, retain: m.retain, dup: m.dup });

const propsKey = (p: WillProps | undefined) => JSON.stringify(canonicalProps(p ?? {}));
/** In a fixed key order; User Properties keep theirs (order matters, [MQTT-3.1.3-10]). */
export const canonicalProps = (
  p: {
    [K in keyof WillProps]?: WillProps[K] | undefined;
  },
): WillProps => {
  const out: WillProps = {};
  if (p.payloadFormatIndicator !== undefined) out.payloadFormatIndicator = p.payloadFormatIndicator;
  if (p.contentType !== undefined) out.contentType = p.contentType;
  if (p.responseTopic !== undefined) out.responseTopic = p.responseTopic;
  if (p.correlationData !== undefined) out.correlationData = p.correlationData;
  if (p.userProperties !== undefined)
    out.userProperties = p.userProperties.map((u) => ({ name: u.name, value: u.value }));
  return out;
};

/** compareOutcomes for a run: the deliveries a case names (`received`) are read from its trace. */
export function compareRun(run: RunResult, wanted: Outcome, toleranceS = 0): Difference[] {
  const actual = wanted.received
    ? { ...run.outcome, received: receivedFromTrace(run.trace, Object.keys(wanted.received)) }
    : run.outcome;
  return compareOutcomes(actual, wanted, toleranceS);
}
