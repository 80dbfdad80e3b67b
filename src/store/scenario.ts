import { createStore, useStore } from 'zustand';
import type { BrokerSettings, ClientDef, Scenario, Step, SubscriptionDef, WillDef } from '../engine/types';
import type { Problem } from '../scenario/problems';
import { defaultScenario, defaultSubscription, newClient } from './defaults';

/**
 * The authoring copy of the scenario: the single source of truth of a run. Everything the user does
 * (editing a client, injecting a fault at the playhead) is an event on this store that produces a
 * new Scenario object; the run is derived from it elsewhere (src/runner), never stored here.
 *
 * Every edit replaces the scenario object (immutably), so a WeakMap keyed by it memoises the run.
 */

export type ClientSettings = Partial<
  Pick<ClientDef, 'clientId' | 'protocol' | 'cleanStart' | 'sessionExpiry' | 'keepAlive'>
>;

/** A step to add at the playhead: everything but its time. */
type WithoutTime<S> = S extends unknown ? Omit<S, 't'> : never;
export type StepAt = WithoutTime<Step>;

export interface ScenarioState {
  scenario: Scenario;
  /**
   * The problems of the last edit that was refused because the loader would refuse its result
   * (src/scenario/fields.ts), or null. A new object each time, so a repeated refusal is seen.
   */
  refused: { problems: Problem[] } | null;
  /** Earlier scenarios, for undo (most recent last). */
  past: Scenario[];
  future: Scenario[];

  /** Replaces the working scenario (a lesson, a shared link, an imported file, an example). */
  scenarioLoaded: (scenario: Scenario) => void;
  titleChanged: (title: string) => void;
  profilePicked: (profileId: string) => void;
  brokerSettingsChanged: (patch: Partial<BrokerSettings>) => void;
  observerToggled: (on: boolean) => void;
  endChanged: (seconds: number) => void;

  /** Adds a client with a free name and a connect step at 0 s; returns its name ('' if the edit was refused). */
  clientAdded: (kind: 'device' | 'subscriber') => string;
  clientRemoved: (name: string) => void;
  clientRenamed: (from: string, to: string) => void;
  clientSettingsChanged: (name: string, patch: ClientSettings) => void;
  willChanged: (name: string, will: WillDef | null) => void;
  subscriptionAdded: (name: string) => void;
  subscriptionChanged: (name: string, index: number, sub: SubscriptionDef) => void;
  subscriptionRemoved: (name: string, index: number) => void;

  /**
   * An injection at the playhead becomes a step at that time (ms-rounded seconds), after any step
   * already at that instant. With `fork`, the steps after that time are dropped first (RaftScope's
   * fork on intervention); otherwise the rest of the script stays and the future is re-simulated.
   */
  stepInjected: (atMs: number, step: StepAt, options?: { fork?: boolean }) => void;
  /** A takeover: a twin of `of` (same Client Identifier) connects at the playhead. Returns the twin's name. */
  takeoverInjected: (atMs: number, of: string, cleanStart: boolean, options?: { fork?: boolean }) => string;
  stepRemoved: (index: number) => void;
  /** The birth-message pattern: a retained "online" on the will topic right after each connect of `name`. */
  onlineMessageAdded: (name: string) => void;

  undone: () => void;
  redone: () => void;
}

const HISTORY = 100;

/**
 * The loader's check (src/scenario/fields.ts `scenarioProblems`), installed by the app once the
 * schema has loaded (src/app/sync.ts): the store's first load carries no schema code.
 */
let check: ((sc: Scenario) => Problem[]) | null = null;
export function setEditCheck(fn: ((sc: Scenario) => Problem[]) | null): void {
  check = fn;
  verdicts = new WeakMap();
}

/** The loader's verdict on each scenario object (edits replace the object, so this memo is exact). */
let verdicts = new WeakMap<Scenario, Problem[]>();
function problemsOf(sc: Scenario): Problem[] {
  if (!check) return [];
  let p = verdicts.get(sc);
  if (p === undefined) {
    p = check(sc);
    verdicts.set(sc, p);
  }
  return p;
}

/** Seconds, rounded to the millisecond (the engine's resolution). */
export const msToSeconds = (ms: number): number => Math.round(ms) / 1000;

