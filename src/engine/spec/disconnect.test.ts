import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';

// 5.0 [MQTT-3.1.2-10], [MQTT-3.14.4-3]: only a client DISCONNECT with Reason Code 0x00 deletes the
// will. 0x04 asks for it; error codes, reserved codes and server-initiated closes publish it.
describe('DISCONNECT reason codes (5.0)', () => {
  it('0x00 deletes the will', () => {
    sim()
      .client('dev', { sessionExpiry: 0 })
      .at(3000)
      .disconnect('dev', 0x00)
      .expectNoWill('dev')
      .expectFate('dev', 'deleted', { code: 'will.deleted.normalDisconnect', at: 3000 });
  });

  it('0x04 (Disconnect with Will Message) publishes it', () => {
    sim().client('dev', { sessionExpiry: 0 }).at(3000).disconnect('dev', 0x04).expectWill('dev', { at: 3000 });
  });

  it('0x04 still honours the Will Delay, and a resuming reconnect still cancels it', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .disconnect('dev', 0x04)
      .at(11_000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev');
  });

  it.each([0x80, 0x81, 0x95])('error code 0x%s publishes the will', (code) => {
    sim().client('dev', { sessionExpiry: 0 }).at(2000).disconnect('dev', code).expectWill('dev', { at: 2000 });
  });

  it('a reserved code (0xFF) makes the packet malformed: the will is published', () => {
    const d = sim()
      .client('dev', { sessionExpiry: 0 })
      .at(2000)
      .disconnect('dev', 0xff)
      .expectWill('dev', { at: 2000 });
    expect(d.closeOf('dev')?.cause).toBe('malformed');
  });

  it('a DISCONNECT that sets Session Expiry 0 ends the session at close and cuts the delay short', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 60 } })
      .at(5000)
      .disconnect('dev', 0x04, { sessionExpiry: 0 })
      .at(10_000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 5000 })
      .expectSessionPresent('dev', [false, false]);
  });

  it('a DISCONNECT 0x00 that extends Session Expiry keeps the session longer', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 60, will: { delay: 0 } })
      .at(5000)
      .disconnect('dev', 0x00, { sessionExpiry: 3600 })
      .at(600_000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev')
      .expectSessionPresent('dev', [false, true]);
  });

  it('raising Session Expiry from 0 is a Protocol Error: DISCONNECT 0x82 from the broker, will published', () => {
    sim()
      .client('dev', { sessionExpiry: 0 })
      .at(5000)
      .disconnect('dev', 0x00, { sessionExpiry: 600 })
      .at(10_000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 5000 })
      .expectServerDisconnects('dev', [0x82])
      .expectSessionPresent('dev', [false, false]);
  });

  it('absent Session Expiry counts as 0 for that rule (ambiguity A4)', () => {
    sim()
      .client('dev', { sessionExpiry: null })
      .at(5000)
      .disconnect('dev', 0x00, { sessionExpiry: 600 })
      .expectWill('dev', { at: 5000 });
  });
});

describe('DISCONNECT (3.1.1)', () => {
  it('any DISCONNECT deletes the will', () => {
    sim({ protocol: 4 }).client('dev', { cleanStart: false }).at(2000).disconnect('dev').expectNoWill('dev');
  });

  it('a PUBLISH then DISCONNECT then close: no will, the session stays (spec row 47)', () => {
    sim({ protocol: 4 })
      .client('dev', { cleanStart: false })
      .at(2000)
      .publish('dev', 'data', 'last', { qos: 1 })
      .disconnect('dev')
      .at(4000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev')
      .expectSessionPresent('dev', [false, true]);
  });
});

// 5.0 §3.14.2.2.2: "If the Session Expiry Interval is absent, the Session Expiry Interval in the
// CONNECT packet is used"; raising it from the CONNECT packet's 0 is a Protocol Error.
describe('Session Expiry at DISCONNECT (5.0 §3.14.2.2.2)', () => {
  it('a DISCONNECT without Session Expiry keeps the CONNECT value: the will waits its delay', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(5000)
      .disconnect('dev', 0x04, { sessionExpiry: null })
      .expectWill('dev', { at: 35_000 });
  });

  it('a DISCONNECT without Session Expiry keeps the session for a Clean Start 0 reconnect', () => {
    const d = sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(5000)
      .disconnect('dev', 0x04, { sessionExpiry: null })
      .at(10_000)
      .reconnect('dev', { cleanStart: false })
      .expectSessionPresent('dev', [false, true])
      .expectNoWill('dev');
    expect(d.trace.some((e) => e.kind === 'note' && e.why.code === 'session.expiryChanged')).toBe(false);
  });

  it('"raised from 0" compares with the CONNECT packet, not the value the broker maximum put in force', () => {
    sim({ broker: { maxSessionExpiry: 0 } })
      .client('dev', { sessionExpiry: 300 })
      .at(5000)
      .disconnect('dev', 0x00, { sessionExpiry: 300 })
      .expectServerDisconnects('dev', [])
      .expectNoWill('dev')
      .expectFate('dev', 'deleted', { code: 'will.deleted.normalDisconnect' });
  });

  it('an absent CONNECT Session Expiry counts as 0: raising it at DISCONNECT is answered with 0x82', () => {
    sim()
      .client('dev', { sessionExpiry: null })
      .at(5000)
      .disconnect('dev', 0x00, { sessionExpiry: 600 })
      .expectServerDisconnects('dev', [0x82])
      .expectWill('dev', { at: 5000 });
  });
});

// 5.0 §3.2.2.3.4 / §3.2.2.3.5: a PUBLISH the broker said it does not support is a Protocol Error.
describe('PUBLISH against Maximum QoS and Retain Available (5.0)', () => {
  it('QoS above Maximum QoS: DISCONNECT 0x9B, the connection closes, the will goes out, nothing is routed', () => {
    const d = sim({ broker: { maximumQos: 1 } })
      .subscriber('sub', 'data/#')
      .client('dev', { sessionExpiry: 0 })
      .at(5000)
      .publish('dev', 'data/x', 'hello', { qos: 2 })
      .expectServerDisconnects('dev', [0x9b])
      .expectWill('dev', { at: 5000 })
      .expectClosed('dev', { at: 5000, cause: 'protocolError' });
    expect(d.closeOf('dev')?.why.code).toBe('conn.closed.qosNotSupported');
    expect(d.received('sub')).toEqual([]);
  });

  it('RETAIN 1 where Retain Available is 0: DISCONNECT 0x9A and the will goes out', () => {
    const d = sim({ broker: { retainAvailable: false } })
      .client('dev', { sessionExpiry: 0 })
      .at(5000)
      .publish('dev', 'data/x', 'hello', { retain: true })
      .expectServerDisconnects('dev', [0x9a])
      .expectWill('dev', { at: 5000 });
    expect(d.closeOf('dev')?.why.code).toBe('conn.closed.retainNotSupported');
    expect(d.retainedAtEnd()).toEqual([]);
  });

  it('3.1.1 has no Maximum QoS to announce: the PUBLISH is routed', () => {
    sim({ protocol: 4, broker: { maximumQos: 1 } })
      .client('dev')
      .at(5000)
      .publish('dev', 'data/x', 'hello', { qos: 2 })
      .expectServerDisconnects('dev', [])
      .expectNoWill('dev');
  });
});
