import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../scenario/cases';
import { compareOutcomes } from '../../scenario/compare';
import { simulate } from '../sim';

// Spec cases that need broker settings, written as scenario documents with an `id` and the
// `expect`ed FORMAT.md outcome (conformance/spec-scenarios.json, read as `npm run conformance`
// reads it): each must hold under `spec`.
const parsed = parseCaseFile(
  JSON.parse(readFileSync(new URL('../../../conformance/spec-scenarios.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(`spec-scenarios.json does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);

describe('conformance/spec-scenarios.json under the spec profile', () => {
  it('holds the cases', () => {
    expect(parsed.value.length).toBeGreaterThanOrEqual(8);
  });
  it.each(parsed.value.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const wanted = c.expect;
    if (!wanted) throw new Error('case without an expect outcome');
    expect(compareOutcomes(simulate(c.scenario).outcome, wanted)).toEqual([]);
  });
});