function uniqueName(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

function insertStep(steps: readonly Step[], step: Step, fork: boolean): Step[] {
  const kept = fork ? steps.filter((s) => s.t <= step.t) : [...steps];
  let i = kept.length;
  while (i > 0 && (kept[i - 1] as Step).t > step.t) i--;
  kept.splice(i, 0, step);
  return kept;
}

export function createScenarioStore(initial: Scenario = defaultScenario()) {
  return createStore<ScenarioState>()((set, get) => {
    /** Applies an edit: a new scenario object, the old one on the undo stack. */
    const edit = (f: (s: Scenario) => Scenario) => {
      const { scenario, past } = get();
      const next = f(scenario);
      if (next === scenario) return;
      // One validation at every entrance: an edit whose result a file, a link or the autosave would
      // refuse (51 clients, 2,001 steps, a reserved Client Identifier...) is not made. (A scenario
      // that is already invalid, which no entrance lets in, may still be edited back to health.)
      const problems = problemsOf(next);
      if (problems.length > 0 && problemsOf(scenario).length === 0) {
        set({ refused: { problems } });
        return;
      }
      set({ scenario: next, refused: null, past: [...past.slice(-(HISTORY - 1)), scenario], future: [] });
    };
    const editClient = (name: string, f: (c: ClientDef) => ClientDef) =>
      edit((s) => ({ ...s, clients: s.clients.map((c) => (c.name === name ? f(c) : c)) }));

    return {
      scenario: initial,
      refused: null,
      past: [],
      future: [],

      scenarioLoaded: (scenario) => edit(() => scenario),
      titleChanged: (title) => edit((s) => ({ ...s, title })),
      profilePicked: (profile) => edit((s) => (s.profile === profile ? s : { ...s, profile })),
      brokerSettingsChanged: (patch) => edit((s) => ({ ...s, broker: { ...s.broker, ...patch } })),
      observerToggled: (on) =>
        edit((s) => ({
          ...s,
          observer: on ? (s.observer ?? { protocol: s.protocol, subscriptionQos: 1, retainAsPublished: true }) : null,
        })),
      endChanged: (end) => edit((s) => (s.end === end ? s : { ...s, end })),

      clientAdded: (kind) => {
        const s = get().scenario;
        const name = uniqueName(
          s.clients.map((c) => c.name),
          kind === 'device' ? 'device' : 'subscriber',
        );
        const client = newClient(kind, name, s.protocol);
        edit((sc) => ({
          ...sc,
          clients: [...sc.clients, client],
          steps: insertStep(sc.steps, { t: 0, action: 'connect', client: name }, false),
        }));
        // A refused edit (a 51st client) adds nobody: say so with the name of no client.
        return get().scenario.clients.some((c) => c.name === name) ? name : '';
      },
      clientRemoved: (name) =>
        edit((s) => ({
          ...s,
          clients: s.clients.filter((c) => c.name !== name),
          steps: s.steps.filter(
            (st) =>
              st.client !== name &&
              !(st.action === 'takeover' && st.of === name) &&
              !(st.action === 'publish' && st.topicOf === name),
          ),
        })),
      clientRenamed: (from, to) =>
        edit((s) => {
          if (from === to || s.clients.some((c) => c.name === to)) return s;
          return {
            ...s,
            clients: s.clients.map((c) => (c.name === from ? { ...c, name: to } : c)),
            steps: s.steps.map((st) => {
              let out: Step = st.client === from ? ({ ...st, client: to } as Step) : st;
              if (out.action === 'takeover' && out.of === from) out = { ...out, of: to };
              if (out.action === 'publish' && out.topicOf === from) out = { ...out, topicOf: to };
              return out;
            }),
          };
        }),
      clientSettingsChanged: (name, patch) => editClient(name, (c) => ({ ...c, ...patch })),
      willChanged: (name, will) => editClient(name, (c) => ({ ...c, will })),
      subscriptionAdded: (name) =>
        editClient(name, (c) => ({ ...c, subscriptions: [...c.subscriptions, defaultSubscription()] })),
      subscriptionChanged: (name, index, sub) =>
        editClient(name, (c) => ({ ...c, subscriptions: c.subscriptions.map((x, i) => (i === index ? sub : x)) })),
      subscriptionRemoved: (name, index) =>
        editClient(name, (c) => ({ ...c, subscriptions: c.subscriptions.filter((_, i) => i !== index) })),

      stepInjected: (atMs, step, options) =>
        edit((s) => {
          const t = msToSeconds(atMs);
          return {
            ...s,
            steps: insertStep(s.steps, { ...step, t } as Step, options?.fork ?? false),
            end: Math.max(s.end, t),
          };
        }),
      takeoverInjected: (atMs, of, cleanStart, options) => {
        const s = get().scenario;
        const original = s.clients.find((c) => c.name === of);
        if (!original) return of;
        const twin = uniqueName(
          s.clients.map((c) => c.name),
          `${of}-twin`,
        );
        edit((sc) => {
          const t = msToSeconds(atMs);
          return {
            ...sc,
            clients: [...sc.clients, { ...original, name: twin }],
            steps: insertStep(
              sc.steps,
              { t, action: 'takeover', client: twin, of, cleanStart },
              options?.fork ?? false,
            ),
            end: Math.max(sc.end, t),
          };
        });
        return get().scenario.clients.some((c) => c.name === twin) ? twin : of;
      },
      stepRemoved: (index) => edit((s) => ({ ...s, steps: s.steps.filter((_, i) => i !== index) })),
      onlineMessageAdded: (name) =>
        edit((s) => {
          const c = s.clients.find((x) => x.name === name);
          if (!c?.will) return s;
          let steps = s.steps;
          for (const st of s.steps) {
            if (st.client !== name || (st.action !== 'connect' && st.action !== 'reconnect')) continue;
            steps = insertStep(
              steps,
              { t: st.t, action: 'publish', client: name, topicOf: name, payload: 'online', qos: 1, retain: true },
              false,
            );
          }
          return steps === s.steps ? s : { ...s, steps };
        }),

      undone: () => {
        const { past, scenario, future } = get();
        const prev = past[past.length - 1];
        if (!prev) return;
        set({ scenario: prev, past: past.slice(0, -1), future: [scenario, ...future] });
      },
      redone: () => {
        const { past, scenario, future } = get();
        const next = future[0];
        if (!next) return;
        set({ scenario: next, past: [...past, scenario], future: future.slice(1) });
      },
    };
  });
}

export type ScenarioStore = ReturnType<typeof createScenarioStore>;

/** The app's scenario store (a module singleton; tests reset it with `resetStores`). */
export const scenarioStore = createScenarioStore();

export function useScenario<T>(selector: (s: ScenarioState) => T): T {
  return useStore(scenarioStore, selector);
}
