import { cliEn } from '../i18n/cli-en';
import { runFuzz } from '../test/fuzz';
import { EXIT, parseCommand, runCommand } from './args';
import { writeLines } from './io';

/**
 * npm run fuzz [-- --count N] [--seed S] [--json]
 * Fuzzes every entrance (links, files, autosave) with seeded inputs (src/test/fuzz.ts); each
 * input is timed here, and one slower than 2 s is a finding. Exits 1 on any finding.
 */
const { values, usageError } = parseCommand({
  command: 'fuzz',
  options: {
    count: { type: 'string', value: 'N' },
    seed: { type: 'string', value: 'S' },
    json: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

const whole = (option: string, v: string | undefined, fallback: number, max: number) => {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) usageError(cliEn.input.notCount(option, 1, max));
  return Number(v);
};

runCommand(async () => {
  const count = whole('--count', values.count, 100_000, 100_000_000);
  const seed = whole('--seed', values.seed, 15, 2 ** 32 - 1);
  const report = runFuzz({ count, seed });
  const f = cliEn.fuzz;
  if (values.json) await writeLines([JSON.stringify(report)]);
  else
    await writeLines([
      f.summary(
        report.inputs,
        report.byEntrance.link,
        report.byEntrance.file,
        report.byEntrance.autosave,
        report.accepted,
        report.totalMs / 1000,
      ),
      f.slowest(report.maxMs),
      f.findings(report.findings.length),
      ...report.findings.slice(0, 50).map((x) => `  ${x.entrance} ${x.kind}: ${x.detail}  <- ${x.input}`),
    ]);
  process.exitCode = report.findings.length > 0 ? EXIT.failed : EXIT.ok;
});
