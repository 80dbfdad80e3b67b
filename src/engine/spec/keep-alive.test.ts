import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';

// 5.0 [MQTT-3.1.2-22] / 3.1.1 [MQTT-3.1.2-24]: no packet for 1.5 x Keep Alive closes the connection
// "as if the network had failed"; the client pings when it has sent nothing for Keep Alive.
describe('keep-alive', () => {
  it('a silent client is noticed at last packet + 1.5 x Keep Alive', () => {
    sim()
      .client('dev', { keepAlive: 10, sessionExpiry: 0 })
      .at(1000)
      .silence('dev')
      .until(30_000)
      .expectClosed('dev', { at: 15_000, cause: 'keepAlive' })
      .expectWill('dev', { at: 15_000 });
  });

  it('the last packet counts, not the moment the client went silent', () => {
    sim()
      .client('dev', { keepAlive: 10, sessionExpiry: 0 })
      .at(4000)
      .publish('dev', 'data', 'reading')
      .at(4500)
      .silence('dev')
      .until(30_000)
      .expectWill('dev', { at: 19_000 });
  });

  it('a client that is not silent pings every Keep Alive and is never closed', () => {
    const d = sim().client('dev', { keepAlive: 10 }).until(100_000);
    const pings = d.trace
      .filter((e) => e.kind === 'packet' && e.type === 'PINGREQ' && e.client === 'dev')
      .map((e) => e.t);
    expect(pings).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000]);
    expect(d.closeOf('dev')).toBeUndefined();
  });

  it('a publish postpones the next ping', () => {
    const d = sim().client('dev', { keepAlive: 10 }).at(7000).publish('dev', 'x', 'y').until(20_000);
    const pings = d.trace
      .filter((e) => e.kind === 'packet' && e.type === 'PINGREQ' && e.client === 'dev')
      .map((e) => e.t);
    expect(pings).toEqual([17_000]);
  });

  it('Keep Alive 0 turns detection off: a silent client is never noticed', () => {
    sim()
      .client('dev', { keepAlive: 0, sessionExpiry: 0 })
      .at(1000)
      .silence('dev')
      .until(3_600_000)
      .expectNoWill('dev');
  });

  it('uses the Server Keep Alive when the broker sends one (ambiguity A7)', () => {
    sim({ broker: { serverKeepAlive: 20 } })
      .client('dev', { keepAlive: 60, sessionExpiry: 0 })
      .at(1000)
      .silence('dev')
      .until(100_000)
      .expectClosed('dev', { at: 30_000, cause: 'keepAlive' });
  });

  it('a reconnect with afterClose happens that long after the keep-alive close', () => {
    // Closed at 3 s (CONNECT at 0 + 1.5 x 2); the reconnect comes 0.5 s later, before its latest time 4 s.
    const d = sim()
      .client('dev', { keepAlive: 2, sessionExpiry: 4294967295, will: { delay: 3 } })
      .at(500)
      .silence('dev')
      .at(4000)
      .reconnect('dev', { cleanStart: false, afterClose: 0.5 })
      .until(16_000);
    const connect2 = d.trace.find(
      (e) => e.kind === 'packet' && e.type === 'CONNECT' && e.client === 'dev' && e.conn === 2,
    );
    expect(connect2?.t).toBe(3500);
    d.expectNoWill('dev').expectSessionPresent('dev', [false, true]);
  });
});
