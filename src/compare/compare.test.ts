import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { LESSONS } from '../lessons/catalog';
import { lessonScenario } from '../lessons/run';
import { parseScenario } from '../scenario/validate';
import typical from '../share/fixtures/typical-3-clients.json';
import { applyVariant, compareScenarios, compareVariant, decisionKey, firstDifference } from './compare';

const lesson = (id: string, run = 'a'): Scenario => {
  const l = LESSONS.find((x) => x.id === id);
  const r = l?.runs.find((x) => x.id === run);
  if (!r) throw new Error(id);
  return lessonScenario(r);
};

describe('side-by-side comparison', () => {
  it('finds where the spec and NanoMQ 0.23.2 part ways (nanomq#1989)', () => {
    const r = compareVariant(lesson('nanomq-1989'), { kind: 'profile', profile: 'nanomq-0.23.2' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.comparison.divergence;
    expect(d?.tMs).toBe(20_000);
    expect(d?.a).toMatchObject({ kind: 'will', op: 'published', from: 'sensor' });
    expect(d?.b).toMatchObject({ kind: 'will', op: 'withheld', from: 'sensor' });
    // Everything before it is the same decision in both runs.
    const { a, b } = r.comparison;
    for (let i = 0; i < (d?.index ?? 0); i++)
      expect(decisionKey(a.decisions[i] as never)).toBe(decisionKey(b.decisions[i] as never));
    expect(b.profile.id).toBe('nanomq-0.23.2');
  });

  it('finds nothing when nothing changed', () => {
    const sc = lesson('takeover');
    expect(compareScenarios(sc, sc).divergence).toBeNull();
  });

  it('finds the effect of one changed parameter', () => {
    const r = compareVariant(lesson('takeover'), {
      kind: 'parameter',
      parameter: 'willDelay',
      client: 'tablet',
      value: 30,
    });
    expect(r.ok && r.comparison.divergence?.tMs).toBe(10_000);
    if (!r.ok) return;
    expect(r.comparison.divergence?.a).toMatchObject({ kind: 'will', op: 'published' });
    expect(r.comparison.divergence?.b).toMatchObject({ kind: 'will', op: 'scheduled' });
  });

  it('finds a change in keep-alive detection time', () => {
    const r = compareVariant(lesson('keepalive-silence'), {
      kind: 'parameter',
      parameter: 'keepAlive',
      client: 'tracker',
      value: 20,
    });
    expect(r.ok && r.comparison.divergence?.a).toMatchObject({ kind: 'connection', op: 'closed', t: 35_000 });
  });

  it('reports a run that simply has more decisions', () => {
    const d = firstDifference([], [
      { t: 5, kind: 'note', client: null, why: { code: 'x', v: 5, clauses: [] } },
    ] as never);
    expect(d).toMatchObject({ index: 0, tMs: 5, a: null });
  });

  it('validates the changed scenario like any input', () => {
    const sc = parseScenario(typical);
    if (!sc.ok) throw new Error('fixture');
    const bad = applyVariant(sc.value, { kind: 'parameter', parameter: 'keepAlive', client: 'gateway', value: 70_000 });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['clients[2].keepAlive']);
    const absent = applyVariant(sc.value, {
      kind: 'parameter',
      parameter: 'sessionExpiry',
      client: 'gateway',
      value: null,
    });
    expect(absent.ok && absent.value.clients[2]?.sessionExpiry).toBeNull();
    const v4 = applyVariant(sc.value, { kind: 'parameter', parameter: 'protocol', client: 'sensor-b', value: 4 });
    expect(v4.ok && v4.value.clients[1]?.protocol).toBe(4);
    const unknown = applyVariant(sc.value, { kind: 'profile', profile: 'hivemq' });
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.path)).toEqual(['profile']);
  });
});
