import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every local module a file pulls in, transitively (static imports, and dynamic ones if asked). */
function closure(entry: string, dynamic = true): string[] {
  const seen = new Set<string>();
  const todo = [resolve(entry)];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // `import type` is erased; dynamic imports load later (their own chunk).
    const found = [
      ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g),
    ]
      .filter((m) => m[1] === undefined)
      .map((m) => m[2] as string);
    if (dynamic) for (const m of text.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(m[1] as string);
    for (const spec of found) {
      const base = resolve(dirname(file), spec);
      const hit = ['', '.ts', '.tsx', '/index.ts'].map((x) => base + x).find((f) => existsSync(f) && !f.endsWith('/'));
      if (hit && /\.(ts|tsx)$/.test(hit)) todo.push(hit);
    }
  }
  return [...seen].map((f) => relative(process.cwd(), f));
}

const packages = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^.'"][^'"]*)['"]/g)].map((m) => m[1] as string);

describe('the explorer stays self-contained', () => {
  it('the view does not import the app store or the app shell', () => {
    const files = closure('src/ui/explorer/ExplorerView.tsx');
    expect(files).toContain('src/explorer/client.ts');
    expect(files.filter((f) => f.startsWith('src/store/') || f.startsWith('src/app/'))).toEqual([]);
  });

  it("the view's chunk does not load the engine: only the worker runs it", () => {
    const files = closure('src/ui/explorer/ExplorerView.tsx');
    expect(files).toContain('src/explorer/client.ts');
    expect(
      files.filter((f) => /^src\/engine\/(sim|rules|queue|machines\/)/.test(f) || f === 'src/explorer/run.ts'),
    ).toEqual([]);
    expect(closure('src/workers/app.worker.ts', false)).toContain('src/engine/sim.ts');
  });

  it('the worker and the CLI load no React', () => {
    for (const entry of ['src/workers/app.worker.ts', 'src/cli/matrix.ts']) {
      const files = closure(entry);
      expect(files.filter((f) => f.startsWith('src/ui/'))).toEqual([]);
      const pkgs = new Set(files.flatMap(packages));
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
