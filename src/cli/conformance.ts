import { PROFILE_IDS, profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { caseClock } from '../realbroker/record';
import { parseCaseFile } from '../scenario/cases';
import { compareRun } from '../scenario/compare';
import { EXIT, parseCommand, runCommand } from './args';
import { fail, failProblems, readJson, writeLines } from './io';
import { words } from './lang';

/**
 * npm run conformance -- <cases.json>... [--profile P] [--tolerance S] [--quiet]
 * Runs FORMAT.md cases, or scenario documents with `id` and `expect` (docs/scenario-format.md),
 * through the engine; PASS/FAIL per case with a readable diff; exits 1 on failure.
 */
const { values, positionals } = parseCommand({
  command: 'conformance',
  options: {
    profile: { type: 'string', value: 'P' },
    tolerance: { type: 'string', value: 'S' },
    quiet: { type: 'boolean' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, name: 'a case file' },
});

runCommand(async () => {
  const profileId = values.profile ?? 'spec';
  const profile = profileById(profileId) ?? fail(words.cli.output.unknownProfile(profileId, PROFILE_IDS.join(', ')));
  const tolerance = Number(values.tolerance ?? 0);
  if (!Number.isFinite(tolerance) || tolerance < 0) fail('--tolerance: must be a number of seconds, 0 or more');

  let passed = 0;
  let failed = 0;
  for (const file of positionals) {
    const parsed = parseCaseFile(readJson(file));
    if (!parsed.ok) failProblems(file, parsed.problems);
    const out: string[] = [];
    for (const c of parsed.value) {
      const wanted = c.expect ?? c.observed;
      if (!wanted) {
        out.push(`SKIP ${c.id}: no expect or observed outcome`);
        continue;
      }
      // Recordings carry the broker's clock phases; profiles with coarse timers read them.
      const clock = caseClock(c);
      // Without --profile a case runs under its own (a scenario document may name one; FORMAT.md: spec).
      const own = values.profile !== undefined ? profile : (profileById(c.scenario.profile) ?? profile);
      const result = simulate(c.scenario, clock ? { profile: own, clock } : { profile: own });
      const diffs = compareRun(result, wanted, c.expect ? tolerance : Math.max(tolerance, 0));
      if (diffs.length === 0) {
        passed++;
        if (!values.quiet) out.push(`PASS ${c.id}`);
      } else {
        failed++;
        out.push(`FAIL ${c.id}: ${c.title}`, ...diffs.map((d) => `     - ${words.realBroker.difference(d)}`));
      }
    }
    await writeLines(out);
  }
  await writeLines([words.cli.output.summary(passed, failed)]);
  process.exitCode = failed > 0 ? EXIT.failed : EXIT.ok;
});
