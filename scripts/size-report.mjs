#!/usr/bin/env node
// First-load size of the built app: gzip (level 9) of every JS and CSS file that dist/index.html
// loads or preloads. Budget: 95 KB (issue 15; fails the run). Also checks that the engine ships once for the workers (one
// worker script holds XState) and that no Node stream polyfill reaches the browser. Writes
// reports/size.json; exits 1 over budget or on a failed check.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 95 * 1024;
const html = readFileSync('dist/index.html', 'utf8');
const refs = [...new Set([...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
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
const text = (f) => readFileSync(join('dist', f), 'utf8');
// XState's own event type: present wherever the engine's machines are bundled.
const workersWithEngine = all.filter((a) => /worker/.test(a.file) && text(a.file).includes('xstate.init'));
console.log(`workers bundling the engine: ${workersWithEngine.map((a) => a.file).join(', ') || 'none'}`);
// readable-stream's and string_decoder's own words: a Node stream polyfill the browser does not need.
const polyfilled = all.filter((a) => /ERR_STREAM_PUSH_AFTER_EOF|StringDecoder/.test(text(a.file)));
let bad = false;
if (total > BUDGET) {
  console.error('over the first-load budget');
  bad = true;
}
if (workersWithEngine.length > 1) {
  console.error('the engine ships more than once for the workers');
  bad = true;
}
if (polyfilled.length) {
  console.error(`a Node stream polyfill is bundled: ${polyfilled.map((a) => a.file).join(', ')}`);
  bad = true;
}
if (bad) process.exit(1);
