import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, startListener } from './listener';
import { CLIENT_PRESETS, type ClientPreset } from './presets';

/**
 * Every preset, checked against the real client installed here (MQTT.js from npm, Debian's
 * python3-paho-mqtt and mosquitto-clients, which .ci/run installs): the client connects to the
 * recording listener, goes away as the preset says, and the packets it sent must equal the claim.
 * A missing client fails (with what to install), never skips.
 */

// Debian's interpreter: python3-paho-mqtt installs into it, not into a pyenv or venv python.
const PYTHON = '/usr/bin/python3';
const LIMIT_MS = 20_000;

const MQTTJS_SCRIPT = `
const mqtt = require('mqtt');
const [port, v, how] = process.argv.slice(1);
const c = mqtt.connect({ host: '127.0.0.1', port: Number(port), protocolVersion: Number(v), clientId: 'preset', reconnectPeriod: 0 });
c.on('connect', () => {
  console.log('connected');
  if (how === 'end') c.end();
  else if (how === 'force') c.end(true);
  else if (how === 'exit') process.exit(0);
});
c.on('error', (e) => { console.error(e); process.exit(2); });
`;

const PAHO_SCRIPT = `
import sys
import paho.mqtt.client as mqtt
port, v, how = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
c = mqtt.Client(client_id='preset', protocol=mqtt.MQTTv5 if v == 5 else mqtt.MQTTv311)
def on_connect(*args):
    print('connected', flush=True)
    if how == 'disconnect':
        c.disconnect()
c.on_connect = on_connect
c.connect('127.0.0.1', port, keepalive=60)
c.loop_forever()
`;

interface Run {
  cmd: string;
  args: string[];
  /** stdout text that proves the client read everything the listener sent (so no RST from unread data). */
  ready: string;
  /** Wait until the process sleeps in poll/select before signalling (see `idle`). */
  idle: boolean;
  /** What the test does once ready (null: the script goes away by itself). */
  signal: NodeJS.Signals | null;
  installed: () => boolean;
  missing: string;
}

const works = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
/** On PATH (`--help` exits non-zero for the mosquitto clients, so only a spawn error counts). */
const found = (cmd: string) => spawnSync(cmd, ['--help'], { stdio: 'ignore' }).error === undefined;

function runFor(p: ClientPreset, port: number): Run {
  const v = String(p.protocol);
  const mosq = [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-V',
    p.protocol === 5 ? 'mqttv5' : 'mqttv311',
    '-i',
    'preset',
    '-d',
  ];
  switch (p.client) {
    case 'mqtt.js': {
      const how = { 'library-close': 'end', 'library-close-forced': 'force', 'process-exit': 'exit' }[
        p.goingAway as string
      ];
      if (how === undefined) throw new Error(`no MQTT.js driver for ${p.goingAway}`);
      return {
        cmd: process.execPath,
        args: ['-e', MQTTJS_SCRIPT, port.toString(), v, how],
        ready: 'connected',
        signal: null,
        idle: false,
        installed: () => works(process.execPath, ['-e', "require('mqtt')"]),
        missing: 'MQTT.js is not installed: run npm ci (mqtt is a devDependency)',
      };
    }
    case 'paho-mqtt-python':
      return {
        cmd: PYTHON,
        args: ['-c', PAHO_SCRIPT, port.toString(), v, p.goingAway === 'library-close' ? 'disconnect' : 'stay'],
        ready: 'connected',
        signal: p.goingAway === 'process-killed' ? 'SIGKILL' : null,
        idle: false,
        installed: () => works(PYTHON, ['-c', 'import paho.mqtt.client']),
        missing: `Eclipse Paho for Python is not importable by ${PYTHON}: apt-get install python3-paho-mqtt`,
      };
    case 'mosquitto_sub':
      return {
        // stdbuf -oL: line-buffered stdout, so -d's lines arrive when printed (a pipe buffers them).
        cmd: 'stdbuf',
        args: ['-oL', 'mosquitto_sub', ...mosq, '-t', 'preset/#'],
        // -d prints each packet it handled; SUBACK is the last thing the listener sends.
        ready: 'Subscribed (mid',
        signal: 'SIGINT',
        idle: true,
        installed: () => found('mosquitto_sub'),
        missing: 'mosquitto_sub is not installed: apt-get install mosquitto-clients',
      };
    case 'mosquitto_pub':
      return {
        cmd: 'stdbuf',
        // -l: publish stdin lines, so the process waits (stdin stays open) until Ctrl-C.
        args: ['-oL', 'mosquitto_pub', ...mosq, '-t', 'preset/line', '-l'],
        ready: 'received CONNACK',
        signal: 'SIGINT',
        // No SIGINT handler (the default action ends it): nothing to deadlock.
        idle: false,
        installed: () => found('mosquitto_pub'),
        missing: 'mosquitto_pub is not installed: apt-get install mosquitto-clients',
      };
  }
}

