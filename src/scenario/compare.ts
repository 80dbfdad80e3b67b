import { receivedFromTrace } from '../engine/trace';
import type { Outcome, OutcomeWill, ReceivedMessage, RunResult, WillProps } from '../engine/types';

/**
 * Compares an outcome with the one a case requires (conformance/FORMAT.md, "Comparing"). Against
 * `expect`, times must match to the millisecond; against a real broker's `observed` outcome a
 * tolerance in seconds allows for its timer granularity. Returns one line per difference.
 */
export interface Difference {
  what: 'will' | 'sessionPresent' | 'disconnectReason' | 'retained' | 'offlineSubscriber' | 'received';
  line: string;
}

const EPS = 0.0005;
const fmtT = (t: number) => `${t.toFixed(3)} s`;
const willKey = (w: OutcomeWill) =>
  `${w.from}#${w.conn} ${w.topic} "${w.payload}" qos ${w.qos}${w.retain ? ' retained' : ''}`;

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
      diffs.push({ what: 'will', line: `missing will ${willKey(w)} at ${fmtT(w.t)}` });
      continue;
    }
    const a = left.splice(best, 1)[0] as OutcomeWill;
    if (Math.abs(a.t - w.t) > tol)
      diffs.push({
        what: 'will',
        line: `will ${willKey(w)} at ${fmtT(a.t)}, wanted ${fmtT(w.t)}${toleranceS ? ` (± ${toleranceS} s)` : ''}`,
      });
  }
  for (const a of left) diffs.push({ what: 'will', line: `unexpected will ${willKey(a)} at ${fmtT(a.t)}` });

  for (const sp of wanted.sessionPresent) {
    const a = actual.sessionPresent.find((x) => x.client === sp.client && x.step === sp.step);
    if (!a)
      diffs.push({
        what: 'sessionPresent',
        line: `no CONNACK for ${sp.client} at step ${sp.step} (wanted Session Present ${sp.value ? 1 : 0})`,
      });
    else if (a.value !== sp.value)
      diffs.push({
        what: 'sessionPresent',
        line: `Session Present ${a.value ? 1 : 0} for ${sp.client} at step ${sp.step}, wanted ${sp.value ? 1 : 0}`,
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
    if (i < 0)
      diffs.push({
        what: 'disconnectReason',
        line: `missing broker DISCONNECT 0x${hex(d.reason)} to ${d.client}${d.t !== undefined ? ` at ${fmtT(d.t)}` : ''}`,
      });
    else reasonsLeft.splice(i, 1);
  }
  for (const a of reasonsLeft)
    diffs.push({
      what: 'disconnectReason',
      line: `unexpected broker DISCONNECT 0x${hex(a.reason)} to ${a.client}${a.t !== undefined ? ` at ${fmtT(a.t)}` : ''}`,
    });

  if (!Number.isNaN(wanted.retainedAfter.t)) {
    const want = new Set(wanted.retainedAfter.messages.map((m) => `${m.topic} "${m.payload}"`));
    const have = new Set(actual.retainedAfter.messages.map((m) => `${m.topic} "${m.payload}"`));
    for (const m of want) if (!have.has(m)) diffs.push({ what: 'retained', line: `retained at the end: missing ${m}` });
    for (const m of have)
      if (!want.has(m)) diffs.push({ what: 'retained', line: `retained at the end: unexpected ${m}` });
  }

  if (wanted.offlineSubscriber) {
    const key = (m: { topic: string; payload: string; qos: number; retain: boolean }) =>
      `${m.topic} "${m.payload}" qos ${m.qos}${m.retain ? ' retained' : ''}`;
    const want = wanted.offlineSubscriber.messages.map(key);
    const have = (actual.offlineSubscriber?.messages ?? []).map(key);
    const rest = [...have];
    for (const m of want) {
      const i = rest.indexOf(m);
      if (i < 0) diffs.push({ what: 'offlineSubscriber', line: `offline subscriber: missing ${m}` });
      else rest.splice(i, 1);
    }
    for (const m of rest) diffs.push({ what: 'offlineSubscriber', line: `offline subscriber: unexpected ${m}` });
  }

  // Each named client's deliveries, in order: the same messages, the same DUP flags, the same times.
  for (const [name, want] of Object.entries(wanted.received ?? {})) {
    const have = actual.received?.[name] ?? [];
    for (let i = 0; i < Math.max(want.length, have.length); i++) {
      const w = want[i];
      const a = have[i];
      if (w && !a) diffs.push({ what: 'received', line: `${name}: missing delivery ${i + 1}, ${msgKey(w)}` });
      else if (a && !w) diffs.push({ what: 'received', line: `${name}: unexpected delivery ${i + 1}, ${msgKey(a)}` });
      else if (a && w && (msgKey(a) !== msgKey(w) || Math.abs(a.t - w.t) > tol))
        diffs.push({ what: 'received', line: `${name}: delivery ${i + 1} is ${msgKey(a)}, wanted ${msgKey(w)}` });
      // Properties are checked when the case lists them (5.0 §3.1.3.2: they reach subscribers with the will).
      else if (a && w?.props && propsKey(a.props) !== propsKey(w.props))
        diffs.push({
          what: 'received',
          line: `${name}: delivery ${i + 1} has properties ${propsKey(a.props)}, wanted ${propsKey(w.props)}`,
        });
    }
  }
  return diffs;
}

const msgKey = (m: ReceivedMessage) =>
  `${m.topic} "${m.payload}" qos ${m.qos}${m.retain ? ' retained' : ''}${m.dup ? ' DUP' : ''} at ${fmtT(m.t)}`;

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

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
