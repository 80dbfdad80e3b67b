import { describe, expect, it, vi } from 'vitest';
import { type Axes, comboKey, defaultAxes, enumerateCells } from './axes';
import { type CellOutcome, observable, willAfterClose } from './cell';
import { createWorkerRunner, NO_WORKER } from './client';
import { createInProcessRunner } from './inprocess';
import { differingCells, layout, type Matrix, matchingCells } from './matrix';
import type { FromWorker, ToWorker } from './protocol';
import { computeMatrix, fillCells, runCell } from './run';
import { createWorkerCore } from './worker-core';

const small: Axes = {
  ...defaultAxes(),
  protocol: [5],
  cleanStart: [false],
  willDelay: [30],
  keepAlive: [10],
  end: ['drop', 'disconnect04', 'takeoverCs0'],
};

describe('the matrix', () => {
  const m = computeMatrix(defaultAxes());

  it('has one outcome per cell, equal to running the cell alone', () => {
    expect(m.outcomes).toHaveLength(m.cells.length);
    for (let i = 0; i < m.cells.length; i += 97) expect(m.outcomes[i]).toEqual(runCell(m.cells[i] as never));
  });

  it('lays cells out in rows of (what happens next x profile) columns, in matrix order', () => {
    const l = layout(m.axes);
    expect(l.columns).toHaveLength(m.axes.next.length * m.axes.profile.length);
    const indices = l.rows.flatMap((r) => r.cells.filter((i) => i >= 0));
    expect(indices).toEqual(m.cells.map((_, i) => i));
    for (const r of l.rows)
      r.cells.forEach((i, k) => {
        if (i < 0) return;
        expect(m.cells[i]?.next).toBe(l.columns[k]?.next);
        expect(m.cells[i]?.profile).toBe(l.columns[k]?.profile);
        expect(m.cells[i]?.end).toBe(r.spec.end);
      });
  });

  it('marks both cells of each pair whose observable outcomes differ between two profiles', () => {
    const diff = differingCells(m, 'spec', 'nanomq-0.23.2');
    expect(diff.size).toBeGreaterThan(0);
    expect(diff.size % 2).toBe(0);
    const byCombo = new Map<string, number[]>();
    m.cells.forEach((c, i) => {
      byCombo.set(comboKey(c), [...(byCombo.get(comboKey(c)) ?? []), i]);
    });
    for (const [a, b] of byCombo.values()) {
      const same =
        observable(m.outcomes[a as number] as CellOutcome) === observable(m.outcomes[b as number] as CellOutcome);
      expect(diff.has(a as number)).toBe(!same);
      expect(diff.has(b as number)).toBe(!same);
    }
    expect(differingCells(m, 'spec', 'spec').size).toBe(0);
  });

  it('filters: never fires, fires later than the close, all', () => {
    const never = matchingCells(m, { kind: 'never', a: 'spec', b: 'spec' });
    const later = matchingCells(m, { kind: 'later', a: 'spec', b: 'spec' });
    expect(never.length).toBeGreaterThan(0);
    expect(later.length).toBeGreaterThan(0);
    expect(never.every((i) => m.outcomes[i]?.willAt === null)).toBe(true);
    expect(later.every((i) => (willAfterClose(m.outcomes[i] as CellOutcome) ?? 0) > 0)).toBe(true);
    const published = m.outcomes.filter((o) => o?.fate === 'published').length;
    expect(never.length + published).toBe(m.cells.length);
    expect(matchingCells(m, { kind: 'all', a: 'spec', b: 'spec' })).toHaveLength(m.cells.length);
  });

  it('cells not computed yet match no filter and never differ', () => {
    const partial: Matrix = { ...m, outcomes: m.outcomes.map((o, i) => (i < 10 ? o : undefined)) };
    expect(matchingCells(partial, { kind: 'all', a: 'spec', b: 'spec' })).toHaveLength(10);
    expect([...differingCells(partial, 'spec', 'nanomq-0.23.2')].every((i) => i < 10)).toBe(true);
  });
});

describe('filling in slices', () => {
  const cells = enumerateCells(small);

  it('computes every cell in order, one chunk at a time', async () => {
    const chunks: [number, number][] = [];
    const got: CellOutcome[] = [];
    const n = await fillCells(cells, {
      sliceMs: 1000,
      maxChunk: 7,
      now: () => 0,
      yieldNow: async () => {},
      isCancelled: () => false,
      onChunk: (from, outcomes) => {
        chunks.push([from, outcomes.length]);
        got.push(...outcomes);
      },
    });
    expect(n).toBe(cells.length);
    expect(chunks[0]).toEqual([0, 7]);
    expect(chunks.reduce((s, [, k]) => s + k, 0)).toBe(cells.length);
    expect(got).toEqual(cells.map(runCell));
  });

  it('stops at the next slice when cancelled', async () => {
    let stop = false;
    const n = await fillCells(cells, {
      sliceMs: 1000,
      maxChunk: 5,
      now: () => 0,
      yieldNow: async () => {
        stop = true;
      },
      isCancelled: () => stop,
      onChunk: () => {},
    });
    expect(n).toBe(5);
  });
});

