import { PROFILE_IDS, profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { caseClock } from '../realbroker/record';
import { parseCaseFile } from '../scenario/cases';
import { compareOutcomes } from '../scenario/compare';
import { fail, failProblems, parseArgs, readJson } from './io';
import { cliMessages } from './lang';

/**
 * npm run conformance -- <cases.json>... [--profile P] [--tolerance S] [--lang zh-CN]
 * Runs FORMAT.md cases through the engine; PASS/FAIL per case with a readable diff; exits 1 on failure.
 */
const { m, argv } = await cliMessages();
const { flags, positional } = parseArgs(argv, ['quiet']);
if (positional.length === 0) fail('usage: npm run conformance -- <cases.json>... [--profile P] [--tolerance S]');
const profileId = String(flags.get('profile') ?? 'spec');
const profile = profileById(profileId) ?? fail(m.cli.unknownProfile(profileId, PROFILE_IDS.join(', ')));
const tolerance = Number(flags.get('tolerance') ?? 0);
if (!Number.isFinite(tolerance) || tolerance < 0) fail(m.cli.badTolerance);

let passed = 0;
let failed = 0;
for (const file of positional) {
  const parsed = parseCaseFile(readJson(file, m.cli));
  if (!parsed.ok) failProblems(file, parsed.problems, m.engine, m.cli);
  for (const c of parsed.value) {
    const wanted = c.expect ?? c.observed;
    if (!wanted) {
      process.stdout.write(`SKIP ${c.id}: ${m.cli.noOutcome}\n`);
      continue;
    }
    // Recordings carry the broker's clock phases; profiles with coarse timers read them.
    const clock = caseClock(c);
    const result = simulate(c.scenario, clock ? { profile, clock } : { profile });
    const diffs = compareOutcomes(result.outcome, wanted, c.expect ? tolerance : Math.max(tolerance, 0));
    if (diffs.length === 0) {
      passed++;
      if (!flags.has('quiet')) process.stdout.write(`PASS ${c.id}\n`);
    } else {
      failed++;
      process.stdout.write(
        `FAIL ${c.id}: ${c.title}\n${diffs.map((d) => `     - ${m.realBroker.difference(d)}`).join('\n')}\n`,
      );
    }
  }
}
process.stdout.write(`${m.cli.summary(passed, failed)}\n`);
process.exit(failed > 0 ? 1 : 0);
