import { PROFILE_IDS, profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { caseClock } from '../realbroker/record';
import { parseCaseFile } from '../scenario/cases';
import { compareOutcomes } from '../scenario/compare';
import { fail, failProblems, parseArgs, readJson } from './io';

/**
 * npm run conformance -- <cases.json>... [--profile P] [--tolerance S]
 * Runs FORMAT.md cases, or scenario documents with `id` and `expect` (docs/scenario-format.md),
 * through the engine; PASS/FAIL per case with a readable diff; exits 1 on failure.
 */
const { flags, positional } = parseArgs(process.argv.slice(2), ['quiet']);
if (positional.length === 0) fail('usage: npm run conformance -- <cases.json>... [--profile P] [--tolerance S]');
const profileId = String(flags.get('profile') ?? 'spec');
const profile =
  profileById(profileId) ?? fail(`--profile: unknown profile "${profileId}" (known: ${PROFILE_IDS.join(', ')})`);
const tolerance = Number(flags.get('tolerance') ?? 0);
if (!Number.isFinite(tolerance) || tolerance < 0) fail('--tolerance: must be a number of seconds, 0 or more');

let passed = 0;
let failed = 0;
for (const file of positional) {
  const parsed = parseCaseFile(readJson(file));
  if (!parsed.ok) failProblems(file, parsed.problems);
  for (const c of parsed.value) {
    const wanted = c.expect ?? c.observed;
    if (!wanted) {
      process.stdout.write(`SKIP ${c.id}: no expect or observed outcome\n`);
      continue;
    }
    // Recordings carry the broker's clock phases; profiles with coarse timers read them.
    const clock = caseClock(c);
    // Without --profile a case runs under its own (a scenario document may name one; FORMAT.md: spec).
    const own = flags.has('profile') ? profile : (profileById(c.scenario.profile) ?? profile);
    const result = simulate(c.scenario, clock ? { profile: own, clock } : { profile: own });
    const diffs = compareOutcomes(result.outcome, wanted, c.expect ? tolerance : Math.max(tolerance, 0));
    if (diffs.length === 0) {
      passed++;
      if (!flags.has('quiet')) process.stdout.write(`PASS ${c.id}\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${c.id}: ${c.title}\n${diffs.map((d) => `     - ${d.line}`).join('\n')}\n`);
    }
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
