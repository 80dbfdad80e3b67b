import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one architecture test. Every folder of src has a rank; a module may import (values or types)
 * only from folders of its own rank or lower, the module graph has no cycles, the engine stays
 * pure, catalogs compute nothing, and the explorer's page chunk does not load the engine.
 */
const RANK: Record<string, number> = {
  engine: 0,
  scenario: 1,
  // Client presets (data) and their recording listener (the tests' only user): no feature above them.
  clients: 1,
  // Catalogs and the features whose words they hold: they may name each other's types.
  i18n: 2,
  compare: 2,
  explorer: 2,
  export: 2,
  lessons: 2,
  realbroker: 2,
  share: 2,
  runner: 3,
  store: 3,
  // The service worker's page side: a store and its registration.
  offline: 3,
  ui: 4,
  app: 5,
  cli: 5,
  // The one worker script: an entry point, like the app and the CLI.
  workers: 5,
  // Test helpers (the driver, the generators, the fuzz runner): they read every layer.
  test: 5,
};

/** Imports that break the ranks on purpose: none (Problem no longer carries an English message). */
const KNOWN_EXCEPTIONS = new Set<string>();

/** Data the catalogs may read: the format's reserved names and the profiles' proper names. */
const I18N_DATA = new Set(['src/engine/script/names.ts', 'src/engine/profile-list.ts']);

const SRC = resolve('src');
const isTest = (f: string) => /\.(test|e2e)\.tsx?$/.test(f);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !isTest(f) ? [p] : [];
  });
}

/** Code without comments (comments may name what the code must not use). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

interface Edge {
  to: string;
  type: boolean;
  dynamic: boolean;
  names: string;
}

function edges(file: string): Edge[] {
  const text = code(file);
  const out: Edge[] = [];
  const add = (spec: string, type: boolean, dynamic: boolean, names: string) => {
    const base = resolve(dirname(file), spec);
    const hit = ['', '.ts', '.tsx', '/index.ts']
      .map((x) => base + x)
      .find((f) => existsSync(f) && statSync(f).isFile());
    if (hit) out.push({ to: hit, type, dynamic, names });
  };
  for (const m of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  ))
    add(m[3] as string, m[1] !== undefined, false, m[2] as string);
  for (const m of text.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) add(m[1] as string, false, true, '');
  return out;
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, edges(f)]));
const folder = (f: string) => relative(SRC, f).split('/')[0] as string;
const rel = (f: string) => relative(process.cwd(), f);

/** Every local module a file pulls in, transitively (static value imports; dynamic ones if asked). */
function closure(entry: string, dynamic = true): string[] {
  const seen = new Set<string>();
  const todo = [resolve(entry)];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const e of graph.get(f) ?? edges(f)) if (!e.type && (dynamic || !e.dynamic)) todo.push(e.to);
  }
  return [...seen].map(rel);
}

