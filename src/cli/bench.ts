import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTransitionMemo } from '../engine/machines/stepper';
import { buildClient, buildScenario, buildSubscription, buildWill } from '../engine/script';
import { machineEvaluations, simulate } from '../engine/sim';
import type { ClientDef, Scenario, Step } from '../engine/types';
import { matrixBenchmark } from '../explorer/bench';
import { parseCaseFile } from '../scenario/cases';
import { parseCommand } from './args';

/**
 * npm run bench [-- --json]   (the built app's budgets in a browser: npm run bench:browser)
 * Speed figures of the engine (a benchmark, not a test):
 * - runsPerSecond: scenario runs per second, single thread, over the fixed mixed set of the 132 spec
 *   conformance cases (connects, drops, silences, DISCONNECTs, takeovers, retained wills...).
 * - runsPerSecondNoMemo: the same without the transition memo (every transition evaluated by XState).
 * - hour100ClientsMs: one hour of virtual time with 100 clients pinging every 60 s, publishing once
 *   a minute each, with seeded random drops and reconnects; median wall time of one run.
 */
const { values } = parseCommand({
  command: 'bench',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, name: '' },
});
const json = values.json === true;
const log = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

function mixedSet(): Scenario[] {
  const parsed = parseCaseFile(
    JSON.parse(readFileSync(new URL('../../conformance/spec-cases.json', import.meta.url), 'utf8')),
  );
  if (!parsed.ok) throw new Error('conformance/spec-cases.json does not parse');
  return parsed.value.map((c) => c.scenario);
}

/** A seeded generator for the benchmark's own randomness (the engine has its own, in the run). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function hourScenario(clients = 100, seed = 42): Scenario {
  const rnd = lcg(seed);
  const defs: ClientDef[] = [];
  const steps: Step[] = [];
  for (let i = 0; i < clients; i++) {
    const name = `d${i}`;
    defs.push(
      buildClient(name, {
        clientId: `dev-${i}`,
        protocol: i % 4 === 0 ? 4 : 5,
        cleanStart: i % 2 === 0,
        sessionExpiry: i % 3 === 0 ? 0 : 600,
        will: buildWill(`devices/${i}/status`, { retain: i % 5 === 0, delay: i % 3 === 1 ? 10 : 0 }),
      }),
    );
    const offset = Math.floor(rnd() * 60_000) / 1000;
    steps.push({ t: offset, action: 'connect', client: name });
    let connected = true;
    for (let m = 0; m < 60; m++) {
      const t = offset + m * 60 + 1;
      if (t >= 3600) break;
      const r = rnd();
      if (connected && r < 0.03) {
        steps.push({ t, action: r < 0.015 ? 'drop' : 'silence', client: name });
        connected = false;
      } else if (!connected && r < 0.5) {
        steps.push({ t, action: 'reconnect', client: name, cleanStart: false, will: defs[i]?.will ?? null });
        connected = true;
      } else if (connected) {
        steps.push({
          t,
          action: 'publish',
          client: name,
          topic: `devices/${i}/temp`,
          payload: `${20 + (m % 7)}`,
          qos: 1,
          retain: false,
        });
      }
    }
  }
  defs.push(
    buildClient('dashboard', {
      cleanStart: false,
      sessionExpiry: 3600,
      subscriptions: [buildSubscription('devices/+/status', { retainAsPublished: true })],
    }),
  );
  steps.unshift({ t: 0, action: 'connect', client: 'dashboard' });
  steps.sort((a, b) => a.t - b.t);
  return buildScenario({ title: 'hour with 100 clients', seed, clients: defs, steps, end: 3600 });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const set = mixedSet();
// Warm up: JIT and the machines' transition memo (a cache of pure results shared by all runs).
for (let i = 0; i < 3; i++) for (const sc of set) simulate(sc);
const evalsBefore = machineEvaluations();
let runs = 0;
let transitions = 0;
const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  for (const sc of set) {
    transitions += simulate(sc).stats.transitions;
    runs++;
  }
}
const elapsed = performance.now() - t0;
const runsPerSecond = Math.round((runs / elapsed) * 1000);
log(
  `runsPerSecond: ${runsPerSecond} (${runs} runs of ${set.length} mixed spec scenarios in ${elapsed.toFixed(0)} ms, one thread)`,
);
log(
  `  machine transitions: ${transitions}, XState evaluations during the timed loop: ${machineEvaluations() - evalsBefore}`,
);

// The same loop with the transition memo off: every transition evaluates XState itself.
setTransitionMemo(false);
let coldRuns = 0;
const t1 = performance.now();
while (performance.now() - t1 < 2000) {
  for (const sc of set) {
    simulate(sc);
    coldRuns++;
  }
}
const runsPerSecondNoMemo = Math.round((coldRuns / (performance.now() - t1)) * 1000);
setTransitionMemo(true);
log(`runsPerSecondNoMemo: ${runsPerSecondNoMemo} (the same set, every transition evaluated by XState)`);

const hour = hourScenario();
simulate(hour);
const times: number[] = [];
let entries = 0;
let events = 0;
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  const r = simulate(hour);
  times.push(performance.now() - s);
  entries = r.trace.length;
  events = r.stats.events;
}
const hour100ClientsMs = Math.round(median(times) * 10) / 10;
log(
  `hour100ClientsMs: ${hour100ClientsMs} (median of 7; ${hour.steps.length} steps, ${events} queue events, ${entries} trace entries)`,
);

const out: Record<string, number> = { runsPerSecond, runsPerSecondNoMemo, hour100ClientsMs, mixedSetSize: set.length };
// The explorer's headless matrix (issue 5): cells per second over its default matrix.
const m = matrixBenchmark();
out.matrixCellsPerSecond = Math.round(m.cellsPerSecond);
log(`matrixCellsPerSecond: ${out.matrixCellsPerSecond} (${m.cells} cells in ${m.ms.toFixed(0)} ms)`);
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
