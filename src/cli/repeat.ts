import { parseCaseFile } from '../scenario/cases';
import { compareOutcomes } from '../scenario/compare';
import { parseCommand, runCommand } from './args';
import { fail, failProblems, readJson } from './io';
import { words } from './lang';

/**
 * npm run recordings:repeat -- <first.json> <second.json> [--tolerance S]
 *
 * Do two recordings of the same cases repeat? For each case id in both files: identical outcomes
 * (every will at the same 0.1 s, same Session Present, DISCONNECTs and retained messages), equal
 * within the tolerance, or different (with the differences). Ends with the counts and the largest
 * will time difference seen between the two recordings.
 */
async function main(): Promise<void> {
  const { values: flags, positionals: positional } = parseCommand({
    command: 'recordings:repeat',
    options: { tolerance: { type: 'string', value: 'S' } },
    positionals: { min: 2, max: 2, name: 'two recording files' },
  });
  const tolerance = Number(flags.tolerance ?? 0.3);
  if (!Number.isFinite(tolerance) || tolerance < 0) fail('--tolerance: must be a number of seconds, 0 or more');

  const load = (file: string) => {
    const parsed = parseCaseFile(readJson(file));
    if (!parsed.ok) failProblems(file, parsed.problems);
    return new Map(parsed.value.map((c) => [c.id, c]));
  };
  const [fa, fb] = positional as [string, string];
  const a = load(fa);
  const b = load(fb);
  let identical = 0;
  let within = 0;
  let different = 0;
  let maxDelta = 0;
  for (const [id, ca] of a) {
    const cb = b.get(id);
    if (!cb?.observed || !ca.observed) continue;
    if (compareOutcomes(ca.observed, cb.observed, 0).length === 0) identical++;
    else {
      const diffs = compareOutcomes(ca.observed, cb.observed, tolerance);
      if (diffs.length === 0) within++;
      else {
        different++;
        process.stdout.write(
          `DIFFERENT ${id}\n${diffs.map((d) => `     - ${words.realBroker.difference(d)}`).join('\n')}\n`,
        );
      }
    }
    for (const w of cb.observed.wills) {
      const m = ca.observed.wills.find((x) => x.from === w.from && x.conn === w.conn && x.payload === w.payload);
      if (m) maxDelta = Math.max(maxDelta, Math.abs(m.t - w.t));
    }
  }
  const only = [...a.keys()].filter((id) => !b.has(id)).length + [...b.keys()].filter((id) => !a.has(id)).length;
  process.stdout.write(
    `${identical} identical, ${within} equal within ± ${tolerance} s, ${different} different${only ? `, ${only} in one file only` : ''}; largest will time difference ${maxDelta.toFixed(1)} s\n`,
  );
  process.exit(different > 0 ? 1 : 0);
}

runCommand(main);