describe('architecture', () => {
  it('gives every folder of src a rank', () => {
    const folders = new Set(files.map(folder).filter((f) => !f.includes('.')));
    expect([...folders].filter((f) => RANK[f] === undefined)).toEqual([]);
  });

  it('imports only from folders of the same rank or lower (value and type imports)', () => {
    const bad: string[] = [];
    for (const [f, es] of graph)
      for (const e of es) {
        const a = folder(f);
        const b = folder(e.to);
        const edge = `${rel(f)} -> ${rel(e.to)}`;
        if ((RANK[b] ?? 99) > (RANK[a] ?? -1) && !KNOWN_EXCEPTIONS.has(edge)) bad.push(edge);
      }
    expect(bad).toEqual([]);
  });

  it('has no import cycles (value and type imports)', () => {
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 1);
      stack.push(f);
      for (const e of graph.get(f) ?? []) {
        if (!graph.has(e.to)) continue;
        const s = state.get(e.to);
        if (s === 1) cycles.push([...stack.slice(stack.indexOf(e.to)), e.to].map(rel).join(' -> '));
        else if (s === undefined) visit(e.to);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('keeps the catalogs to words: src/i18n imports values only from itself and the format names', () => {
    const bad: string[] = [];
    for (const [f, es] of graph) {
      if (folder(f) !== 'i18n') continue;
      for (const e of es)
        if (!e.type && folder(e.to) !== 'i18n' && !I18N_DATA.has(rel(e.to)) && !/^type\s/.test(e.names))
          bad.push(`${rel(f)} -> ${rel(e.to)} (${e.names})`);
    }
    // Named type-only imports ({ type A, type B }) are types too.
    expect(bad.filter((b) => !/\(\{\s*(type\s+\w+\s*,?\s*)+\}\)$/.test(b))).toEqual([]);
  });
});

// The engine is pure: no wall clock, timers, randomness or UI (Biome's rules catch globals; this
// catches what they cannot single out, such as Math.random, and imports of UI libraries).
const FORBIDDEN: [RegExp, string][] = [
  [/Math\.random/, 'Math.random'],
  [/Date\.now|new Date\(/, 'the wall clock'],
  [/performance\.now/, 'the wall clock'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'real timers'],
  [/from ['"](react|react-dom|zustand|@xstate\/react)['"]/, 'a UI library'],
  [/\b(window|document|localStorage)\./, 'the DOM'],
];

describe('the engine stays pure', () => {
  const engine = files.filter((f) => folder(f) === 'engine');
  it('finds the engine sources', () => {
    expect(engine.length).toBeGreaterThan(8);
  });
  it.each(engine.map((f) => [relative(join(SRC, 'engine'), f)] as const))('%s', (name) => {
    const text = code(join(SRC, 'engine', name));
    expect(FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what)).toEqual([]);
  });
  it('names the same profiles, in the same order, in the list the UI reads', async () => {
    const { PROFILES } = await import('./engine/profiles');
    const { PROFILE_LIST } = await import('./engine/profile-list');
    expect(PROFILE_LIST.map((p) => p.id)).toEqual(PROFILES.map((p) => p.id));
    // The names a person reads are the catalogs'; the English one matches the engine's proper names.
    const { en } = await import('./i18n/en');
    expect(PROFILES.map((p) => en.profileLabel[p.id as keyof typeof en.profileLabel])).toEqual(
      PROFILES.map((p) => p.label),
    );
  });
});

const packages = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^.'"][^'"]*)['"]/g)].map((m) => m[1] as string);

describe('the explorer stays self-contained', () => {
  it('the view does not import the app store or the app shell', () => {
    const all = closure('src/ui/explorer/ExplorerView.tsx');
    expect(all).toContain('src/explorer/client.ts');
    expect(all.filter((f) => f.startsWith('src/store/') || f.startsWith('src/app/'))).toEqual([]);
  });

  it("the view's chunk does not load the engine: only the worker runs it", () => {
    const all = closure('src/ui/explorer/ExplorerView.tsx');
    expect(
      all.filter((f) => /^src\/engine\/(sim|rules|queue|machines\/)/.test(f) || f === 'src/explorer/run.ts'),
    ).toEqual([]);
    expect(closure('src/workers/app.worker.ts', false)).toContain('src/engine/sim.ts');
  });

  it('the worker and the CLI load no React', () => {
    for (const entry of ['src/workers/app.worker.ts', 'src/cli/matrix.ts']) {
      const all = closure(entry);
      expect(all.filter((f) => f.startsWith('src/ui/'))).toEqual([]);
      const pkgs = new Set(all.flatMap(packages));
      expect([...pkgs].filter((p) => p.startsWith('react') || p === 'zustand')).toEqual([]);
    }
  });

  it('src/explorer is framework-free and uses no DOM or wall clock outside the client and the worker', () => {
    const dir = 'src/explorer';
    for (const f of readdirSync(dir).filter((n) => /\.ts$/.test(n) && !n.endsWith('.test.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(packages(join(dir, f)).filter((p) => p.startsWith('react'))).toEqual([]);
      if (!['client.ts', 'inprocess.ts', 'bench.ts'].includes(f))
        expect(text.match(/\b(document|window|Date\.now|performance\.now|setTimeout)\b/g) ?? [], f).toEqual([]);
    }
  });
});
