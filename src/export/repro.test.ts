import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { en } from '../i18n/en';
import { exportEn } from '../i18n/export-en';
import { parseScenario } from '../scenario/validate';
import typical from '../share/fixtures/typical-3-clients.json';
import { scenarioFileArb } from '../test/arbitraries';
import { shellQuote, toReproScript } from './repro';

const words = { cat: en, ex: exportEn };

const scenarioOf = (file: unknown): Scenario => {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

/**
 * The script is run for real by bash, with fake mosquitto_sub / mosquitto_pub / sleep first on
 * PATH: the fakes record the arguments they get (as JSON lines) and the signals they receive, so
 * the test sees exactly what a real broker's clients would have been told.
 */
const dir = mkdtempSync(join(tmpdir(), 'will-lab-repro-'));
const log = join(dir, 'calls.jsonl');
const fake = (name: string, body: string) => {
  writeFileSync(join(dir, name), body);
  chmodSync(join(dir, name), 0o755);
};
fake(
  'mosquitto_sub',
  `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
const write = (o) => fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify(o) + '\\n');
write({ cmd: 'sub', pid: process.pid, args });
if (args.includes('-E') || args.includes('-W')) process.exit(0);
process.on('SIGTERM', () => { write({ signal: 'TERM', pid: process.pid }); process.exit(0); });
setInterval(() => {}, 1e6);
`,
);
fake(
  'mosquitto_pub',
  `#!/usr/bin/env node
require('node:fs').appendFileSync(process.env.FAKE_LOG, JSON.stringify({ cmd: 'pub', args: process.argv.slice(2) }) + '\\n');
`,
);
fake('sleep', '#!/bin/sh\nexec /bin/sleep 0.2\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Call = { cmd?: 'sub' | 'pub'; pid?: number; args?: string[]; signal?: string };

function runScript(script: string): { calls: Call[]; stderr: string; status: number | null } {
  writeFileSync(log, '');
  writeFileSync(join(dir, 'repro.sh'), script);
  const r = spawnSync('bash', [join(dir, 'repro.sh'), '127.0.0.1', '18830'], {
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, FAKE_LOG: log },
    encoding: 'utf8',
    timeout: 110_000,
  });
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Call);
  return { calls, stderr: r.stderr, status: r.status };
}

/** The value after a flag, e.g. valueAfter(args, '--will-payload'). */
const valueAfter = (args: string[] | undefined, flag: string) => {
  const i = args?.indexOf(flag) ?? -1;
  return i >= 0 ? args?.[i + 1] : undefined;
};

let typicalRun: ReturnType<typeof runScript> | undefined;
const runTypical = () => {
  typicalRun ??= runScript(toReproScript(scenarioOf(typical), words));
  return typicalRun;
};

