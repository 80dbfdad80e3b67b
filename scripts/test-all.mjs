#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one closing line `N passed, M failed`.
// Steps: typecheck, lint, unit/component/property tests, the live differentials against mosquitto
// and ejabberd (when they are installed), build (+ size report), browser tests against the build. Any failing step fails the run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

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

// The live differential against Debian's mosquitto: every case counts as a test.
function mosquittoInstalled() {
  for (const d of [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin']) {
    if (!d) continue;
    try {
      accessSync(join(d, 'mosquitto'), constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

// Debian's ejabberd: its library folder (src/realbroker/ejabberd.ts findEjabberd) and erl.
function ejabberdInstalled() {
  if (!existsSync('/usr/bin/erl')) return false;
  for (const base of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    let names = [];
    try {
      names = readdirSync(base);
    } catch {}
    if (names.some((n) => /^ejabberd-\d/.test(n) && existsSync(join(base, n, 'ebin', 'ejabberd.app')))) return true;
  }
  return false;
}

function liveDifferential(script, over, broker = 'mosquitto') {
  const name = `live differential against ${broker}${over} (npm run ${script})`;
  if (!(broker === 'ejabberd' ? ejabberdInstalled() : mosquittoInstalled())) {
    process.stdout.write(
      `\n=== ${name}\n${broker} is NOT installed, so the live differential did not run (Debian: apt-get install ${broker}; .ci/run installs it).\n`,
    );
    return;
  }
  const t = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  // Bounded: a suite takes about a minute; five minutes is the hard stop. coreutils' timeout signals
  // the whole process group (npm, tsx, the player and the brokers it started), where a timeout of
  // spawnSync would stop npm alone and leave the run and its brokers going.
  const r = spawnSync('timeout', ['--kill-after=30', '300', 'npm', 'run', '-s', script], { encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const m = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout ?? '');
  const ok = r.status === 0 && m !== null;
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!ok) failures.push(name);
  const why = r.error ? ` (${r.error.message})` : r.status === 124 ? ' (stopped after 300 s)' : '';
  process.stdout.write(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})${why}`} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );
}
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
liveDifferential('verify:mosquitto', '');
// The browser's path: the same player over MQTT-over-WebSocket (mosquitto's websockets listener).
liveDifferential('verify:mosquitto:ws', ' over WebSocket');
// Debian's ejabberd (mod_mqtt), our own node per case: the same suite against the ejabberd-23.01 profile.
liveDifferential('verify:ejabberd', '', 'ejabberd');
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
