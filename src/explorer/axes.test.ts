import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../engine/profiles';
import {
  type Axes,
  axesProblems,
  cellKey,
  countCells,
  defaultAxes,
  END_KINDS,
  enumerateCells,
  enumerateRows,
  LIMITS,
  NEXT_KINDS,
  normalizeAxes,
  reconnectDelay,
  SEI_KINDS,
  seiSeconds,
} from './axes';

describe('the default axes', () => {
  const axes = defaultAxes();
  const cells = enumerateCells(axes);

  it('cover every value the issue lists and every broker profile', () => {
    expect(axes.protocol).toEqual([4, 5]);
    expect(axes.cleanStart).toEqual([false, true]);
    expect(axes.sessionExpiry).toEqual([...SEI_KINDS]);
    expect(axes.end).toEqual([...END_KINDS]);
    expect(axes.next).toEqual([...NEXT_KINDS]);
    expect(axes.profile).toEqual(PROFILE_IDS);
  });

  it('make a matrix of at least 2,000 cells, each one unique', () => {
    expect(cells.length).toBeGreaterThanOrEqual(2000);
    expect(countCells(axes)).toBe(cells.length);
    expect(new Set(cells.map(cellKey)).size).toBe(cells.length);
    expect(axesProblems(axes)).toEqual([]);
  });

  it('put every profile of a combination next to each other', () => {
    for (let i = 0; i < cells.length; i += PROFILE_IDS.length)
      expect(cells.slice(i, i + PROFILE_IDS.length).map((c) => c.profile)).toEqual(PROFILE_IDS);
  });
});

describe('combinations that do not exist', () => {
  const cells = enumerateCells(defaultAxes());

  it('3.1.1 has no Will Delay, no Session Expiry and a single kind of DISCONNECT', () => {
    const v4 = cells.filter((c) => c.protocol === 4);
    expect(v4.length).toBeGreaterThan(0);
    expect(v4.every((c) => c.willDelay === null && c.sessionExpiry === null)).toBe(true);
    expect(new Set(v4.map((c) => c.end))).toEqual(
      new Set(['drop', 'silence', 'disconnect00', 'takeoverCs0', 'takeoverCs1', 'protocolError']),
    );
  });

  it('5.0 has every value', () => {
    const v5 = cells.filter((c) => c.protocol === 5);
    expect(new Set(v5.map((c) => c.end)).size).toBe(END_KINDS.length);
    expect(new Set(v5.map((c) => c.next)).size).toBe(NEXT_KINDS.length);
    expect(new Set(v5.map((c) => c.willDelay))).toEqual(new Set([0, 5, 30]));
  });

  it('"shorter than the Will Delay" needs a Will Delay of 2 s or more', () => {
    const short = cells.filter((c) => c.sessionExpiry === 'short');
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((c) => (c.willDelay ?? 0) >= 2)).toBe(true);
    const tiny = enumerateCells({ ...defaultAxes(), willDelay: [1] }).filter((c) => c.protocol === 5);
    expect(tiny.some((c) => c.sessionExpiry === 'short')).toBe(false);
  });

  it('"before the Will Delay" needs a Will Delay', () => {
    const before = cells.filter((c) => c.next === 'beforeCs0' || c.next === 'beforeCs1');
    expect(before.every((c) => c.protocol === 5 && (c.willDelay ?? 0) > 0)).toBe(true);
    expect(cells.some((c) => c.protocol === 5 && c.willDelay === 0 && c.next === 'afterCs0')).toBe(true);
  });

  it('a takeover is its own reconnect: only "no reconnect"', () => {
    const takeovers = cells.filter((c) => c.end === 'takeoverCs0' || c.end === 'takeoverCs1');
    expect(takeovers.length).toBeGreaterThan(0);
    expect(takeovers.every((c) => c.next === 'none')).toBe(true);
  });

  it('a DISCONNECT that would set Session Expiry to the value it already has is skipped', () => {
    expect(cells.some((c) => c.end === 'disconnect04Sei0' && c.sessionExpiry === 'absent')).toBe(false);
    expect(cells.some((c) => c.end === 'disconnect04SeiLong' && c.sessionExpiry === 'long')).toBe(false);
    expect(cells.some((c) => c.end === 'disconnect04Sei0' && c.sessionExpiry === 'never')).toBe(true);
    expect(cells.some((c) => c.end === 'disconnect04SeiLong' && c.sessionExpiry === 'absent')).toBe(true);
  });
});

