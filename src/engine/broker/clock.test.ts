import { describe, expect, it } from 'vitest';
import { NANOMQ_0_23_2, SPEC } from '../profiles';
import { cachedSessionDeadline, onTick } from './clock';
import { keepAliveDeadline } from './keep-alive';

describe('broker clock arithmetic', () => {
  const ticking = { ...SPEC, timerTickMs: 1000 };

  it('the spec acts at the deadline itself', () => {
    expect(onTick(4321, SPEC, { t0Phase: 0.5 })).toBe(4321);
    expect(keepAliveDeadline(4000, 15_000, 10, SPEC, { t0Phase: 0 })).toBe(19_000);
  });

  it('a ticking broker serves a deadline at its next whole second, counted on its own clock', () => {
    // t = 0 fell at x.5 s on the broker's clock: its seconds turn at 0.5, 1.5, 2.5 ... virtual s.
    expect(onTick(4000, ticking, { t0Phase: 0.5 })).toBe(4500);
    expect(onTick(4500, ticking, { t0Phase: 0.5 })).toBe(4500);
    expect(onTick(4500, { ...ticking, timerTickAfter: true }, { t0Phase: 0.5 })).toBe(5500);
    expect(onTick(4000, ticking, { t0Phase: 0 })).toBe(4000);
  });

  it('a keep-alive sweep closes at the first sweep after the grace has been exceeded', () => {
    const sweeping = { ...SPEC, keepAliveSweepMs: 6000 };
    // Last packet at 0, Keep Alive 10: grace 15 whole seconds, exceeded from 16 s; sweeps at 0, 6, 12, 18 ...
    expect(keepAliveDeadline(0, 15_000, 10, sweeping, { t0Phase: 0 })).toBe(18_000);
  });

  it("NanoMQ's cached session closes at its 10 s timer after Session Expiry or the will's deadline from CONNECT", () => {
    const tick = NANOMQ_0_23_2.cachedSessionTickMs;
    expect(cachedSessionDeadline({ v: 5, sei: 12, closedAt: 5000, willDelay: 0, willConnectedAt: 0 }, tick)).toBe(
      20_000,
    );
    expect(cachedSessionDeadline({ v: 5, sei: 0, closedAt: 100_000, willDelay: 30, willConnectedAt: 0 }, tick)).toBe(
      110_000,
    );
    expect(
      cachedSessionDeadline({ v: 5, sei: 0, closedAt: 5000, willDelay: null, willConnectedAt: 0 }, tick),
    ).toBeNull();
    expect(
      cachedSessionDeadline({ v: 4, sei: 4294967295, closedAt: 5000, willDelay: null, willConnectedAt: 0 }, tick),
    ).toBeNull();
  });
});
