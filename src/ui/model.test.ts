import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/sim';
import { defaultScenario } from '../store/defaults';
import { busyScenario } from '../store/examples';
import { BROKER_LANE, lowerBound, runModel, sessionAt, stateAt, upperBound } from './model';

describe('run model', () => {
  const scenario = defaultScenario();
  const result = simulate(scenario);
  const model = runModel(scenario, result);

  it('puts devices above the broker and subscribers below it', () => {
    expect(model.lanes.map((l) => l.key)).toEqual(['device', BROKER_LANE, '$observer']);
  });

  it('draws the Will Delay and Session Expiry from the drop, and marks the earlier one', () => {
    const wd = model.bars.find((b) => b.timer === 'willDelay');
    const se = model.bars.find((b) => b.timer === 'sessionExpiry');
    expect(wd).toMatchObject({ lane: 'device', from: 5000, to: 15000, end: 'fired' });
    expect(se).toMatchObject({ lane: 'device', from: 5000, to: 35000, end: 'fired' });
    expect(model.markers.find((m) => m.kind === 'will.due')?.t).toBe(15000);
    expect(model.markers.find((m) => m.kind === 'will.published')?.t).toBe(15000);
  });

  it('ends the keep-alive window at the drop, with its planned deadline kept', () => {
    const ka = model.bars.find((b) => b.timer === 'keepAlive');
    expect(ka).toMatchObject({ from: 0, to: 5000, end: 'cancelled' });
    expect(ka?.due).toBeGreaterThan(5000);
  });

  it('shows the delivered will on the observer lane with its payload', () => {
    expect(model.arrows.filter((a) => a.lane === '$observer' && a.type === 'DELIVER').map((a) => a.label)).toEqual([
      'online',
      'offline',
    ]);
  });

  it('reads state at any instant by binary search', () => {
    expect(stateAt(model, 'client:device', 4999)).toBe('connected.active');
    expect(stateAt(model, 'client:device', 5000)).toBe('offline');
    const session = sessionAt(model, 'device', 6000);
    expect(session).toMatch(/^device-1@/);
    expect(stateAt(model, `session:${session}`, 6000)).toBe('detached.willDelayed');
    expect(stateAt(model, `session:${session}`, 20000)).toBe('detached.noWill');
  });

  it('leaves machine state changes out of the log, in time order', () => {
    expect(model.logIndex.every((i) => result.trace[i]?.kind !== 'state')).toBe(true);
    expect([...model.logTimes].sort((a, b) => a - b)).toEqual(model.logTimes);
  });

  it('is computed once per run', () => {
    expect(runModel(scenario, result)).toBe(model);
  });

  it('handles a run of thousands of entries, items in time order', () => {
    const busy = busyScenario();
    const r = simulate(busy);
    expect(r.trace.length).toBeGreaterThan(1000);
    const m = runModel(busy, r);
    expect(m.lanes).toHaveLength(26);
    for (let i = 1; i < m.items.length; i++)
      expect((m.items[i] as { t: number }).t).toBeGreaterThanOrEqual((m.items[i - 1] as { t: number }).t);
  });
});

describe('binary search', () => {
  const times = [0, 0, 5, 5, 5, 9];
  it('counts the entries at or before t', () => {
    expect(upperBound(times, -1)).toBe(0);
    expect(upperBound(times, 0)).toBe(2);
    expect(upperBound(times, 5)).toBe(5);
    expect(upperBound(times, 100)).toBe(6);
  });
  it('finds the first entry at or after t', () => {
    expect(lowerBound(times, 5)).toBe(2);
    expect(lowerBound(times, 6)).toBe(5);
  });
});
