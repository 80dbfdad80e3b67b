import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOSQUITTO_2_0, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { problemLine } from '../i18n/render';
import { type ConformanceCase, parseCaseFile } from '../scenario/cases';
import { compareOutcomes } from '../scenario/compare';
import { caseClock, TOLERANCE_S } from './record';

// Recordings of Debian's mosquitto 2.0.11 (npm run verify:mosquitto -- --record ...): the profile
// must predict every one of them within the stated tolerance, with no broker running.
const DIR = 'golden/mosquitto-2.0.11';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const recorded: { file: string; c: ConformanceCase }[] = [];
for (const file of files) {
  const parsed = parseCaseFile(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => problemLine(p)).join('; ')}`);
  for (const c of parsed.value) recorded.push({ file, c });
}

const predict = (c: ConformanceCase, profile = MOSQUITTO_2_0) => {
  const clock = caseClock(c);
  return simulate(c.scenario, clock ? { profile, clock } : { profile });
};

describe('the mosquitto-2.0 profile against recordings of mosquitto 2.0.11', () => {
  it('has recordings, each from 2.0.11 with its clock phases', () => {
    expect(recorded.length).toBeGreaterThan(100);
    for (const { c } of recorded) {
      expect(c.observed, c.id).toBeDefined();
      expect(String(c.extra.brokerVersion), c.id).toContain('2.0.11');
      expect(c.t0Phase, c.id).toBeTypeOf('number');
      expect(c.extra.problems, c.id).toBeUndefined();
    }
  });

  it.each(recorded.map(({ file, c }) => [`${file}: ${c.id}`, c] as const))(
    'predicts %s within the tolerance',
    (_name, c) => {
      const diffs = compareOutcomes(predict(c).outcome, c.observed as NonNullable<typeof c.observed>, TOLERANCE_S);
      expect(diffs.map((d) => d.line)).toEqual([]);
    },
  );

  it('departs from the spec where the broker does, citing a source for each departure', () => {
    const specMisses = recorded.filter(
      ({ c }) => compareOutcomes(predict(c, SPEC).outcome, c.observed as never, TOLERANCE_S).length > 0,
    );
    expect(specMisses.length).toBeGreaterThan(20);
    // Every departure the profile declares shows up, cited, in the trace of some recorded case.
    const cited = new Set<string>();
    for (const { c } of recorded)
      for (const e of predict(c).trace)
        if ('why' in e && e.why?.deviation?.profile === 'mosquitto-2.0') cited.add(e.why.code);
    expect([...cited].sort()).toEqual(Object.keys(MOSQUITTO_2_0.deviations).sort());
  });
});
