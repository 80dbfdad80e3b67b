#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one closing line `N passed, M failed`.
// Steps: typecheck, lint, unit/component/property tests, conformance, build (+ size report),
// browser tests against the build. Any failing step fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
const t0 = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(name, cmd, args, env = {}) {
  const t = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );
  if (!ok) failures.push(name);
  return ok;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const v = JSON.parse(readFileSync(file, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run('typecheck', npx, ['tsc', '-b']);
run('lint', npx, ['biome', 'ci', '--colors=off', '.']);
run('unit, component and property tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
countVitest('reports/vitest.json');
run('build', npx, ['vite', 'build']);
if (existsSync('scripts/size-report.mjs')) run('size report', 'node', ['scripts/size-report.mjs']);
if (existsSync('e2e') && existsSync('dist/index.html')) {
  run('browser tests', npx, [
    'vitest',
    'run',
    '--config',
    'vitest.e2e.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=reports/e2e.json',
  ]);
  countVitest('reports/e2e.json');
}

const secs = ((Date.now() - t0) / 1000).toFixed(1);
if (failures.length) process.stdout.write(`\nFailed steps: ${failures.join(', ')}\n`);
if (passed + failed === 0) {
  process.stdout.write('no tests ran\n');
  process.exit(1);
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped (${secs} s)\n`);
process.stdout.write(`${passed} passed, ${failures.length ? Math.max(failed, 1) : failed} failed\n`);
process.exit(failures.length || failed ? 1 : 0);
