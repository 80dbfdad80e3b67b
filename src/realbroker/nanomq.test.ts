import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nanomqConfig, nanomqVersion, startNanoMq } from './nanomq';

// The launcher without NanoMQ: a stand-in executable that prints NanoMQ's banner, listens where the
// configuration says and, when told to, exits on its own as a crashing broker would.
const dir = mkdtempSync(join(tmpdir(), 'mqtt-will-lab-fake-nanomq-'));
const fake = join(dir, 'nanomq');
writeFileSync(
  fake,
  `#!${process.execPath}
const fs = require('node:fs');
const net = require('node:net');
const args = process.argv.slice(2);
if (args[0] !== 'start') {
  console.log('\\nNanoMQ Messaging Engine for Edge Computing & Messaging bus v0.23.9-9');
  process.exit(0);
}
const conf = fs.readFileSync(args[args.indexOf('--conf') + 1], 'utf8');
const [, host, port] = /bind = "([^:]+):(\\d+)"/.exec(conf);
fs.writeFileSync(process.env.NANOMQ_PID_FILE, String(process.pid));
net.createServer((s) => s.destroy()).listen(Number(port), host);
const die = Number(process.env.FAKE_NANOMQ_EXIT_MS ?? 0);
if (die > 0) setTimeout(() => process.exit(3), die);
`,
);
chmodSync(fake, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
}

describe('our own NanoMQ instance', () => {
  it('is configured with one TCP listener on 127.0.0.1, anonymous access and the shipped session settings', () => {
    const conf = nanomqConfig(18_999, '/tmp/x');
    expect(conf).toContain('listeners.tcp {\n    bind = "127.0.0.1:18999"\n}');
    expect(conf.match(/bind = /g)).toHaveLength(1);
    expect(conf).not.toMatch(/listeners\.(ws|ssl|wss|quic)|http_server|bridges/);
    expect(conf).toContain('allow_anonymous = true');
    expect(conf).toContain('retry_interval = 10s');
    expect(conf).toContain('keepalive_multiplier = 1.25');
  });

  it('reads the version from the banner', () => {
    expect(nanomqVersion(fake)).toBe('0.23.9');
  });

  it('starts on a free port of 127.0.0.1, stops by its pid, and a stop is not a death', async () => {
    const inst = await startNanoMq({ bin: fake });
    expect(inst.host).toBe('127.0.0.1');
    expect(inst.port).toBeGreaterThan(0);
    expect(inst.pid()).toBeTypeOf('number');
    await inst.restart();
    await inst.stop();
    expect(inst.died()).toBeNull();
  });

  it('says so when the broker process exits on its own', async () => {
    process.env.FAKE_NANOMQ_EXIT_MS = '300';
    try {
      const inst = await startNanoMq({ bin: fake });
      await until(() => inst.died() !== null);
      expect(inst.died()).toMatch(/nanomq process \(pid \d+\) exited on its own \(exit code 3\)/);
      await inst.stop();
    } finally {
      delete process.env.FAKE_NANOMQ_EXIT_MS;
    }
  });
});