describe('the in-process runner', () => {
  it('streams the same outcomes as computing the matrix at once', async () => {
    const runner = createInProcessRunner({ maxChunk: 4, yieldNow: async () => {} });
    const got: CellOutcome[] = [];
    const run = runner.run(small, { onCells: (from, o) => got.splice(from, o.length, ...o) });
    const s = await run.promise;
    expect(s.status).toBe('done');
    expect(s.computed).toBe(run.cells.length);
    expect(got).toEqual(computeMatrix(small).outcomes);
  });

  it('resolves as cancelled at once and sends nothing after the cancel', async () => {
    // The test holds every yield between slices, so what runs when is decided here, not by the clock.
    const gates: (() => void)[] = [];
    const runner = createInProcessRunner({
      maxChunk: 2,
      now: () => 0,
      yieldNow: () => new Promise<void>((r) => gates.push(r)),
    });
    let after = 0;
    let chunks = 0;
    let cancelled = false;
    const run = runner.run(small, {
      onCells: () => {
        chunks++;
        if (cancelled) after++;
      },
    });
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    expect(chunks).toBe(1);
    cancelled = true;
    run.cancel();
    const s = await run.promise;
    expect(s.status).toBe('cancelled');
    expect(s.computed).toBe(2);
    // Let the runner go on as far as it would: it must stop without sending another chunk.
    while (gates.length) gates.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(gates).toHaveLength(0);
    expect(after).toBe(0);
  });
});

/** A stand-in for a Web Worker: the real worker core behind structured-clone message passing. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];
  private readonly core = createWorkerCore({
    post: (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<FromWorker>), 0),
    now: () => performance.now(),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    sliceMs: 0,
  });
  postMessage(m: ToWorker) {
    this.received.push(m);
    setTimeout(() => void this.core(structuredClone(m)), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the worker runner and the worker core', () => {
  const pool = () => {
    const made: FakeWorker[] = [];
    const make = () => {
      const w = new FakeWorker();
      made.push(w);
      return w as unknown as Worker;
    };
    return { made, make };
  };

  for (const count of [1, 2]) {
    it(`fill the matrix through messages with the same outcomes (${count} worker${count > 1 ? 's' : ''})`, async () => {
      const { made, make } = pool();
      const runner = createWorkerRunner(make, () => performance.now(), count);
      const got: CellOutcome[] = [];
      let chunks = 0;
      const run = runner.run(small, {
        onCells: (from, o) => {
          chunks++;
          got.splice(from, o.length, ...o);
        },
      });
      const s = await run.promise;
      expect(s).toMatchObject({ status: 'done', computed: run.cells.length, total: run.cells.length });
      expect(chunks).toBeGreaterThan(1);
      expect(got).toEqual(computeMatrix(small).outcomes);
      expect(made).toHaveLength(count);
      runner.dispose();
      expect(made.every((w) => w.terminated)).toBe(true);
    });
  }

  it('shares a large matrix between the workers, each a contiguous part', async () => {
    const { made, make } = pool();
    const runner = createWorkerRunner(make, () => performance.now(), 2);
    const run = runner.run(defaultAxes());
    const shares = made.map((w) => w.received.find((m) => m.type === 'run'));
    run.cancel();
    expect(shares.map((m) => (m?.type === 'run' ? [m.from, m.to] : null))).toEqual([
      [0, Math.floor(run.cells.length / 2)],
      [Math.floor(run.cells.length / 2), run.cells.length],
    ]);
  });

  it('uses one worker for a small matrix', async () => {
    const { made, make } = pool();
    const runner = createWorkerRunner(make, () => performance.now(), 2);
    await runner.run({ ...small, end: ['drop'] }).promise;
    expect(made.map((w) => w.received.length)).toEqual([1, 0]);
  });

  it('cancel tells every worker to stop and resolves as cancelled', async () => {
    const { made, make } = pool();
    const runner = createWorkerRunner(make, () => performance.now(), 2);
    let first: () => void = () => {};
    const started = new Promise<void>((r) => {
      first = r;
    });
    const run = runner.run(defaultAxes(), { onCells: () => first() });
    await started;
    run.cancel();
    const s = await run.promise;
    expect(s.status).toBe('cancelled');
    expect(s.computed).toBeLessThan(run.cells.length);
    for (const w of made) expect(w.received.map((m) => m.type)).toEqual(['run', 'cancel']);
  });

  it('a new run on the same workers supersedes the old one', async () => {
    const { make } = pool();
    const runner = createWorkerRunner(make, () => performance.now(), 2);
    const first = runner.run(defaultAxes());
    first.cancel();
    const second = runner.run(small);
    expect((await first.promise).status).toBe('cancelled');
    expect((await second.promise).status).toBe('done');
  });

  it('reports an error from a worker as a rejected run', async () => {
    const { make } = pool();
    const runner = createWorkerRunner(make, () => performance.now(), 1);
    const run = runner.run({ ...small, protocol: [] });
    await expect(run.promise).rejects.toThrow('invalid axes');
  });

  it('fails with a known error when no worker can be created', async () => {
    const runner = createWorkerRunner(() => {
      throw new Error('no workers here');
    });
    const run = runner.run(small);
    expect(run.cells).toHaveLength(enumerateCells(small).length);
    await expect(run.promise).rejects.toThrow(NO_WORKER);
  });
});
