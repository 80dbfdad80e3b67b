import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLIs as a user runs them (through tsx, like `npm run ...`).
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
// In English whatever the machine's locale (LC_ALL decides first); the language tests set their own.
const run = (script: string, args: string[], env: Record<string, string> = { LC_ALL: 'C.UTF-8' }) =>
  spawnSync(tsx, [join('src/cli', script), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
const dir = mkdtempSync(join(tmpdir(), 'mwl-cli-'));

const oneCase = (expectWillAt: number | null) => [
  {
    id: 'drop',
    title: 'drop',
    protocol: 5,
    clients: [
      {
        name: 'dev',
        clientId: 'dev',
        cleanStart: true,
        sessionExpiry: 0,
        keepAlive: 60,
        will: { topic: 'w/dev', payload: 'bye', qos: 1, retain: false, delay: 0 },
      },
    ],
    steps: [
      { t: 0, client: 'dev', action: 'connect' },
      { t: 2, client: 'dev', action: 'drop' },
    ],
    end: 5,
    expect: {
      wills:
        expectWillAt === null
          ? []
          : [{ from: 'dev', conn: 1, t: expectWillAt, topic: 'w/dev', payload: 'bye', qos: 1, retain: false }],
      sessionPresent: [{ client: 'dev', step: 0, value: false }],
      disconnectReasons: [],
      retainedAfter: { t: 5, messages: [] },
    },
  },
];

describe('npm run conformance', { timeout: 120_000 }, () => {
  it('passes a matching case and ends with the count line', () => {
    const f = join(dir, 'ok.json');
    writeFileSync(f, JSON.stringify(oneCase(2)));
    const r = run('conformance.ts', [f]);
    expect(r.stdout).toContain('PASS drop');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(r.status).toBe(0);
  });

  it('fails a case with a readable diff and exits 1', () => {
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify(oneCase(3)));
    const r = run('conformance.ts', [f]);
    expect(r.stdout).toContain('FAIL drop');
    expect(r.stdout).toContain('will dev#1 w/dev "bye" qos 1 at 2.000 s, wanted 3.000 s');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('--tolerance widens the time match', () => {
    const f = join(dir, 'tol.json');
    writeFileSync(f, JSON.stringify(oneCase(2.4)));
    expect(run('conformance.ts', [f]).status).toBe(1);
    expect(run('conformance.ts', [f, '--tolerance', '0.5']).status).toBe(0);
  });

  it('names the file and field of an invalid case file', () => {
    const f = join(dir, 'invalid.json');
    writeFileSync(f, JSON.stringify([{ ...oneCase(2)[0], protocol: 6 }]));
    const r = run('conformance.ts', [f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}: 1 problem`);
    expect(r.stderr).toContain('[0].protocol: must be 4 or 5, not 6');
  });
});

/** A scenario-format document as a case: broker settings and a kick, which FORMAT.md cases cannot carry. */
const scenarioCase = (willAt: number, profile?: string) => ({
  format: 'mqtt-will-lab/scenario',
  version: 1,
  id: 'kick-capped',
  title: 'kicked at 1; Session Expiry capped at 2 by the broker',
  ...(profile ? { profile } : {}),
  broker: { maxSessionExpiry: 2 },
  clients: [
    {
      name: 'dev',
      clientId: 'dev',
      cleanStart: true,
      sessionExpiry: 60,
      keepAlive: 60,
      will: { topic: 'w/dev', payload: 'bye', qos: 1, retain: false, delay: 10 },
    },
  ],
  steps: [
    { t: 0, action: 'connect', client: 'dev' },
    { t: 1, action: 'kick', client: 'dev' },
  ],
  end: 5,
  expect: {
    wills: [{ from: 'dev', conn: 1, t: willAt, topic: 'w/dev', payload: 'bye', qos: 1, retain: false }],
    disconnectReasons: [{ client: 'dev', reason: 0x98, t: 1 }],
  },
});

describe('npm run conformance with scenario documents', { timeout: 120_000 }, () => {
  it('passes the scenario cases kept in the repository', () => {
    const r = run('conformance.ts', ['conformance/spec-scenarios.json']);
    expect(r.stdout).toContain('PASS doc-v5-will-above-maximum-qos');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(r.status).toBe(0);
  });

  it('passes a document whose expect holds, and fails one whose expect does not, with exit code 1', () => {
    const ok = join(dir, 'doc-ok.json');
    writeFileSync(ok, JSON.stringify([scenarioCase(3)]));
    const good = run('conformance.ts', [ok]);
    expect(good.stdout).toContain('PASS kick-capped');
    expect(good.status).toBe(0);

    const bad = join(dir, 'doc-bad.json');
    writeFileSync(bad, JSON.stringify([scenarioCase(11)]));
    const r = run('conformance.ts', [bad]);
    expect(r.stdout).toContain('FAIL kick-capped: kicked at 1; Session Expiry capped at 2 by the broker');
    expect(r.stdout).toContain('will dev#1 w/dev "bye" qos 1 at 3.000 s, wanted 11.000 s');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('runs a document under the profile it names unless --profile says otherwise', () => {
    // Mosquitto 2.0 serves the session end at the first whole second after it (3 s -> 4 s here).
    const f = join(dir, 'doc-profile.json');
    writeFileSync(f, JSON.stringify([scenarioCase(4, 'mosquitto-2.0')]));
    expect(run('conformance.ts', [f]).status).toBe(0);
    expect(run('conformance.ts', [f, '--profile', 'spec']).status).toBe(1);
  });

  it('names the field of a document without an expect outcome', () => {
    const f = join(dir, 'doc-invalid.json');
    const { expect: _e, ...noExpect } = scenarioCase(3);
    writeFileSync(f, JSON.stringify([noExpect, { ...scenarioCase(3), id: 'b', end: -1 }]));
    const r = run('conformance.ts', [f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[0].expect: is missing (expected an outcome)');
    expect(r.stderr).toContain('[1].end: must be at least 0');
  });
});

describe('npm run sim', { timeout: 120_000 }, () => {
  it('prints the trace with times, actors, reasons and clauses', () => {
    const f = join(dir, 'sim.json');
    writeFileSync(f, JSON.stringify(oneCase(2)));
    const r = run('sim.ts', [f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /2\.000 s\s+broker\s+will of dev#1 published \("w\/dev"\) — .*MQTT 5\.0 \[MQTT-3\.1\.2-8\]/,
    );
    expect(r.stdout).toContain('dev#1 "w/dev": Will published at 2.000 s');
  });

  it('prints JSON lines with --json', () => {
    const f = join(dir, 'simjson.json');
    writeFileSync(f, JSON.stringify(oneCase(2)));
    const lines = run('sim.ts', [f, '--json']).stdout.trim().split('\n');
    const published = lines.map((l) => JSON.parse(l)).find((e) => e.kind === 'will' && e.op === 'published');
    expect(published).toMatchObject({ t: 2000, from: 'dev', why: { code: 'will.published.sessionEndsAtClose', v: 5 } });
  });

  it('runs a scenario under another profile', () => {
    const f = join(dir, 'nano.json');
    const c = oneCase(2)[0] as { clients: { cleanStart: boolean }[] };
    c.clients[0] = { ...c.clients[0], cleanStart: false } as never;
    writeFileSync(f, JSON.stringify([c]));
    expect(run('sim.ts', [f, '--profile', 'nanomq-0.23.2']).stdout).toContain('nanomq#1989');
    expect(run('sim.ts', [f, '--profile', 'nope']).stderr).toContain('unknown profile "nope"');
  });
});

// Each test starts two or three CLIs: room for a busy machine (no speed is asserted).
describe('the CLIs in Simplified Chinese', { timeout: 60_000 }, () => {
  const file = join(dir, 'zh-case.json');
  writeFileSync(file, JSON.stringify(oneCase(2)));

  it('print the trace, the wills and the summary in Chinese with --lang zh-CN', () => {
    const sim = run('sim.ts', [file, '--lang', 'zh-CN']);
    expect(sim.status).toBe(0);
    expect(sim.stdout).toContain('# 遗嘱消息');
    expect(sim.stdout).toContain('遗嘱消息已于 2.000 秒发布');
    const conf = run('conformance.ts', [file, '--lang=zh-CN']);
    expect(conf.stdout).toContain('1 个通过，0 个失败');
  });

  it('follow LANG when there is no --lang, and --lang wins over it', () => {
    expect(run('sim.ts', [file], { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' }).stdout).toContain('# 遗嘱消息');
    expect(run('sim.ts', [file, '--lang', 'en'], { LC_ALL: '', LANG: 'zh_CN.UTF-8' }).stdout).toContain('# Wills');
  });

  it('word errors in Chinese and refuse an unknown language', () => {
    expect(run('sim.ts', [join(dir, 'missing.json'), '--lang', 'zh-CN']).stderr).toContain('无法读取文件');
    const bad = run('sim.ts', [file, '--lang', 'tlh']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang: unknown language "tlh" (known: en, zh-CN)');
  });
});
