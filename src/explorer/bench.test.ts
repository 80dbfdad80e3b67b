import { describe, expect, it } from 'vitest';
import { type Axes, defaultAxes, enumerateCells } from './axes';
import { matrixBenchmark } from './bench';

describe('matrixBenchmark', () => {
  // The whole matrix really runs (every profile, NanoMQ 0.23.3 included): on a shared 2-core machine
  // that can take longer than vitest's default 5 s, which is no statement about speed.
  it('measures the whole default matrix on a clock it is given', { timeout: 60_000 }, () => {
    let t = 0;
    const r = matrixBenchmark({ minMs: 30, now: () => (t += 10) });
    expect(r.cells).toBe(enumerateCells(defaultAxes()).length);
    expect(r.passes).toBeGreaterThanOrEqual(1);
    expect(r.cellsPerSecond).toBeCloseTo((r.cells / r.ms) * 1000, 6);
  });

  it('measures the axes it is given', () => {
    const axes: Axes = { ...defaultAxes(), protocol: [4], profile: ['spec'] };
    const r = matrixBenchmark({ axes, minMs: 0 });
    expect(r.cells).toBe(enumerateCells(axes).length);
    expect(r.passes).toBe(1);
  });
});
