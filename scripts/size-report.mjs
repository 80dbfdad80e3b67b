#!/usr/bin/env node
// First-load size of the built app: gzip (level 9) of every JS and CSS file that dist/index.html
// loads or preloads. Budget: 100 KB. Writes reports/size.json; exits 1 over budget.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const html = readFileSync('dist/index.html', 'utf8');
const refs = [...new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
const gz = (f) => gzipSync(readFileSync(join('dist', f)), { level: 9 }).length;
const files = refs.map((f) => ({ file: f, bytes: readFileSync(join('dist', f)).length, gzip: gz(f) }));
const total = files.reduce((s, f) => s + f.gzip, 0);
const all = readdirSync('dist/assets')
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => ({ file: `assets/${f}`, gzip: gz(`assets/${f}`) }));
mkdirSync('reports', { recursive: true });
writeFileSync(
  'reports/size.json',
  JSON.stringify({ budget: BUDGET, firstLoadGzip: total, firstLoad: files, allAssets: all }, null, 2),
);
for (const f of files)
  console.log(`  first load  ${f.file.padEnd(40)} ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
for (const f of all.filter((a) => !refs.includes(a.file)))
  console.log(`  lazy        ${f.file.padEnd(40)} ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
console.log(`first load: ${(total / 1024).toFixed(1)} KB gzip of JS+CSS (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error('over the first-load budget');
  process.exit(1);
}
