import { writeFileSync } from 'node:fs';
import { SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { mosquittoSuite } from '../realbroker/suite';
import { parseCase } from '../scenario/cases';
import { problemLine } from '../share/describe';
import { parseCommand, runCommand } from './args';
import { fail } from './io';
import { words } from './lang';

/**
 * npm run verify:suite -- writes conformance/mosquitto-suite.json: the live differential matrix
 * (src/realbroker/suite.ts) as FORMAT.md cases whose `expect` is what the spec requires.
 */
const { positionals } = parseCommand({
  command: 'verify:suite',
  options: {},
  positionals: { min: 0, max: 1, name: 'the output file' },
});
runCommand(() => {
  const out = positionals[0] ?? 'conformance/mosquitto-suite.json';
  const cases = mosquittoSuite().map((raw) => {
    const parsed = parseCase(raw);
    if (!parsed.ok) fail(`${String(raw.id)}: ${parsed.problems.map((p) => problemLine(p, words.engine)).join('; ')}`);
    const expect = simulate(parsed.value.scenario, { profile: SPEC }).outcome;
    return { ...raw, expect };
  });
  writeFileSync(out, `${JSON.stringify(cases, null, 1)}\n`);
  process.stdout.write(`${cases.length} cases written to ${out}\n`);
});
