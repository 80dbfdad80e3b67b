import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../scenario/cases';
import { compareOutcomes } from '../../scenario/compare';
import { type BrokerProfile, profileById, SPEC } from '../profiles';
import { simulate } from '../sim';

// The spec cases (conformance/FORMAT.md) kept in the repository: every one must pass under `spec`.
const parsed = parseCaseFile(
  JSON.parse(readFileSync(new URL('../../../conformance/spec-cases.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(`spec-cases.json does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);

describe('conformance/spec-cases.json under the spec profile', () => {
  it('holds the 139 cases', () => {
    expect(parsed.value.length).toBe(139);
  });
  it.each(parsed.value.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const wanted = c.expect ?? c.observed;
    if (!wanted) throw new Error('case without an outcome');
    expect(compareOutcomes(simulate(c.scenario).outcome, wanted)).toEqual([]);
  });
});

// ejabberd's own cases (conformance/ejabberd-suite.json): their expected outcomes are what
// ejabberd 23.01 does (recorded in golden/ejabberd-23.01/suite.json), so the profile must meet them.
const ejabberd = parseCaseFile(
  JSON.parse(readFileSync(new URL('../../../conformance/ejabberd-suite.json', import.meta.url), 'utf8')),
);
if (!ejabberd.ok) throw new Error('ejabberd-suite.json does not parse');

describe('conformance/ejabberd-suite.json under ejabberd-23.01', () => {
  it.each(ejabberd.value.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const profile = profileById('ejabberd-23.01') as BrokerProfile;
    expect(compareOutcomes(simulate(c.scenario, { profile }).outcome, c.expect as never)).toEqual([]);
    // ... and the spec would have said something else in every one but the control case.
    const spec = compareOutcomes(simulate(c.scenario, { profile: SPEC }).outcome, c.expect as never);
    expect(spec.length > 0, c.id).toBe(c.id !== 'ej-v5-offline-qos0-then-qos1');
  });
});
