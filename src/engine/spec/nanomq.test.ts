import { describe, expect, it } from 'vitest';
import { type DriverOptions, sim } from '../../test/driver';

// The NanoMQ profiles (docs/nanomq.md): measured against NanoMQ 0.23.2 and 0.23.3 built from source
// (golden/nanomq-*), each departure cited in the trace. Times: NanoMQ's timer of each connection
// ticks 15 s after its CONNECT, then every 10 s.
describe('nanomq-0.23.2 profile', () => {
  const nano = (o: DriverOptions = {}) => sim({ profile: 'nanomq-0.23.2', ...o });

  it('withholds the will of a Clean Start 0 client with Session Expiry 0 that drops (nanomq#1989)', () => {
    const d = nano()
      .client('dev', { cleanStart: false, sessionExpiry: 0, will: { delay: null } })
      .at(5000)
      .drop('dev')
      .until(3_600_000)
      .expectNoWill('dev');
    const f = d.fate('dev');
    expect(f?.fate).toBe('withheld');
    expect(f?.why?.deviation?.source).toContain('nanomq#1989');
    // The spec publishes it at the drop.
    sim().client('dev', { cleanStart: false, sessionExpiry: 0 }).at(5000).drop('dev').expectWill('dev', { at: 5000 });
  });

  it('the cached session is resumed by a Clean Start 0 reconnect (Session Present 1, contrary to the spec)', () => {
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 0 })
      .at(5000)
      .drop('dev')
      .at(10_000)
      .reconnect('dev', { cleanStart: false })
      .expectSessionPresent('dev', [false, true])
      .expectNoWill('dev');
  });

  it('publishes normally for Clean Start 1, ignoring the Will Delay', () => {
    nano()
      .client('dev', { cleanStart: true, sessionExpiry: 300, will: { delay: 30 } })
      .at(5000)
      .drop('dev')
      .expectWill('dev', { at: 5000 });
  });

  it('deletes the will on DISCONNECT 0x04 (every DISCONNECT deletes it)', () => {
    const d = nano().client('dev', { sessionExpiry: 0 }).at(2000).disconnect('dev', 0x04).expectNoWill('dev');
    expect(d.fate('dev')?.why?.code).toBe('will.deleted.quirkAnyDisconnect');
  });

  it('closes a silent client at a tick of its timer once 10 s x ticks exceed 1.25 x Keep Alive, Keep Alive 0 too', () => {
    // Keep Alive 10, last packet the CONNECT at 0: ticks at 15 (1 tick), 25 (10 s > 12.5? no), 35 (20 s > 12.5).
    nano()
      .client('dev', { keepAlive: 10, sessionExpiry: 0 })
      .at(1000)
      .silence('dev')
      .until(60_000)
      .expectClosed('dev', { at: 35_000 });
    // Keep Alive 0 (the spec: never closed): the second tick, 25 s after the CONNECT.
    const d = nano()
      .client('dev', { keepAlive: 0, sessionExpiry: 0 })
      .until(60_000)
      .expectClosed('dev', { at: 25_000 });
    expect(
      d.trace.some((e) => e.kind === 'connection' && e.why?.deviation?.source.includes('nano_pipe_timer_cb')),
    ).toBe(true);
    sim().client('dev', { keepAlive: 0, sessionExpiry: 0 }).until(60_000).expectNoWill('dev');
  });

  it('delivers a retained will with RETAIN 1 but does not store it (nanomq#2012)', () => {
    const d = nano()
      .client('dev', { sessionExpiry: 0, will: { retain: true } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000, retain: true });
    expect(d.retainedAtEnd()).toEqual([]);
  });

  it("closes a cached session at its connection's ticks: Session Expiry counted in ticks, Will Delay from CONNECT", () => {
    // Dropped at 5 s with Session Expiry 12 and no Will Delay property: ticks 15 (10 s), 25 (20 s > 12).
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 12, will: { delay: null } })
      .at(5000)
      .drop('dev')
      .expectWill('dev', { at: 25_000 });
    // A Will Delay property of 0 is a deadline of CONNECT + 0: passed at the first tick.
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 12, will: { delay: 0 } })
      .at(5000)
      .drop('dev')
      .expectWill('dev', { at: 15_000 });
  });

  it('counts the Will Delay from CONNECT: a long-connected client gets no delay (next tick)', () => {
    nano()
      .client('dev', { cleanStart: false, sessionExpiry: 600, will: { delay: 30 } })
      .at(100_000)
      .drop('dev')
      .expectWill('dev', { at: 105_000 });
  });

  it('caches the old session at a takeover: Clean Start 0 resumes it (no will), Clean Start 1 publishes the will', () => {
    nano({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 0, will: { delay: null } })
      .client('dev2', { clientId: 'dev', cleanStart: false, will: null })
      .connect('dev')
      .at(3000)
      .takeover('dev2', 'dev')
      .expectNoWill('dev')
      .expectSessionPresent('dev2', [true]);
    nano({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 0, will: { delay: null } })
      .client('dev2', { clientId: 'dev', cleanStart: true, will: null })
      .connect('dev')
      .at(3000)
      .takeover('dev2', 'dev')
      .expectWill('dev', { at: 3000 });
    // An administrative kick publishes it (maintainer in nanomq#1989; not measured: a kick cannot be played).
    nano().client('dev', { cleanStart: false, sessionExpiry: 0 }).at(3000).kick('dev').expectWill('dev', { at: 3000 });
  });
});

describe('nanomq-0.23.3 profile', () => {
  const nano3 = (o: DriverOptions = {}) => sim({ profile: 'nanomq-0.23.3', ...o });

  it('publishes the will of a dropped Clean Start 0 / Session Expiry 0 client at the next tick (NanoNNG 9551ebe)', () => {
    // Dropped at 20 s: the connection's ticks are at 15, 25 ...: the will goes out at 25 s.
    const d = nano3()
      .client('dev', { cleanStart: false, sessionExpiry: 0, will: { delay: null } })
      .at(20_000)
      .drop('dev')
      .expectWill('dev', { at: 25_000 });
    expect(d.fate('dev')?.why?.deviation?.source).toContain('9551ebe');
    // 0.23.2 never publishes it.
    sim({ profile: 'nanomq-0.23.2' })
      .client('dev', { cleanStart: false, sessionExpiry: 0, will: { delay: null } })
      .at(20_000)
      .drop('dev')
      .until(600_000)
      .expectNoWill('dev');
  });
});
