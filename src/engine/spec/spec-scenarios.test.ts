import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../../scenario/compare';
import { parseScenario } from '../../scenario/validate';
import { simulate } from '../sim';
import type { Outcome } from '../types';

// Spec cases that need broker settings, written as scenario documents with an `id` and the
// `expect`ed FORMAT.md outcome (conformance/spec-scenarios.json): each must hold under `spec`.
const docs = JSON.parse(
  readFileSync(new URL('../../../conformance/spec-scenarios.json', import.meta.url), 'utf8'),
) as ({ id: string; expect: Outcome } & Record<string, unknown>)[];

describe('conformance/spec-scenarios.json under the spec profile', () => {
  it('holds the cases', () => {
    expect(docs.length).toBeGreaterThanOrEqual(3);
  });
  it.each(docs.map((d) => [d.id, d] as const))('%s', (_id, d) => {
    const { id: _, expect: wanted, ...doc } = d;
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(compareOutcomes(simulate(r.value).outcome, wanted).map((x) => x.line)).toEqual([]);
  });
});
