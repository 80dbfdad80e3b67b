import { describe, expect, it } from 'vitest';
import { NANOMQ_0_23_2, SPEC } from '../profiles';
import { cachedSessionClose, nextConnectionTick, onTick, ticksBetween } from './clock';
import { keepAliveDeadline, latestClose } from './keep-alive';

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

  // NanoMQ (NanoNNG nmq_mqtt.c): a timer per connection, 15 s after its CONNECT, then every 10 s.
  const timer = { firstMs: 15_000, everyMs: 10_000 };

  it("NanoMQ's connection timer ticks 15 s after the CONNECT, then every 10 s, and counts ticks since a packet", () => {
    expect(nextConnectionTick(2000, 0, timer)).toBe(17_000);
    expect(nextConnectionTick(2000, 17_000, timer)).toBe(27_000);
    expect(ticksBetween(0, 0, 20_000, timer)).toBe(1);
    expect(ticksBetween(0, 16_000, 20_000, timer)).toBe(0);
    expect(ticksBetween(0, 0, 35_000, timer)).toBe(3);
  });

  it('NanoMQ closes a silent connection at a tick once ticks x 10 s exceed 1.25 x Keep Alive, Keep Alive 0 too', () => {
    const nano = { ...NANOMQ_0_23_2 };
    // Keep Alive 10: 12.5 s of grace; ticks after the packet at 0: 15 (1), 25 (10 s, not > 12.5), 35.
    expect(keepAliveDeadline(0, 12_500, 10, nano, { t0Phase: 0 }, 0)).toBe(35_000);
    expect(keepAliveDeadline(0, 0, 0, nano, { t0Phase: 0 }, 0)).toBe(25_000);
    // A PINGREQ at 20 resets the count: ticks 25 (1), 35 (2), 45 (3) -> closed at 45.
    expect(keepAliveDeadline(20_000, 12_500, 10, nano, { t0Phase: 0 }, 0)).toBe(45_000);
    expect(latestClose(0, nano)).toBe(25);
    expect(latestClose(10, nano)).toBe(35);
  });

  it("NanoMQ closes a cached session at the old connection's ticks (0.23.2: never for Session Expiry 0; 0.23.3: next tick)", () => {
    const s = { v: 5 as const, connectedAt: 0, lastRecvAt: 0, willConnectedAt: 0 };
    // Dropped at 5 with Session Expiry 12, no Will Delay property: 15 (10 s), 25 (20 s > 12).
    expect(cachedSessionClose({ ...s, sei: 12, closedAt: 5000, willDelay: null }, timer, false)).toBe(25_000);
    // A Will Delay property of 0: CONNECT + 0 has passed at the first tick.
    expect(cachedSessionClose({ ...s, sei: 12, closedAt: 5000, willDelay: 0 }, timer, false)).toBe(15_000);
    // Will Delay 22: the first tick after CONNECT + 22 is 25.
    expect(cachedSessionClose({ ...s, sei: 0, closedAt: 5000, willDelay: 22 }, timer, false)).toBe(25_000);
    expect(cachedSessionClose({ ...s, sei: 0, closedAt: 5000, willDelay: null }, timer, false)).toBeNull();
    expect(cachedSessionClose({ ...s, sei: 0, closedAt: 20_000, willDelay: null }, timer, true)).toBe(25_000);
    // 3.1.1 has no Session Expiry: 0 (0.23.3 closes it at the next tick too).
    expect(cachedSessionClose({ ...s, v: 4, sei: 4294967295, closedAt: 5000, willDelay: null }, timer, true)).toBe(
      15_000,
    );
  });
});
