import { type AnyStateMachine, initialTransition, transition } from 'xstate';

/** One effect a machine asked for: a named action with its resolved params. */
export interface MachineEffect {
  type: string;
  params: Record<string, unknown>;
}

/** An opaque machine snapshot (XState's, shared and never mutated). */
export interface Snap {
  readonly value: unknown;
  readonly context: unknown;
  readonly status: string;
  /** XState's state matching: "connected" also matches "connected.silent". */
  matches(value: string): boolean;
}

interface Result<E extends MachineEffect> {
  snap: Snap;
  effects: E[];
  value: string;
}

/** Dotted form of a state value, e.g. "detached.willDelayed". */
export function stateString(value: unknown): string {
  if (typeof value === 'string') return value;
  const parts: string[] = [];
  let v = value as Record<string, unknown> | string;
  while (typeof v === 'object' && v !== null) {
    const k = Object.keys(v)[0];
    if (k === undefined) break;
    parts.push(k);
    v = v[k] as Record<string, unknown> | string;
  }
  if (typeof v === 'string') parts.push(v);
  return parts.join('.');
}

const LIMIT = 20_000;
let memoEnabled = true;

/** Turns the transition memo off or on (the benchmark reports both; results are identical). */
export function setTransitionMemo(enabled: boolean): void {
  memoEnabled = enabled;
}

/**
 * Pure transitions with a memo. `transition()` is a pure function of (snapshot, event), and every
 * machine here keeps a small symbolic context, so the same (state, context, event) always yields
 * the same next snapshot and effects: we evaluate XState once per distinct input and reuse it.
 * Counters tell how often XState itself ran (a miss) against how many transitions were taken.
 */
/** `E` is the machine's effect union (its actions and their params), declared next to the machine. */
export class Stepper<E extends MachineEffect = MachineEffect> {
  private readonly cache = new Map<string, Result<E>>();
  private readonly keys = new WeakMap<object, string>();
  evaluations = 0;
  transitions = 0;

  constructor(private readonly machine: AnyStateMachine) {}

  private keyOf(snap: Snap): string {
    let k = this.keys.get(snap);
    if (k === undefined) {
      k = JSON.stringify([snap.value, snap.context]);
      this.keys.set(snap, k);
    }
    return k;
  }

  private remember(key: string, r: Result<E>): Result<E> {
    if (!memoEnabled) return r;
    if (this.cache.size >= LIMIT) this.cache.clear();
    this.cache.set(key, r);
    return r;
  }

  private static effects<E>(actions: readonly { type: string; params?: unknown }[]): E[] {
    const out: E[] = [];
    for (const a of actions) {
      // Built-ins (assign, undelayed raise) are already reflected in the snapshot.
      if (a.type.startsWith('xstate.')) continue;
      // The machine's setup() declares each action's params; its effect union repeats them as types.
      out.push({ type: a.type, params: a.params ?? {} } as E);
    }
    return out;
  }

  init(input: unknown): Result<E> {
    this.transitions++;
    const key = `init|${JSON.stringify(input)}`;
    const hit = memoEnabled ? this.cache.get(key) : undefined;
    if (hit) return hit;
    this.evaluations++;
    const [snap, actions] = initialTransition(this.machine, input);
    return this.remember(key, {
      snap: snap as Snap,
      effects: Stepper.effects<E>(actions as { type: string; params?: unknown }[]),
      value: stateString(snap.value),
    });
  }

  send(snap: Snap, event: { type: string }): Result<E> {
    this.transitions++;
    const key = memoEnabled ? `${this.keyOf(snap)}|${JSON.stringify(event)}` : '';
    const hit = memoEnabled ? this.cache.get(key) : undefined;
    if (hit) return hit;
    this.evaluations++;
    // biome-ignore lint/suspicious/noExplicitAny: the stepper is generic over machines; callers type their events.
    const [next, actions] = transition(this.machine, snap as any, event as any);
    return this.remember(key, {
      snap: next as Snap,
      effects: Stepper.effects<E>(actions as { type: string; params?: unknown }[]),
      value: stateString(next.value),
    });
  }
}

const matchCache = new WeakMap<object, Map<string, boolean>>();

/**
 * XState's `snapshot.matches(state)` ("connected" also matches "connected.silent"), remembered per
 * snapshot: the memo shares snapshots between runs, so each question is asked of XState once.
 */
export function inState(snap: Snap, state: string): boolean {
  let m = matchCache.get(snap);
  if (!m) {
    m = new Map();
    matchCache.set(snap, m);
  }
  let r = m.get(state);
  if (r === undefined) {
    r = snap.matches(state);
    m.set(state, r);
  }
  return r;
}
