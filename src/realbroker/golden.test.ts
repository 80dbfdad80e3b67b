import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BrokerProfile,
  EJABBERD_23_01,
  MOSQUITTO_2_0,
  NANOMQ_0_23_2,
  NANOMQ_0_23_3,
  SPEC,
} from '../engine/profiles';
import { simulate } from '../engine/sim';
import { en } from '../i18n/en';
import { type ConformanceCase, parseCaseFile } from '../scenario/cases';
import { compareOutcomes } from '../scenario/compare';
import { problemLine } from '../share/describe';
import { caseClock, TOLERANCE_S } from './record';

// Recordings of real brokers (npm run verify:mosquitto / verify:nanomq / verify:ejabberd -- --record ...): each
// profile must predict every one of them within the stated tolerance, with no broker running.
const GOLDEN: { dir: string; version: string; profile: BrokerProfile; minCases: number }[] = [
  { dir: 'golden/mosquitto-2.0.11', version: '2.0.11', profile: MOSQUITTO_2_0, minCases: 200 },
  { dir: 'golden/nanomq-0.23.2', version: 'nanomq 0.23.2', profile: NANOMQ_0_23_2, minCases: 230 },
  { dir: 'golden/nanomq-0.23.3', version: 'nanomq 0.23.3', profile: NANOMQ_0_23_3, minCases: 230 },
  { dir: 'golden/ejabberd-23.01', version: 'ejabberd 23.01', profile: EJABBERD_23_01, minCases: 200 },
];

function load(dir: string): { file: string; c: ConformanceCase }[] {
  const recorded: { file: string; c: ConformanceCase }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const parsed = parseCaseFile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => problemLine(p, en)).join('; ')}`);
    for (const c of parsed.value) recorded.push({ file, c });
  }
  return recorded;
}

const predict = (c: ConformanceCase, profile: BrokerProfile) => {
  const clock = caseClock(c);
  return simulate(c.scenario, clock ? { profile, clock } : { profile });
};

describe.each(GOLDEN)('the $profile.id profile against recordings in $dir', ({ dir, version, profile, minCases }) => {
  const recorded = load(dir);

  it(`has recordings, each from ${version} with its clock phases and no problem`, () => {
    expect(recorded.length).toBeGreaterThanOrEqual(minCases);
    for (const { c } of recorded) {
      expect(c.observed, c.id).toBeDefined();
      expect(String(c.extra.brokerVersion), c.id).toContain(version);
      expect(c.t0Phase, c.id).toBeTypeOf('number');
      expect(c.extra.problems, c.id).toBeUndefined();
    }
  });

  it.each(recorded.map(({ file, c }) => [`${file}: ${c.id}`, c] as const))(
    'predicts %s within the tolerance',
    (_name, c) => {
      const diffs = compareOutcomes(
        predict(c, profile).outcome,
        c.observed as NonNullable<typeof c.observed>,
        TOLERANCE_S,
      );
      expect(diffs).toEqual([]);
    },
  );

  it('departs from the spec where the broker does, citing a source for each departure it uses', () => {
    const specMisses = recorded.filter(
      ({ c }) => compareOutcomes(predict(c, SPEC).outcome, c.observed as never, TOLERANCE_S).length > 0,
    );
    expect(specMisses.length).toBeGreaterThan(20);
    // Every departure the profile declares shows up, cited, in the trace of some recorded case,
    // except those no recording can show (an administrative kick cannot be played).
    const cited = new Set<string>();
    for (const { c } of recorded)
      for (const e of predict(c, profile).trace)
        if ('why' in e && e.why?.deviation?.profile === profile.id) cited.add(e.why.code);
    const declared = Object.keys(profile.deviations).filter((k) => !UNPLAYABLE.has(k));
    expect([...cited].sort()).toEqual(declared.sort());
  });
});

/** Departures that only a step the player cannot play would show. */
const UNPLAYABLE = new Set<string>([]);
