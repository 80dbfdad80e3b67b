import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine is pure: no wall clock, timers, randomness or UI (Biome's rules catch globals; this
// catches what they cannot single out, such as Math.random, and imports of UI libraries).
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

const root = new URL('.', import.meta.url).pathname;
const FORBIDDEN: [RegExp, string][] = [
  [/Math\.random/, 'Math.random'],
  [/Date\.now|new Date\(/, 'the wall clock'],
  [/performance\.now/, 'the wall clock'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'real timers'],
  [/from ['"](react|react-dom|zustand|@xstate\/react)['"]/, 'a UI library'],
  [/\b(window|document|localStorage)\./, 'the DOM'],
  [/from ['"]\.\.\/(ui|store|app|cli)\//, 'code outside the engine'],
];

describe('architecture', () => {
  const files = sources(root);
  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(8);
  });
  it.each(files.map((f) => [f.slice(root.length)] as const))('%s stays pure', (rel) => {
    // Comments may name what the code must not use; only code counts.
    const text = readFileSync(join(root, rel), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    const hits = FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
    expect(hits).toEqual([]);
  });
});

describe('profile list', () => {
  it('names the same profiles, in the same order, as the profiles the engine runs', async () => {
    const { PROFILES } = await import('./profiles');
    const { PROFILE_LIST } = await import('./profile-list');
    expect(PROFILE_LIST.map((p) => [p.id, p.label])).toEqual(PROFILES.map((p) => [p.id, p.label]));
  });
});