/**
 * Resolves once the process sleeps in poll/select (Linux /proc/PID/wchan). mosquitto_sub's SIGINT
 * handler calls mosquitto_disconnect_v5, which takes libmosquitto's mutexes: a Ctrl-C that lands
 * while the client is handling a packet can deadlock it (seen here in about 1 run in 3 when the
 * signal followed the SUBACK line at once). A person's Ctrl-C lands on an idle client; so does ours.
 */
async function idle(pid: number): Promise<void> {
  for (;;) {
    const wchan = readFileSync(`/proc/${pid}/wchan`, 'utf8');
    if (/poll|select/.test(wchan)) return;
    await delay(5);
  }
}

const children: ChildProcess[] = [];
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const s of stops.splice(0)) await s();
});

/** What the client sent when it went away, in the preset's terms. */
async function observed(conn: Connection): Promise<ClientPreset['sends']> {
  const close = await conn.closed;
  const d = conn.packets.filter((x) => x.cmd === 'disconnect');
  const last = d[d.length - 1];
  return {
    disconnect: last === undefined ? null : { reasonCode: last.reasonCode ?? null, hex: last.hex },
    close,
  };
}

describe('client presets, recorded against the installed clients', () => {
  it.each(CLIENT_PRESETS.filter((p) => p.evidence === 'recorded').map((p) => [p.id, p] as const))(
    '%s',
    // One retry: mosquitto_sub 2.0.11 can hang in its own SIGINT handler (docs/clients.md) and is
    // then killed at the limit; a preset that is wrong fails both tries.
    { retry: 1 },
    async (_id, preset) => {
      const listener = await startListener();
      stops.push(listener.close);
      const run = runFor(preset, listener.port);
      expect(run.installed(), run.missing).toBe(true);

      const child = spawn(run.cmd, run.args, { stdio: ['pipe', 'pipe', 'pipe'] });
      children.push(child);
      const limit = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
      let out = '';
      let err = '';
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes(run.ready)) resolve();
        });
        child.stderr.on('data', (b: Buffer) => {
          err += b.toString();
        });
        child.once('exit', () => reject(new Error(`${run.cmd} exited before "${run.ready}": ${out}${err}`)));
      });
      try {
        const conn = await listener.first;
        const connect = await conn.waitFor('connect');
        expect(connect).toBeDefined();
        expect(conn.protocol).toBe(preset.protocol);
        if (run.signal !== null) {
          await ready;
          if (run.idle && child.pid !== undefined) await idle(child.pid);
          child.kill(run.signal);
        }
        const sends = await observed(conn);
        // Nothing after the DISCONNECT: it is the client's last packet.
        if (sends.disconnect !== null) expect(conn.packets[conn.packets.length - 1]?.cmd).toBe('disconnect');
        expect(sends).toEqual(preset.sends);
        await exited;
      } finally {
        clearTimeout(limit);
      }
    },
  );
});
