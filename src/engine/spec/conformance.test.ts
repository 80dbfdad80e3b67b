import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../scenario/cases';
import { compareOutcomes } from '../../scenario/compare';
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
