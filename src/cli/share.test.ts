import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../share/codec';

// `npm run share` and `npm run sim -- --link` as a user runs them (through tsx).
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) =>
  spawnSync(tsx, [join('src/cli', script), ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'mwl-share-'));

const scenario = {
  format: 'mqtt-will-lab/scenario',
  version: 1,
  title: 'drop with a delayed will',
  clients: [
    {
      name: 'dev',
      clientId: 'dev',
      cleanStart: false,
      sessionExpiry: 60,
      keepAlive: 30,
      will: { topic: 'lab/dev/status', payload: '<b>offline</b>', qos: 1, retain: false, delay: 5 },
    },
  ],
  steps: [
    { t: 0, action: 'connect', client: 'dev' },
    { t: 2, action: 'drop', client: 'dev' },
  ],
  end: 20,
};
const file = join(dir, 'scenario.json');
writeFileSync(file, JSON.stringify(scenario));

describe('npm run share / npm run sim -- --link', () => {
  it('prints a link that sim runs to the same will', () => {
    const share = run('share.ts', [file, '--base', 'http://127.0.0.1:4173/']);
    expect(share.status).toBe(0);
    const link = share.stdout.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=v1\.[A-Za-z0-9_-]+$/);
    expect(share.stderr).toMatch(/# \d+ of 2,000 characters/);
    const sim = run('sim.ts', ['--link', link]);
    expect(sim.status).toBe(0);
    expect(sim.stdout).toContain('# drop with a delayed will — profile spec');
    expect(sim.stdout).toMatch(/dev#1 "lab\/dev\/status": Will published at 7\.000 s/);
    const frag = run('sim.ts', ['--link', link.slice(link.indexOf('#')), '--json']);
    expect(
      frag.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => JSON.parse(l).t !== undefined),
    ).toBe(true);
  });

  it('opens one case of a FORMAT.md case file', () => {
    const many = run('share.ts', ['conformance/spec-cases.json']);
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('pick one with --case ID');
    const one = run('share.ts', ['conformance/spec-cases.json', '--case', 'spec-row10-sei0-wdi30-drop']);
    expect(one.status).toBe(0);
    const r = decodeLink(one.stdout.trim());
    expect(r.ok && r.scenario.title).toMatch(/^row 10: /);
  });

  it('can set the profile of the link', () => {
    const out = run('share.ts', [file, '--profile', 'nanomq-0.23.2']);
    const r = decodeLink(out.stdout.trim());
    expect(r.ok && r.scenario.profile).toBe('nanomq-0.23.2');
    const bad = run('share.ts', [file, '--profile', 'hivemq']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown profile "hivemq"');
  });

  it('says what is wrong with a bad link or file', () => {
    const link = run('share.ts', [file]).stdout.trim();
    const cut = run('sim.ts', ['--link', link.slice(0, 60)]);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toContain('This link could not be opened. The link is cut off');
    const version = run('sim.ts', ['--link', link.replace('v1.', 'v7.')]);
    expect(version.stderr).toContain('format version 7');
    const missing = run('share.ts', [join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the file');
    const both = run('sim.ts', [file, '--link', link]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('give a scenario file or --link, not both');
  });
});
