import { type BrokerProfile, profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { decisions } from '../engine/trace';
import type { RunResult, Scenario, TraceEntry } from '../engine/types';
import { canonicalScenario } from '../scenario/canonical';
import { problem } from '../scenario/problems';
import { type Parsed, type Problem, parseScenario } from '../scenario/validate';

/**
 * Side by side: the same scenario under two profiles, or with one parameter changed, and the first
 * point where the two runs decide differently. Pure and framework-free (the engine runs in well
 * under a millisecond for a typical scenario, so both runs are simply computed).
 */

export type CompareParameter = 'sessionExpiry' | 'willDelay' | 'keepAlive' | 'cleanStart' | 'protocol';
export const COMPARE_PARAMETERS: readonly CompareParameter[] = [
  'sessionExpiry',
  'willDelay',
  'keepAlive',
  'cleanStart',
  'protocol',
];

export type Variant =
  | { kind: 'profile'; profile: string }
  | { kind: 'parameter'; parameter: CompareParameter; client: string; value: number | boolean | null };

type Obj = Record<string, unknown>;

/**
 * The scenario with the variant applied, validated like any input: an out-of-range value comes
 * back as the validator's problems, by path.
 */
export function applyVariant(sc: Scenario, v: Variant): Parsed<Scenario> {
  const file = structuredClone(canonicalScenario(sc)) as Obj;
  if (v.kind === 'profile') return parseScenario({ ...file, profile: v.profile });
  const clients = file.clients as Obj[];
  const i = clients.findIndex((c) => c.name === v.client);
  const c = clients[i];
  if (!c)
    return {
      ok: false,
      problems: [problem('clients', 'unknownClient', { known: clients.map((x) => String(x.name)).join(', ') })],
    };
  switch (v.parameter) {
    case 'willDelay':
      if (!c.will)
        return { ok: false, problems: [problem(`clients[${i}].will`, 'topicOfNoWill', { name: String(c.name) })] };
      (c.will as Obj).delay = v.value;
      break;
    case 'sessionExpiry':
      c.sessionExpiry = v.value;
      break;
    default:
      c[v.parameter] = v.value;
  }
  return parseScenario(file);
}

/** The broker's decisions: what became of connections, sessions and wills (the trace layer's query). */
export { decisions };

/** What makes two decisions the same: time, kind, what happened, to whom, and the rule applied. */
export function decisionKey(e: TraceEntry): string {
  switch (e.kind) {
    case 'will':
      return [e.t, 'will', e.op, e.from, e.conn, e.due ?? '', e.why.code].join('|');
    case 'session':
      return [e.t, 'session', e.op, e.client, e.endsAt ?? '', e.why.code].join('|');
    case 'connection':
      return [e.t, 'connection', e.op, e.client, e.conn, e.cause ?? '', e.why.code].join('|');
    default:
      return [e.t, e.kind].join('|');
  }
}

export interface Divergence {
  /** Index into both decision lists where they first differ. */
  index: number;
  /** When it happens: the earlier of the two differing decisions (ms). */
  tMs: number;
  a: TraceEntry | null;
  b: TraceEntry | null;
}

export function firstDifference(a: readonly TraceEntry[], b: readonly TraceEntry[]): Divergence | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x && y && decisionKey(x) === decisionKey(y)) continue;
    const tMs = Math.min(x?.t ?? Number.POSITIVE_INFINITY, y?.t ?? Number.POSITIVE_INFINITY);
    return { index: i, tMs, a: x, b: y };
  }
  return null;
}

export interface Side {
  scenario: Scenario;
  profile: BrokerProfile;
  run: RunResult;
  decisions: TraceEntry[];
}

export interface Comparison {
  a: Side;
  b: Side;
  divergence: Divergence | null;
}

function side(scenario: Scenario): Side {
  const profile = profileById(scenario.profile) ?? SPEC;
  const run = simulate(scenario, { profile });
  return { scenario, profile, run, decisions: decisions(run.trace) };
}

/** Runs two scenarios (each under its own profile) and finds the first decision that differs. */
export function compareScenarios(a: Scenario, b: Scenario): Comparison {
  const x = side(a);
  const y = side(b);
  return { a: x, b: y, divergence: firstDifference(x.decisions, y.decisions) };
}

/** The scenario as written against its variant; invalid variants come back as problems. */
export function compareVariant(
  sc: Scenario,
  v: Variant,
): { ok: true; comparison: Comparison } | { ok: false; problems: Problem[] } {
  const b = applyVariant(sc, v);
  if (!b.ok) return b;
  return { ok: true, comparison: compareScenarios(sc, b.value) };
}
