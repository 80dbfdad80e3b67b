import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../store/defaults';
import { handleRunRequest } from './engine-core';
import type { RunResponse } from './worker-runner';

const request = { type: 'simulate' as const, id: 7, scenario: defaultScenario() };

describe("the simulator's worker core", () => {
  it('answers with the result', () => {
    const replies: RunResponse[] = [];
    handleRunRequest(request, (r) => replies.push(r));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: 7, ok: true });
  });

  it('answers a run too large to show with the problem, its size and a shorter window, not the result', () => {
    const replies: RunResponse[] = [];
    handleRunRequest(request, (r) => replies.push(r), 5);
    expect(replies).toHaveLength(1);
    const r = replies[0];
    if (!r || r.ok || !('problem' in r)) throw new Error('expected a problem');
    expect(r.problem.kind).toBe('tooLarge');
    if (r.problem.kind !== 'tooLarge') return;
    expect(r.problem.entries).toBeGreaterThan(5);
    expect(r.problem.suggestedEnd).toBeGreaterThanOrEqual(1);
    expect(r.problem.suggestedEnd).toBeLessThan(request.scenario.end);
  });

  it('answers even when the result cannot be passed to the page ("Data cannot be cloned, out of memory")', () => {
    const replies: RunResponse[] = [];
    let calls = 0;
    handleRunRequest(request, (r) => {
      calls++;
      if (r.ok) throw new Error('Data cannot be cloned, out of memory.');
      replies.push(r);
    });
    expect(calls).toBe(2);
    expect(replies).toEqual([
      {
        id: 7,
        ok: false,
        problem: { kind: 'tooLarge', entries: null, suggestedEnd: Math.floor(request.scenario.end / 2) },
      },
    ]);
  });
});
