import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every local module a file pulls in, transitively (static and dynamic imports). */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [resolve(entry)];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = resolve(dirname(file), m[1] as string);
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
    expect(files).toContain('src/engine/sim.ts');
    expect(files.filter((f) => f.startsWith('src/store/') || f.startsWith('src/app/'))).toEqual([]);
  });

  it('the worker and the CLI load no React', () => {
    for (const entry of ['src/explorer/matrix.worker.ts', 'src/cli/matrix.ts']) {
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
      if (!['client.ts', 'matrix.worker.ts', 'bench.ts'].includes(f))
        expect(text.match(/\b(document|window|Date\.now|performance\.now|setTimeout)\b/g) ?? [], f).toEqual([]);
    }
  });
});
