import { willRefusal } from '../engine/broker/connect';
import { type ConnectParams, connectParams, publishTopic, willTopics as willTopicsOf } from '../engine/script';
import { type ClientDef, type ProtocolLevel, type Scenario, SEI_NEVER, type Step } from '../engine/types';
import type { Catalog } from '../i18n/catalog';
import type { ExportCatalog } from '../i18n/export';
import { profileName } from '../i18n/render';

/**
 * A bash script that replays a scenario against a real broker with mosquitto_sub/mosquitto_pub
 * (mosquitto-clients 2.0+), saying honestly, as comments in the script, what a command-line client
 * cannot do: a drop is `kill -9`, silence is `kill -STOP`, DISCONNECT 0x04 is a signal under 5.0,
 * 0x00 is the `-C 1` exit, other reason codes, protocol errors and kicks cannot be produced.
 * Every user string is single-quoted for the shell; the script runs under `set -u`.
 * Framework-free; load it lazily (`import('./repro')`).
 */
export interface ReproOptions {
  /** The words, in the reader's language. */
  cat: Catalog;
  ex: ExportCatalog;
}

/** A shell word: single-quoted, with NUL characters (impossible in argv) removed. */
export function shellQuote(s: string): string {
  return `'${s.split('\u0000').join('').replace(/'/g, `'\\''`)}'`;
}

/** Text for a `#` comment: one line, no control characters. */
function commentText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function wrap(text: string, width = 96): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of commentText(text).split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

const secs = (t: number) => String(Math.round(t * 1000) / 1000);
const version = (p: ProtocolLevel) => (p === 5 ? 'mqttv5' : 'mqttv311');
const hasNul = (...xs: (string | undefined)[]) => xs.some((x) => x?.includes('\u0000'));

type Conn = ConnectParams;

export function toReproScript(scenario: Scenario, options: ReproOptions): string {
  const { cat, ex } = options;
  const r = ex.repro;
  const out: string[] = [];
  const comment = (text: string, indent = '') => {
    for (const l of wrap(text)) out.push(`${indent}# ${l}`);
  };
  const clients = new Map(scenario.clients.map((c, i) => [c.name, { def: c, index: i }]));
  const pid = (name: string) => `P${clients.get(name)?.index ?? 0}`;
  const exitTopic = (name: string) => `will-lab/exit/${clients.get(name)?.index ?? 0}/$RUN`;
  const profile = profileName(scenario.profile, cat);

  // Topics the observer watches: every will topic of the scenario (FORMAT.md, "The implicit observer").
  const willTopics = willTopicsOf(scenario);
  const retainedTopics = [...willTopics];
  for (const s of scenario.steps)
    if (s.action === 'publish' && s.retain) {
      // The topic the engine publishes to (src/engine/script: `topicOf` wins over `topic`).
      const t = publishTopic(scenario, s);
      if (!retainedTopics.includes(t)) retainedTopics.push(t);
    }
  const topicArgs = willTopics.map((t) => `-t ${shellQuote(t)}`).join(' ');

  // --- header -----------------------------------------------------------------------------
  out.push('#!/usr/bin/env bash');
  comment(r.header(scenario.title.trim(), profile).join(' '));
  comment(r.usage);
  out.push('#');
  comment(r.limitsHeading);
  for (const l of r.limits) {
    const [first, ...rest] = wrap(l, 92);
    out.push(`#  - ${first ?? ''}`);
    for (const x of rest) out.push(`#    ${x}`);
  }
  out.push('#');
  comment(r.testBroker);
  out.push(
    'set -u',
    'HOST="${1:-127.0.0.1}"',
    'PORT="${2:-1883}"',
    'MQ=(-h "$HOST" -p "$PORT")',
    'RUN="$$"',
    'PIDS=()',
    'OBSERVER_PID=""',
    'finish() {',
    '  if [ -n "$OBSERVER_PID" ]; then kill "$OBSERVER_PID" 2>/dev/null; fi',
    '  for p in ${PIDS[@]+"${PIDS[@]}"}; do kill -CONT "$p" 2>/dev/null; kill -9 "$p" 2>/dev/null; done',
    '}',
    'trap finish EXIT',
    'say() { printf "script   t = %s s: %s\\n" "$1" "$2" >&2; }',
    '# The observer prints times relative to t = 0 (one second after it subscribed).',
    'T0=$(awk -v n="$(date +%s.%N)" \'BEGIN { printf "%.3f", n + 1 }\')',
    '# mosquitto_sub buffers its output in a pipe: stdbuf (GNU coreutils), where present, makes it print each line at once.',
    'LB=(); if command -v stdbuf > /dev/null 2>&1; then LB=(stdbuf -oL); fi',
    '# (A read loop rather than one awk: mawk reads a pipe in large blocks and would print late.)',
    'rel() {',
    '  while IFS= read -r line; do',
    '    printf "observer t = %s s: %s\\n" "$(awk -v a="${line%% *}" -v b="$T0" \'BEGIN { printf "%.1f", a - b }\')" "${line#* }"',
    '  done',
    '}',
    '',
  );

  if (retainedTopics.length > 0) {
    comment(r.clearRetained);
    for (const t of retainedTopics) out.push(`mosquitto_pub "\${MQ[@]}" -r -n -t ${shellQuote(t)}`);
    out.push('');
  }
  if (scenario.observer !== null && willTopics.length > 0) {
    const o = scenario.observer;
    comment(r.observer);
    if (o.protocol === 4) comment(r.observerV4);
    const rap = o.protocol === 5 && o.retainAsPublished ? ' --retain-as-published' : '';
    out.push(
      `\${LB[@]+"\${LB[@]}"} mosquitto_sub "\${MQ[@]}" -V ${version(o.protocol)} -i will-lab-observer-$RUN -q ${o.subscriptionQos}${rap} -F '%U %t %p (QoS %q, RETAIN %r)' ${topicArgs} > >(rel) &`,
      'OBSERVER_PID=$!',
      'disown "$OBSERVER_PID"',
    );
  }
  if (scenario.offlineSubscriber && willTopics.length > 0) {
    comment(r.offlineSubscriber);
    out.push(
      `mosquitto_sub "\${MQ[@]}" -V mqttv5 -c -x 3600 -i will-lab-offline-$RUN -q 2 --retain-as-published -E ${topicArgs}`,
    );
  }
  out.push('sleep 1', `say 0 ${shellQuote(r.start)}`, '');

  // --- steps ------------------------------------------------------------------------------
  const alive = new Set<string>();
  const launched = new Set<string>();
  let now = 0;
  /** How each client's current process was started. */
  const live = new Map<string, { protocol: ProtocolLevel; exitTrick: boolean }>();
  const stepAt = (s: Step, what: string) => {
    const name = s.client === null ? cat.broker : cat.clientLabel(s.client);
    out.push(`say ${secs(s.t)} ${shellQuote(r.stepLine(secs(s.t), name, what))}`);
  };

  /** The DISCONNECT that will end the connection opened at step i, if any. */
  const endingDisconnect = (i: number, name: string) => {
    for (let j = i + 1; j < scenario.steps.length; j++) {
      const s = scenario.steps[j] as Step;
      if (s.action === 'takeover' && s.of === name) return null;
      if (s.client !== name) continue;
      if (s.action === 'disconnect') return s;
      if (['drop', 'reset', 'silence', 'connect', 'reconnect', 'takeover', 'kick'].includes(s.action)) return null;
    }
    return null;
  };

  const launch = (i: number, name: string, c: ClientDef, conn: Conn) => {
    // mosquitto_sub itself rejects Will QoS 3 and a will topic that is no Topic Name, so this CONNECT
    // never reaches the broker: not connecting leaves the broker as the refusal does.
    const refused = willRefusal(conn.will, conn.protocol, scenario.broker)?.code;
    if (refused === 'conn.refused.willQos3' || refused === 'conn.refused.willTopic') {
      comment(r.cannot(r.invalidWill));
      return;
    }
    const args: string[] = ['mosquitto_sub', '"${MQ[@]}"', `-V ${version(conn.protocol)}`];
    const notes: string[] = [];
    if (c.clientId === '') notes.push(r.emptyClientId);
    else args.push(`-i ${shellQuote(c.clientId)}`);
    let ka = conn.keepAlive;
    if (ka < 5 || ka > 65535) {
      ka = ka === 0 ? 65535 : 5;
      notes.push(r.keepAliveRange(conn.keepAlive, ka));
    }
    args.push(`-k ${ka}`);
    if (!conn.cleanStart) args.push('-c');
    const v5 = conn.protocol === 5;
    if (v5)
      args.push(
        `-x ${conn.sessionExpiry === null ? 0 : conn.sessionExpiry === SEI_NEVER ? SEI_NEVER : conn.sessionExpiry}`,
      );
    const w = conn.will;
    if (w) {
      if (hasNul(w.topic, w.payload)) notes.push(r.nul);
      args.push(`--will-topic ${shellQuote(w.topic)}`);
      if (w.payload !== '') args.push(`--will-payload ${shellQuote(w.payload)}`);
      args.push(`--will-qos ${w.qos}`);
      if (w.retain) args.push('--will-retain');
      if (v5) {
        if (w.delay !== null) args.push(`-D will will-delay-interval ${w.delay}`);
        if (w.messageExpiry !== null) args.push(`-D will message-expiry-interval ${w.messageExpiry}`);
        const p = w.props;
        if (p?.payloadFormatIndicator !== undefined)
          args.push(`-D will payload-format-indicator ${p.payloadFormatIndicator ? 1 : 0}`);
        if (p?.contentType !== undefined) args.push(`-D will content-type ${shellQuote(p.contentType)}`);
        if (p?.responseTopic !== undefined) args.push(`-D will response-topic ${shellQuote(p.responseTopic)}`);
        if (p?.correlationData !== undefined) args.push(`-D will correlation-data ${shellQuote(p.correlationData)}`);
        for (const u of p?.userProperties ?? [])
          args.push(`-D will user-property ${shellQuote(u.name)} ${shellQuote(u.value)}`);
        if (p?.userProperties && p.userProperties.length > 1) notes.push(r.userPropertyOrder);
      }
    }
    if (!v5 && (conn.sessionExpiry !== null || (w && (w.delay !== null || w.messageExpiry !== null || w.props))))
      notes.push(r.v4IgnoresV5);
    // How this connection will end, if by DISCONNECT: decided now, because the tools take it as options.
    const d = endingDisconnect(i, name);
    const subs = c.subscriptions;
    if (d && v5 && d.sessionExpiry !== undefined && d.sessionExpiry !== null)
      args.push(`-D disconnect session-expiry-interval ${d.sessionExpiry}`);
    const exitTrick = d !== null && v5 && (d.reason ?? 0) === 0 && subs.length === 0;
    args.push(`-t "${exitTopic(name)}"`);
    if (exitTrick) args.push('-C 1');
    if (subs.length > 0) {
      const qos = Math.max(...subs.map((s) => s.qos));
      if (subs.some((s) => s.qos !== qos)) notes.push(r.mixedQos(qos));
      if (subs.some((s) => s.noLocal || s.retainHandling !== 0)) notes.push(r.subscriptionOptions);
      for (const s of subs) args.push(`-t ${shellQuote(s.filter)}`);
      args.push(`-q ${qos}`);
      if (v5 && subs.some((s) => s.retainAsPublished)) args.push('--retain-as-published');
    }
    for (const n of notes) comment(n);
    const v = pid(name);
    out.push(`${args.join(' ')} > /dev/null &`, `${v}=$!`, `disown "$${v}"`, `PIDS+=("$${v}")`);
    alive.add(name);
    launched.add(name);
    live.set(name, { protocol: conn.protocol, exitTrick });
  };

  scenario.steps.forEach((s, i) => {
    if (s.t > now) {
      out.push(`sleep ${secs(s.t - now)}`);
      now = s.t;
    }
    if (s.action === 'brokerRestart') {
      stepAt(s, cat.action(s.action));
      comment(r.brokerRestart);
      out.push('');
      return;
    }
    const entry = clients.get(s.client);
    if (!entry) return;
    const c = entry.def;
    const name = s.client;
    const v = pid(name);
    switch (s.action) {
      case 'connect':
      case 'reconnect': {
        stepAt(s, cat.action(s.action));
        if (alive.has(name)) {
          comment(r.notConnected);
          break;
        }
        // The previous process of this client (dropped, silenced or disconnected) must not linger.
        if (launched.has(name)) out.push(`kill -CONT "$${v}" 2>/dev/null; kill -9 "$${v}" 2>/dev/null`);
        if (s.action === 'reconnect' && s.afterClose !== undefined) comment(r.afterClose(s.afterClose));
        launch(i, name, c, connectParams(c, s));
        break;
      }
      case 'drop':
      case 'reset':
        stepAt(s, s.action === 'drop' ? r.drop : r.reset);
        if (!alive.has(name)) comment(r.notConnected);
        else out.push(`kill -9 "$${v}"`);
        alive.delete(name);
        break;
      case 'silence':
        stepAt(s, r.silence);
        if (!alive.has(name)) comment(r.notConnected);
        else out.push(`kill -STOP "$${v}"`);
        alive.delete(name);
        break;
      case 'disconnect': {
        const started = live.get(name);
        const v5 = (started?.protocol ?? c.protocol) === 5;
        const code = s.reason ?? 0;
        const what = !v5
          ? r.disconnectV4
          : code === 0
            ? started?.exitTrick !== false
              ? r.disconnect0
              : r.cannot(r.disconnect0WithSubscriptions)
            : code === 4
              ? r.disconnect4
              : r.cannot(r.disconnectOther(`0x${code.toString(16).toUpperCase().padStart(2, '0')}`));
        stepAt(s, what);
        if (!v5 && s.sessionExpiry !== undefined) comment(r.disconnectSeiV4);
        if (!alive.has(name)) comment(r.notConnected);
        else if (started?.exitTrick) out.push(`mosquitto_pub "\${MQ[@]}" -t "${exitTopic(name)}" -m exit`);
        else out.push(`kill -TERM "$${v}"`);
        alive.delete(name);
        break;
      }
      case 'takeover': {
        stepAt(s, r.takeover(cat.clientLabel(s.of)));
        const old = pid(s.of);
        const wasAlive = alive.has(s.of);
        if (wasAlive) out.push(`kill -STOP "$${old}"`);
        else comment(r.notConnected);
        if (alive.has(name)) {
          comment(r.notConnected);
          break;
        }
        if (launched.has(name)) out.push(`kill -CONT "$${v}" 2>/dev/null; kill -9 "$${v}" 2>/dev/null`);
        launch(i, name, c, connectParams(c, s));
        if (wasAlive) out.push('sleep 1', `kill -9 "$${old}"`);
        alive.delete(s.of);
        alive.add(name);
        break;
      }
      case 'publish': {
        stepAt(s, r.publish);
        const topic = publishTopic(scenario, s);
        if (hasNul(topic, s.payload)) comment(r.nul);
        const proto = live.get(name)?.protocol ?? c.protocol;
        const args = ['mosquitto_pub', '"${MQ[@]}"', `-V ${version(proto)}`, `-t ${shellQuote(topic)}`];
        args.push(s.payload === '' ? '-n' : `-m ${shellQuote(s.payload)}`, `-q ${s.qos}`);
        if (s.retain) args.push('-r');
        if (s.messageExpiry !== undefined && s.messageExpiry !== null) {
          if (proto === 5) args.push(`-D publish message-expiry-interval ${s.messageExpiry}`);
          else comment(r.publishV4Expiry);
        }
        out.push(args.join(' '));
        break;
      }
      case 'subscribe':
      case 'unsubscribe':
      case 'protoerr':
      case 'badpacket':
      case 'kick':
        stepAt(s, r.cannot(r[s.action]));
        break;
    }
    out.push('');
  });

  if (scenario.end > now) out.push(`sleep ${secs(scenario.end - now)}`);
  out.push(`say ${secs(scenario.end)} ${shellQuote(r.end)}`);
  out.push('if [ -n "$OBSERVER_PID" ]; then kill "$OBSERVER_PID" 2>/dev/null; OBSERVER_PID=""; fi');
  if (scenario.offlineSubscriber && willTopics.length > 0) {
    comment(r.offlineReconnect);
    out.push(
      `mosquitto_sub "\${MQ[@]}" -V mqttv5 -c -x 3600 -i will-lab-offline-$RUN -q 2 --retain-as-published -F 'offline subscriber: %t %p (QoS %q, RETAIN %r)' -W 2 ${topicArgs} || true`,
    );
  }
  return `${out.join('\n')}\n`;
}
