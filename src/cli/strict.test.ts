import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { shareEn } from '../i18n/share-en';
import { toBase64Url } from '../share/base64url';
import { decodeLink } from '../share/codec';
import { describeLinkError } from '../share/describe';
import { terminalSafe } from './terminal';

// The commands as a user runs them (through tsx, like `npm run ...`): strict options, --help
// everywhere, capped inputs, no stack traces, nothing raw reaches the terminal.
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) =>
  spawnSync(tsx, [join('src/cli', script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), 'mwl-strict-'));

const scenario = (over: Record<string, unknown> = {}) => ({
  format: 'mqtt-will-lab/scenario',
  version: 1,
  title: 'drop',
  clients: [
    {
      name: 'dev',
      clientId: 'dev',
      cleanStart: true,
      keepAlive: 60,
      will: { topic: 'w/dev', payload: 'bye', qos: 1, retain: false },
    },
  ],
  steps: [
    { t: 0, client: 'dev', action: 'connect' },
    { t: 2, client: 'dev', action: 'drop' },
  ],
  end: 5,
  ...over,
});
const file = join(dir, 'ok.json');
writeFileSync(file, JSON.stringify(scenario()));

describe('strict options', { timeout: 120_000 }, () => {
  it('a misspelled option fails, names the likely one and lists the valid ones', () => {
    const r = run('sim.ts', [file, '--proflie', 'nanomq-0.23.2']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown option --proflie (did you mean --profile?)');
    expect(r.stderr).toContain('valid options: --profile, --json, --case, --all, --link, --link-file, --lang, --help');
  });

  it('a switch given a value is refused, not turned on (--json=false)', () => {
    const r = run('sim.ts', [file, '--json=false']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--json takes no value');
  });

  it('an option missing its value says which value', () => {
    const r = run('conformance.ts', ['x.json', '--profile']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--profile needs a value: --profile P');
  });

  it('every command answers --help with its usage and the exit codes, and runs nothing', () => {
    for (const script of [
      'sim.ts',
      'share.ts',
      'conformance.ts',
      'verify.ts',
      'make-suite.ts',
      'matrix.ts',
      'bench.ts',
    ]) {
      const r = run(script, ['--help']);
      expect(r.status, script).toBe(0);
      expect(r.stdout, script).toContain('exit codes:');
      expect(r.stdout, script).toMatch(/2 {2}bad arguments or bad input/);
      expect(r.stderr, script).toBe('');
    }
  });

  it('unknown options fail in every command', () => {
    for (const script of ['share.ts', 'conformance.ts', 'verify.ts', 'make-suite.ts', 'matrix.ts', 'bench.ts']) {
      const r = run(script, ['--nope']);
      expect(r.status, script).toBe(2);
      expect(r.stderr, script).toContain('unknown option --nope');
    }
  });
});

describe('inputs', { timeout: 120_000 }, () => {
  it('/dev/zero fails at once with a size message', () => {
    const r = run('sim.ts', ['/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('/dev/zero: more than 2,000,000 bytes; files of at most 2,000,000 bytes are read');
  });

  it('a 100 MB file is refused by its size, before it is read', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 100_000_000);
    const r = run('share.ts', [big]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the file is 100,000,000 bytes; files of at most 2,000,000 bytes are read');
  });

  it('accepts a UTF-8 byte order mark, as the app does', () => {
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\ufeff${JSON.stringify(scenario())}`);
    const r = run('sim.ts', [bom]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Will published at 2.000 s');
  });

  it('deeply nested JSON gets a message, not a stack trace', () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'['.repeat(4104)}${']'.repeat(4104)}`);
    const r = run('sim.ts', [deep]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nests lists and objects more than 64 levels deep (at line 1, column 65)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('control characters from scenario text are escaped, never written raw', () => {
    const f = join(dir, 'esc.json');
    const title = 'red \u001b[31mALERT\u001b[0m \u009b2J \u202eevil\r';
    const sc = scenario({ title });
    (sc.clients[0] as { will: { topic: string } }).will.topic = 'w/\u001b]0;pwned\u0007';
    writeFileSync(f, JSON.stringify(sc));
    for (const args of [[f], [f, '--json']]) {
      const r = run('sim.ts', args);
      expect(r.status).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that none reach the terminal.
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(r.stdout).toContain('\\u001b');
    }
    expect(run('sim.ts', [f]).stdout).toContain('# red \\u001b[31mALERT\\u001b[0m \\u009b2J \\u202eevil\\u000d');
  });

  it('a valid 1.7 MB scenario with a huge trace streams out instead of crashing ("Invalid string length")', async () => {
    // 100 retained 16 KB messages, then 49 subscribers reconnecting 20 times: about a gigabyte of trace text.
    const clients: unknown[] = [{ name: 'pub', clientId: 'pub', cleanStart: true, keepAlive: 0 }];
    const steps: unknown[] = [{ t: 0, client: 'pub', action: 'connect' }];
    for (let i = 0; i < 49; i++)
      clients.push({
        name: `c${i}`,
        clientId: `c${i}`,
        cleanStart: true,
        keepAlive: 0,
        subscriptions: [{ filter: '#', qos: 0 }],
      });
    const payload = 'x'.repeat(16_000);
    for (let i = 0; i < 100; i++)
      steps.push({ t: 1, client: 'pub', action: 'publish', topic: `a/${i}`, payload, qos: 0, retain: true });
    for (let r = 0; r < 19; r++)
      for (let i = 0; i < 49; i++)
        steps.push(
          { t: 10 + r * 2, client: `c${i}`, action: 'connect' },
          { t: 11 + r * 2, client: `c${i}`, action: 'drop' },
        );
    const f = join(dir, 'huge-trace.json');
    writeFileSync(f, JSON.stringify(scenario({ title: 'huge', clients, steps, end: 100 })));
    // Read the first megabyte and close the pipe, as `| head` would.
    const child = spawn(tsx, ['src/cli/sim.ts', f], { stdio: ['ignore', 'pipe', 'pipe'] });
    let got = 0;
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got > 1_000_000) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(got).toBeGreaterThan(1_000_000);
  });
});

describe('links: one decoder for the CLI and the browser', { timeout: 120_000 }, () => {
  it('refuses the same links with the same message the app shows', () => {
    const packed = (text: string) => `#s=v1.${toBase64Url(deflateSync(new TextEncoder().encode(text)))}`;
    for (const link of [
      packed(`${'['.repeat(100)}${']'.repeat(100)}`),
      '#s=v1.AAAA',
      '#s=v7.xyz',
      packed(JSON.stringify({ version: 1, clients: [], steps: [], end: -1 })),
    ]) {
      const r = decodeLink(link);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const d = describeLinkError(r.error, shareEn, en);
      const cli = run('sim.ts', ['--link', link]);
      expect(cli.status).toBe(2);
      expect(cli.stderr).toContain(`link: ${shareEn.link.headline} ${d.message}`);
      for (const line of d.details) expect(cli.stderr).toContain(line);
    }
  });
});

describe('a link longer than a command line takes', { timeout: 120_000 }, () => {
  it('runs from --link-file, as the app opens it', () => {
    // 20 wills of 16,000 characters of seeded noise: a link of about 350,000 characters.
    let seed = 7;
    const noise = () =>
      Array.from({ length: 16_000 }, () => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return String.fromCharCode(0x41 + ((seed >>> 8) % 26) + ((seed >>> 20) % 2) * 32);
      }).join('');
    const clients = Array.from({ length: 20 }, (_, i) => ({
      name: `c${i}`,
      clientId: `c${i}`,
      cleanStart: true,
      keepAlive: 0,
      will: { topic: `w/${i}`, payload: noise(), qos: 0, retain: false },
    }));
    const f = join(dir, 'long.json');
    writeFileSync(
      f,
      JSON.stringify(
        scenario({
          clients,
          steps: [
            { t: 0, client: 'c0', action: 'connect' },
            { t: 1, client: 'c0', action: 'drop' },
          ],
        }),
      ),
    );
    const share = run('share.ts', [f]);
    expect(share.status).toBe(0);
    const link = share.stdout.trim();
    expect(link.length).toBeGreaterThan(200_000);
    const lf = join(dir, 'long-link.txt');
    writeFileSync(lf, `${link}\n`);
    const r = run('sim.ts', ['--link-file', lf]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('c0#1 "w/0": Will published at 1.000 s');
  });
});

describe('terminalSafe', () => {
  it('escapes controls, bidi overrides and lone surrogates; keeps the rest, pairs included', () => {
    expect(terminalSafe('a\u001b[0mb\nc\u0085\u202e\ud800 é 😀')).toBe(
      'a\\u001b[0mb\\u000ac\\u0085\\u202e\\ud800 é 😀',
    );
    expect(JSON.parse(terminalSafe(JSON.stringify({ t: 'x\u0085\u2066' })))).toEqual({ t: 'x\u0085\u2066' });
  });
});