// These tests start bash and node processes: slower than unit tests on a busy machine.
describe('reproduction script for a real broker', () => {
  it('quotes any text for the shell', () => {
    expect(shellQuote("it's $(rm -rf /) `id`")).toBe(`'it'\\''s $(rm -rf /) \`id\`'`);
  });

  it('starts the observer, then each client with its CONNECT settings and will', () => {
    const { calls, status } = runTypical();
    expect(status).toBe(0);
    const subs = calls.filter((c) => c.cmd === 'sub');
    const observer = subs[0]?.args ?? [];
    expect(observer).toEqual(expect.arrayContaining(['-V', 'mqttv5', '-q', '2', '--retain-as-published']));
    expect(observer.filter((_a, i) => observer[i - 1] === '-t')).toEqual([
      'plant/line-1/sensor-a/status',
      'plant/line-1/sensor-b/status',
      'plant/line-1/gateway/status',
    ]);
    const gateway = subs.find((c) => valueAfter(c.args, '-i') === 'plant1-line1-gateway')?.args;
    expect(valueAfter(gateway, '--will-payload')).toBe('{"state":"offline","reason":"lwt"}');
    expect(valueAfter(gateway, '-x')).toBe('3600');
    expect(gateway).toContain('-c');
    expect(gateway?.join(' ')).toContain('-D will will-delay-interval 30');
    const sensorB = subs.find((c) => valueAfter(c.args, '-i') === 'plant1-line1-sensor-b')?.args;
    expect(sensorB).not.toContain('-c');
    expect(valueAfter(sensorB, '-k')).toBe('15');
  });

  it('sends DISCONNECT 0x04 as SIGTERM and gives the resumed client no will', () => {
    const { calls } = runTypical();
    const gatewayPid = calls.find((c) => valueAfter(c.args, '-i') === 'plant1-line1-gateway')?.pid;
    expect(calls).toContainEqual({ signal: 'TERM', pid: gatewayPid });
    const sensorA = calls.filter((c) => valueAfter(c.args, '-i') === 'plant1-line1-sensor-a');
    expect(sensorA).toHaveLength(2);
    expect(sensorA[1]?.args).not.toContain('--will-topic');
    expect(
      calls.filter((c) => c.cmd === 'pub' && c.args?.includes('-r') && valueAfter(c.args, '-m') === 'online'),
    ).toHaveLength(2);
  });

  it('passes hostile text through exactly, never into the shell', () => {
    const payload = `it's "quoted" $(touch ${dir}/pwned) \`touch ${dir}/pwned\`; rm -rf / #\nsecond line`;
    const file = {
      format: 'mqtt-will-lab/scenario',
      version: 1,
      title: "'; touch pwned; echo '",
      clients: [
        {
          name: 'a\nb $(x)',
          clientId: "o'brien $HOME",
          cleanStart: true,
          keepAlive: 10,
          will: {
            topic: 'lab/<b>/"$PATH"',
            payload,
            qos: 1,
            retain: false,
            props: { userProperties: { "k'1": 'v $x' } },
          },
        },
      ],
      steps: [
        { t: 0, action: 'connect', client: 'a\nb $(x)' },
        { t: 1, action: 'publish', client: 'a\nb $(x)', topicOf: 'a\nb $(x)', payload, qos: 0, retain: false },
        { t: 2, action: 'drop', client: 'a\nb $(x)' },
      ],
      end: 3,
    };
    const { calls, status } = runScript(toReproScript(scenarioOf(file), words));
    expect(status).toBe(0);
    const client = calls.find((c) => c.cmd === 'sub' && valueAfter(c.args, '-i') === "o'brien $HOME")?.args;
    expect(valueAfter(client, '--will-payload')).toBe(payload);
    expect(valueAfter(client, '--will-topic')).toBe('lab/<b>/"$PATH"');
    expect(client?.slice(client.indexOf('user-property') + 1, client.indexOf('user-property') + 3)).toEqual([
      "k'1",
      'v $x',
    ]);
    expect(valueAfter(calls.find((c) => c.cmd === 'pub' && valueAfter(c.args, '-m') !== undefined)?.args, '-m')).toBe(
      payload,
    );
    expect(spawnSync('ls', [dir]).stdout.toString()).not.toContain('pwned');
  });

  it('says honestly what the tools cannot do', () => {
    const file = {
      format: 'mqtt-will-lab/scenario',
      version: 1,
      clients: [
        {
          name: 'a',
          clientId: 'a',
          cleanStart: true,
          keepAlive: 0,
          will: { topic: 't/a', payload: 'x', qos: 0, retain: false },
        },
        { name: 'b', clientId: 'b', cleanStart: true, keepAlive: 10, protocol: 4 },
      ],
      steps: [
        { t: 0, action: 'connect', client: 'a' },
        { t: 0, action: 'connect', client: 'b' },
        { t: 1, action: 'protoerr', client: 'a' },
        { t: 2, action: 'connect', client: 'a' },
        { t: 3, action: 'disconnect', client: 'a', reason: 0x80 },
        { t: 4, action: 'disconnect', client: 'b' },
      ],
      end: 5,
    };
    const script = toReproScript(scenarioOf(file), words);
    expect(script).toContain('kill -9');
    expect(script).toMatch(/CANNOT: a second CONNECT/);
    expect(script).toMatch(/CANNOT: DISCONNECT 0x80 cannot be sent by mosquitto_sub; SIGTERM sends 0x04 instead/);
    expect(script).toMatch(/Keep Alive 5 to 65535 only: 0 s is replaced by 65535 s/);
    expect(script).toMatch(/under MQTT 3\.1\.1 mosquitto_sub sends a plain DISCONNECT/);
    const { calls } = runScript(script);
    const b = calls.find((c) => valueAfter(c.args, '-i') === 'b');
    expect(valueAfter(b?.args, '-V')).toBe('mqttv311');
    expect(b?.args?.some((a) => a === '-D' || a === '-x')).toBe(false);
    expect(calls).toContainEqual({ signal: 'TERM', pid: b?.pid });
  });

  it('sends DISCONNECT 0x00 with the -C 1 exit, carrying the DISCONNECT Session Expiry', () => {
    const file = {
      format: 'mqtt-will-lab/scenario',
      version: 1,
      clients: [{ name: 'a', clientId: 'a', cleanStart: false, sessionExpiry: 60, keepAlive: 10 }],
      steps: [
        { t: 0, action: 'connect', client: 'a' },
        { t: 1, action: 'disconnect', client: 'a', reason: 0, sessionExpiry: 600 },
      ],
      end: 2,
    };
    const { calls } = runScript(toReproScript(scenarioOf(file), words));
    const a = calls.find((c) => valueAfter(c.args, '-i') === 'a')?.args ?? [];
    expect(a).toContain('-C');
    expect(a.join(' ')).toContain('-D disconnect session-expiry-interval 600');
    const exitTopic = valueAfter(a, '-t');
    expect(calls).toContainEqual({
      cmd: 'pub',
      args: ['-h', '127.0.0.1', '-p', '18830', '-t', exitTopic, '-m', 'exit'],
    });
  });

  it('does not connect a client whose will is invalid, and says why', () => {
    const sc = scenarioOf({
      format: 'mqtt-will-lab/scenario',
      version: 1,
      clients: [
        {
          name: 'dev',
          clientId: 'dev',
          cleanStart: true,
          keepAlive: 60,
          will: { topic: 'w/#', payload: 'x', qos: 3, retain: false, allowInvalid: true },
        },
      ],
      steps: [
        { t: 0, action: 'connect', client: 'dev' },
        { t: 1, action: 'drop', client: 'dev' },
      ],
      end: 2,
    });
    const script = toReproScript(sc, words);
    expect(script).toContain('CANNOT: an invalid will (QoS 3, or a will topic that is no Topic Name)');
    const { calls, status } = runScript(script);
    expect(status).toBe(0);
    expect(calls.filter((c) => c.cmd === 'sub' && valueAfter(c.args, '-i') === 'dev')).toEqual([]);
  });

  it('freezes the old process before a takeover and kills it after', () => {
    const file = {
      format: 'mqtt-will-lab/scenario',
      version: 1,
      clients: [
        { name: 'old', clientId: 'dev', cleanStart: false, sessionExpiry: 300, keepAlive: 60 },
        { name: 'new', clientId: 'dev', cleanStart: false, sessionExpiry: 300, keepAlive: 60 },
      ],
      steps: [
        { t: 0, action: 'connect', client: 'old' },
        { t: 5, action: 'takeover', client: 'new', of: 'old' },
      ],
      end: 10,
    };
    const script = toReproScript(scenarioOf(file), words);
    const lines = script.split('\n');
    const stop = lines.indexOf('kill -STOP "$P0"');
    const start = lines.findIndex((l, i) => i > stop && l.startsWith('mosquitto_sub') && l.includes("-i 'dev'"));
    const kill = lines.indexOf('kill -9 "$P0"');
    expect(stop).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(stop);
    expect(kill).toBeGreaterThan(start);
  });

  it('is valid bash for any scenario', () => {
    fc.assert(
      fc.property(scenarioFileArb, (file) => {
        const script = toReproScript(scenarioOf(file), words);
        const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