describe('concrete seconds', () => {
  it('Session Expiry is relative to the Will Delay', () => {
    expect(seiSeconds('absent', 30)).toBeNull();
    expect(seiSeconds('short', 30)).toBe(10);
    expect(seiSeconds('short', 2)).toBe(1);
    expect(seiSeconds('long', 30)).toBe(90);
    expect(seiSeconds('long', 0)).toBe(60);
    expect(seiSeconds('never', 30)).toBe(4294967295);
  });

  it('a reconnect before the Will Delay comes after a short session has expired', () => {
    for (const d of [2, 3, 5, 30, 1200]) {
      const before = reconnectDelay('beforeCs0', d) ?? -1;
      expect(before).toBeLessThan(d);
      expect(before).toBeGreaterThanOrEqual(seiSeconds('short', d) ?? Number.POSITIVE_INFINITY);
      const after = reconnectDelay('afterCs1', d) ?? -1;
      expect(after).toBeGreaterThan(d);
      expect(after).toBeLessThan(seiSeconds('long', d) ?? 0);
    }
    expect(reconnectDelay('none', 30)).toBeNull();
  });
});

describe('checking axes', () => {
  it('names every empty axis', () => {
    const empty: Axes = { ...defaultAxes(), protocol: [], end: [] };
    expect(axesProblems(empty)).toEqual([
      { kind: 'empty', axis: 'protocol' },
      { kind: 'empty', axis: 'end' },
    ]);
  });

  it('refuses out-of-range seconds and too many values', () => {
    expect(axesProblems({ ...defaultAxes(), willDelay: [0, 5000] })).toEqual([
      { kind: 'range', axis: 'willDelay', value: 5000, max: LIMITS.willDelayMax },
    ]);
    expect(axesProblems({ ...defaultAxes(), keepAlive: [1, 2, 3, 4, 5, 6, 7] })).toContainEqual({
      kind: 'tooManyValues',
      axis: 'keepAlive',
      max: LIMITS.numericValues,
    });
  });

  it('refuses a matrix larger than the limit, and one with no cell at all', () => {
    const big: Axes = { ...defaultAxes(), willDelay: [0, 5, 30, 60, 120, 600], keepAlive: [0, 5, 10, 60, 120, 600] };
    const [p] = axesProblems(big);
    expect(p?.kind).toBe('tooManyCells');
    const none: Axes = { ...defaultAxes(), protocol: [4], end: ['disconnect04'] };
    expect(axesProblems(none)).toEqual([{ kind: 'noCells' }]);
  });

  it('normalises order and duplicates, and drops unknown profiles', () => {
    const a = normalizeAxes({
      ...defaultAxes(),
      protocol: [5, 4, 5],
      willDelay: [30, 0, 30],
      end: ['silence', 'drop'],
      profile: ['nanomq-0.23.2', 'no-such-broker', 'spec'],
    });
    expect(a.protocol).toEqual([4, 5]);
    expect(a.willDelay).toEqual([0, 30]);
    expect(a.end).toEqual(['drop', 'silence']);
    expect(a.profile).toEqual(['spec', 'nanomq-0.23.2']);
  });

  it('rows come in display order: 3.1.1 before 5.0, smaller Will Delay first', () => {
    const rows = enumerateRows(defaultAxes());
    const firstV5 = rows.findIndex((r) => r.protocol === 5);
    expect(rows.slice(0, firstV5).every((r) => r.protocol === 4)).toBe(true);
    const delays = rows.filter((r) => r.protocol === 5 && !r.cleanStart).map((r) => r.willDelay);
    expect(delays).toEqual([...delays].sort((x, y) => (x ?? 0) - (y ?? 0)));
  });
});
