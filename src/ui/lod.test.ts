import { describe, expect, it } from 'vitest';
import type { Arrow } from './model';
import { levelOfDetail } from './Timeline';

const arrow = (i: number, t: number, lane = 'client:a', dir: 'in' | 'out' = 'in'): Arrow => ({
  id: `a${i}`,
  lane,
  t,
  dir,
  type: 'PINGREQ',
  slot: 0,
  entry: i,
});

describe("the timeline's level of detail", () => {
  it('draws each packet when there is room', () => {
    const arrows = Array.from({ length: 50 }, (_, i) => arrow(i, i * 10));
    const r = levelOfDetail(arrows, (a) => a.t, 1000);
    expect(r.arrows).toHaveLength(50);
    expect(r.groups).toEqual([]);
  });

  it('groups a crowded lane by pixel column and direction, and every packet is counted once', () => {
    // A month of pings on a 1,000 px plot: 43,200 each way.
    const arrows: Arrow[] = [];
    for (let i = 0; i < 43_200; i++) {
      arrows.push(arrow(2 * i, i * (1000 / 43_200), 'client:a', 'in'));
      arrows.push(arrow(2 * i + 1, i * (1000 / 43_200), 'client:a', 'out'));
    }
    arrows.push(arrow(-1, 500, 'client:b'));
    const r = levelOfDetail(arrows, (a) => a.t, 1000);
    expect(r.arrows.length + r.groups.length).toBeLessThanOrEqual(2 * (1000 / 4) + 3);
    expect(r.arrows.length + r.groups.reduce((n, g) => n + g.count, 0)).toBe(arrows.length);
    // The quiet lane keeps its one packet.
    expect(r.arrows.filter((a) => a.lane === 'client:b')).toHaveLength(1);
  });
});
