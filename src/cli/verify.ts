import { writeFileSync } from 'node:fs';
import { PROFILE_IDS, profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { Scenario } from '../engine/types';
import { type EjabberdInstance, ejabberdVersion, findEjabberd, startEjabberd } from '../realbroker/ejabberd';
import { findMosquitto, type MosquittoInstance, mosquittoVersion, startMosquitto } from '../realbroker/mosquitto';
import { type NanoMqInstance, nanomqVersion, startNanoMq } from '../realbroker/nanomq';
import { playScenario, type Recording, unsupportedSteps } from '../realbroker/player';
import { caseClock, caseFromScenario, recordedCase, TOLERANCE_S } from '../realbroker/record';
import { tcpDial } from '../realbroker/tcp';
import { type WebSocketCtor, webSocketDial } from '../realbroker/websocket';
import { compareOutcomes } from '../scenario/compare';
import { loadDocument } from '../scenario/load';
import { parseCommand, runCommand } from './args';
import { fail, failProblems, readJson } from './io';
import { words } from './lang';

/**
 * npm run verify -- (--broker mqtt://127.0.0.1:PORT | --mosquitto | --nanomq --bin PATH | --ejabberd)
 *     <cases.json|scenario.json>... [--profile P] [--tolerance S] [--record out.json] [--case ID]
 *     [--concurrency N] [--max-end S] [--ws] [--username U --password P]
 *
 * Plays each scenario against a real broker with raw MQTT packets, records what it did (FORMAT.md
 * `observed`), and compares it with the engine's prediction under the profile. `--broker` uses a
 * broker someone else runs (cases one at a time: Mosquitto's will-delay list is shared by all
 * clients); `--mosquitto` starts Debian's mosquitto for each case on 127.0.0.1 and a free port
 * (persistence as the case needs; broker restarts possible) and stops it by its pid; `--nanomq`
 * does the same with a NanoMQ built from source (scripts/nanomq/build.sh, docs/nanomq.md), and
 * plays both conformance files when no file is given; `--ejabberd` does the same with our own node
 * of Debian's ejabberd (src/realbroker/ejabberd.ts). `--username` and `--password` go into every
 * CONNECT (ejabberd's mod_mqtt refuses one without them).
 */

/** What `--nanomq` plays when no file is given: these, without the cases that last an hour or more. */
const NANOMQ_DEFAULT_FILES = ['conformance/spec-cases.json', 'conformance/mosquitto-suite.json'];
const NANOMQ_DEFAULT_MAX_END_S = 620;

/** A broker this tool started itself (one per case; ejabberd: one per run, see below). */
type OwnBroker = MosquittoInstance | NanoMqInstance | EjabberdInstance;

interface Item {
  id: string;
  title: string;
  scenario: Scenario;
  raw: Record<string, unknown>;
}

interface Result {
  item: Item;
  rec: Recording | null;
  error?: string;
  diffs: string[];
  specDiffs: number;
  seconds: number;
}

async function main(): Promise<void> {
  const {
    values: flags,
    positionals: positional,
    usageError,
  } = parseCommand({
    command: 'verify',
    options: {
      broker: { type: 'string', value: 'URL' },
      mosquitto: { type: 'boolean' },
      nanomq: { type: 'boolean' },
      bin: { type: 'string', value: 'PATH' },
      'max-end': { type: 'string', value: 'S' },
      ejabberd: { type: 'boolean' },
      username: { type: 'string', value: 'NAME' },
      password: { type: 'string', value: 'PASSWORD' },
      profile: { type: 'string', value: 'P' },
      tolerance: { type: 'string', value: 'S' },
      record: { type: 'string', value: 'FILE' },
      case: { type: 'string', value: 'ID' },
      exclude: { type: 'string', value: 'REGEX' },
      concurrency: { type: 'string', value: 'N' },
      retries: { type: 'string', value: 'N' },
      ws: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
    // Several case files play as one run (e.g. the Mosquitto suite and ejabberd's own cases).
    positionals: { min: 0, max: 16, name: 'a case or scenario file' },
  });
  const nanomq = flags.nanomq === true;
  const kind = nanomq ? 'nanomq' : flags.ejabberd === true ? 'ejabberd' : flags.mosquitto === true ? 'mosquitto' : null;
  const own = kind !== null;
  const brokerUrl = flags.broker;
  const chosen = [flags.mosquitto === true, nanomq, flags.ejabberd === true, brokerUrl !== undefined];
  if (chosen.filter(Boolean).length !== 1)
    usageError(words.cli.args.oneOf(['--broker', '--mosquitto', '--nanomq', '--ejabberd']));
  const files = positional.length === 0 && nanomq ? NANOMQ_DEFAULT_FILES : positional;
  if (files.length === 0) usageError(words.cli.args.missing('a case or scenario file'));
  if (flags.record !== undefined && files.length !== 1) usageError('--record: give exactly one case file');
  let nanomqBin: string | null = null;
  let nanomqVer: string | null = null;
  if (nanomq) {
    const b = flags.bin ?? usageError('--nanomq needs --bin PATH (scripts/nanomq/build.sh builds it; docs/nanomq.md)');
    nanomqBin = b;
    nanomqVer = nanomqVersion(b);
    if (!nanomqVer) fail(`--bin ${b}: not a NanoMQ broker (no version banner)`);
  }
  // With --nanomq the profile defaults to that version's, where there is one.
  const profileId = flags.profile ?? (nanomqVer && profileById(`nanomq-${nanomqVer}`) ? `nanomq-${nanomqVer}` : 'spec');
  const profile = profileById(profileId) ?? fail(words.cli.output.unknownProfile(profileId, PROFILE_IDS.join(', ')));
  const tolerance = Number(flags.tolerance ?? TOLERANCE_S);
  if (!Number.isFinite(tolerance) || tolerance < 0) fail('--tolerance: must be a number of seconds, 0 or more');
  const useWs = flags.ws === true || String(brokerUrl ?? '').startsWith('ws');
  if (useWs && nanomq) usageError('--ws: our NanoMQ instance has no WebSocket listener');
  if (flags.password !== undefined && flags.username === undefined)
    usageError(words.cli.args.requires('--password', '--username'));
  const credentials =
    flags.username !== undefined ? { username: flags.username, password: flags.password ?? '' } : undefined;
  if (useWs && kind === 'ejabberd') fail('--ws: our ejabberd node has no WebSocket listener (mod_mqtt over TCP only)');
  // Node 20 has no WebSocket of its own: the `ws` package stands in for the browser's.
  if (useWs && !(globalThis as { WebSocket?: unknown }).WebSocket)
    // (A computed specifier: the package ships no types, and only this WHATWG-like surface is used.)
    nodeWebSocket = ((await import(String('ws'))) as { WebSocket: WebSocketCtor }).WebSocket;

  // Several case files play as one run (e.g. the Mosquitto suite and ejabberd's own cases).
  let items: Item[] = [];
  for (const file of files) {
    const data = readJson(file);
    const doc = loadDocument(data);
    if (!doc.ok) failProblems(file, doc.problems);
    if (doc.value.kind === 'cases') {
      const raws = (Array.isArray(data) ? data : [data]) as Record<string, unknown>[];
      items.push(
        ...doc.value.cases.map((c, i) => ({ id: c.id, title: c.title, scenario: c.scenario, raw: raws[i] ?? {} })),
      );
    } else {
      const sc = doc.value.scenario;
      items.push({ id: 'scenario', title: sc.title, scenario: sc, raw: caseFromScenario(sc, 'scenario') });
    }
  }
  const only = flags.case;
  if (only !== undefined) items = items.filter((i) => i.id === only || i.id.startsWith(`${only}`));
  const exclude = flags.exclude;
  if (exclude !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(exclude);
    } catch (e) {
      fail(`--exclude: ${(e as Error).message}`);
    }
    items = items.filter((i) => !re.test(i.id));
  }
  const maxEnd = flags['max-end'] ?? (nanomq && positional.length === 0 ? String(NANOMQ_DEFAULT_MAX_END_S) : undefined);
  if (maxEnd !== undefined) {
    const m = Number(maxEnd);
    if (!Number.isFinite(m) || m <= 0) fail('--max-end: must be a number of seconds');
    items = items.filter((i) => i.scenario.end <= m);
  }
  if (items.length === 0) fail('no case to run');

  let dialFor: (inst: OwnBroker | null) => ReturnType<typeof tcpDial>;
  let bin: string | null = null;
  let version: string | null = null;
  let ejabberdLib: string | null = null;
  if (kind === 'mosquitto') {
    bin = findMosquitto();
    if (!bin) fail('mosquitto is not installed (Debian: apt-get install mosquitto)');
    version = mosquittoVersion(bin);
  } else if (kind === 'ejabberd') {
    ejabberdLib = findEjabberd()?.lib ?? fail('ejabberd is not installed (Debian: apt-get install ejabberd)');
    version = ejabberdVersion(ejabberdLib);
  }
  if (brokerUrl !== undefined) {
    let u: URL;
    try {
      u = new URL(brokerUrl);
    } catch {
      fail(`--broker: "${brokerUrl}" is not a URL (mqtt://127.0.0.1:PORT or ws://127.0.0.1:PORT/)`);
    }
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost' && u.hostname !== '[::1]')
      fail('--broker: only brokers on this machine (127.0.0.1) are played against');
    const port = Number(u.port || (u.protocol === 'ws:' ? 80 : 1883));
    const wsUrl = u.protocol === 'ws:' ? u.href : null;
    dialFor = () => (wsUrl ? webSocketDial(wsUrl, wsCtor()) : tcpDial('127.0.0.1', port));
  } else {
    dialFor = (inst) => {
      const i = inst as OwnBroker;
      return useWs && i.wsPort ? webSocketDial(`ws://127.0.0.1:${i.wsPort}/`, wsCtor()) : tcpDial(i.host, i.port);
    };
  }
  const concurrency = Math.max(1, Number(flags.concurrency ?? (own ? 8 : 1)));
  const quiet = flags.quiet === true;
  const retries = Math.max(0, Number(flags.retries ?? 0));

  process.stdout.write(
    `verify: ${items.length} case${items.length === 1 ? '' : 's'} against ${kind === 'nanomq' ? `nanomq ${nanomqVer} (own instance per case)` : own ? `${kind} ${version ?? '?'} (${kind === 'ejabberd' ? 'one own node, and one per restart case' : 'own instance per case'})` : String(brokerUrl)}${useWs ? ' over WebSocket' : ''}; profile ${profile.id}; tolerance ± ${tolerance} s\n`,
  );
  const t0 = Date.now();
  // Every broker this run started, so that an interrupted run (npm test's time limit) stops them.
  const live = new Set<OwnBroker>();
  for (const sig of ['SIGTERM', 'SIGINT'] as const)
    process.once(sig, () => {
      void Promise.all([...live].map((b) => b.stop())).finally(() => process.exit(130));
    });
  // ejabberd: mod_mqtt keeps no broker-wide timer list (each session's timers are its own Erlang
  // process's), and every case has its own Client Identifiers and topics, so the cases share one
  // node; a restart case gets a node of its own. (Mosquitto's will-delay list is broker-wide.)
  let shared: Promise<OwnBroker> | null = null;
  const sharedNode = (): Promise<OwnBroker> => {
    shared ??= startEjabberd({ lib: ejabberdLib as string, persistence: false }).then((b) => {
      live.add(b);
      return b;
    });
    return shared;
  };
  const results: Result[] = [];
  let next = 0;
  const runId = Date.now().toString(36);
  async function worker(): Promise<void> {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      const item = items[i] as Item;
      let r = await runOne(item, `${runId}-${i}-`);
      // A live run can be disturbed by a busy machine: a failing case is played once more, and
      // both outcomes are reported.
      for (let k = 1; k <= retries && (r.error || r.diffs.length > 0); k++) {
        report(r, `(try ${k} of ${retries + 1}) `);
        r = await runOne(item, `${runId}-${i}-r${k}-`);
      }
      results.push(r);
      report(r);
    }
  }
  async function runOne(item: Item, prefix: string): Promise<Result> {
    const start = Date.now();
    const sc = item.scenario;
    const restart = sc.steps.some((s) => s.action === 'brokerRestart');
    const unsupported = unsupportedSteps(sc, own);
    if (unsupported.length > 0)
      return { item, rec: null, error: `not played: ${unsupported.join('; ')}`, diffs: [], specDiffs: 0, seconds: 0 };
    let inst: OwnBroker | null = null;
    let owned = false;
    try {
      const persistence = sc.broker.persistence === 'persist';
      if (kind === 'nanomq') inst = await startNanoMq({ bin: nanomqBin as string });
      else if (kind === 'mosquitto')
        inst = await startMosquitto({ bin: bin as string, persistence, websockets: useWs });
      else if (kind === 'ejabberd' && restart) inst = await startEjabberd({ lib: ejabberdLib as string, persistence });
      else if (kind === 'ejabberd') inst = await sharedNode();
      owned = kind === 'mosquitto' || kind === 'nanomq' || (kind === 'ejabberd' && restart);
      if (inst && owned) live.add(inst);
      const rec = await playScenario(sc, {
        dial: dialFor(inst),
        idPrefix: `mwl-${prefix}`,
        // Mosquitto's keep-alive sweep runs on the broker's clock; NanoMQ's timer is per connection.
        probeKeepAlive: !nanomq && sc.steps.some((s) => s.action === 'silence' || s.action === 'reconnect'),
        // NanoMQ sends a resumed session's queue at its per-connection timer (15 s, then every 10 s).
        ...(nanomq ? { offlineWait: { firstMs: 17_000, quietMs: 11_000 } } : {}),
        ...(restart && inst ? { broker: inst } : {}),
        ...(credentials ? { credentials } : {}),
      });
      if (version && !rec.brokerVersion)
        rec.brokerVersion = kind === 'ejabberd' ? `ejabberd ${version}` : `mosquitto version ${version}`;
      if (nanomqVer && !rec.brokerVersion) rec.brokerVersion = `nanomq ${nanomqVer}`;
      // A broker that died is a failed recording, never an outcome ("no will").
      const death = inst && 'died' in inst ? inst.died() : null;
      if (death) rec.problems.push({ code: 'brokerDied', detail: death });
      const predicted = simulate(sc, { profile, clock: rec.clock });
      const diffs = compareOutcomes(predicted.outcome, rec.observed, tolerance).map((d) =>
        words.realBroker.difference(d),
      );
      for (const p of rec.problems) diffs.push(`problem: ${words.realBroker.problem(p)}`);
      const spec = simulate(sc, { profile: SPEC, clock: rec.clock });
      const specDiffs = compareOutcomes(spec.outcome, rec.observed, tolerance).length;
      return { item, rec, diffs, specDiffs, seconds: (Date.now() - start) / 1000 };
    } catch (e) {
      return {
        item,
        rec: null,
        error: e instanceof Error ? e.message : String(e),
        diffs: [],
        specDiffs: 0,
        seconds: (Date.now() - start) / 1000,
      };
    } finally {
      if (inst && owned) {
        live.delete(inst);
        await inst.stop();
      }
    }
  }
  function report(r: Result, prefix = ''): void {
    if (r.error) {
      process.stdout.write(`${prefix}FAIL ${r.item.id}: ${r.error}\n`);
      return;
    }
    if (r.diffs.length === 0) {
      if (!quiet) process.stdout.write(`PASS ${r.item.id} (${r.seconds.toFixed(1)} s)\n`);
      return;
    }
    process.stdout.write(
      `${prefix}FAIL ${r.item.id}: ${r.item.title}\n     (model = ${profile.id}; "wanted" = what the broker did)\n${r.diffs.map((d) => `     - ${d}`).join('\n')}\n`,
    );
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (shared) {
    const b = await (shared as Promise<OwnBroker>);
    live.delete(b);
    await b.stop();
  }

  const order = new Map(items.map((it, i) => [it.id, i]));
  results.sort((a, b) => (order.get(a.item.id) ?? 0) - (order.get(b.item.id) ?? 0));
  const record = flags.record;
  if (record !== undefined) {
    const out = results.filter((r) => r.rec).map((r) => recordedCase(r.item.raw, r.rec as Recording, caseClock));
    writeFileSync(record, `${JSON.stringify(out, null, 1)}\n`);
    process.stdout.write(`recorded ${out.length} case${out.length === 1 ? '' : 's'} to ${record}\n`);
  }
  const played = results.filter((r) => r.rec);
  const passed = played.filter((r) => r.diffs.length === 0).length;
  const failed = results.length - passed;
  const specAgree = played.filter((r) => r.specDiffs === 0).length;
  process.stdout.write(
    `profile ${profile.id} agrees with the broker on ${passed} of ${results.length} cases; the spec profile on ${specAgree} (± ${tolerance} s) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  process.stdout.write(`${words.cli.output.summary(passed, failed)}\n`);
  process.exit(failed > 0 ? 1 : 0);
}

let nodeWebSocket: WebSocketCtor | undefined;
function wsCtor(): WebSocketCtor | undefined {
  return (globalThis as { WebSocket?: WebSocketCtor }).WebSocket ?? nodeWebSocket;
}

runCommand(main);
