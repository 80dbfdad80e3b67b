import { describe, it } from 'vitest';
import { sim } from '../../test/driver';
import { SEI_NEVER } from '../types';

// MQTT 5.0 §3.1.3.2.2 and [MQTT-3.1.2-8]: the will goes out at min(close + Will Delay, session end),
// unless a new connection to the session arrives first ([MQTT-3.1.3-9]).
describe('Will Delay Interval (5.0)', () => {
  it('publishes at once without a Will Delay', () => {
    sim()
      .client('dev', { sessionExpiry: 300, will: { delay: 0 } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000 });
  });

  it('waits for the Will Delay when it is shorter than the Session Expiry', () => {
    sim()
      .client('dev', { sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 31_000 })
      .expectFate('dev', 'published', { code: 'will.published.delayElapsed' });
  });

  it('is cut short by the end of the session when Session Expiry is shorter (the "session expired" recipe)', () => {
    sim()
      .client('dev', { sessionExpiry: 10, will: { delay: 60 } })
      .at(1000)
      .disconnect('dev', 0x04)
      .expectWill('dev', { at: 11_000 })
      .expectFate('dev', 'published', { code: 'will.published.sessionExpired' });
  });

  it('is irrelevant with Session Expiry 0: the session ends at the close', () => {
    sim()
      .client('dev', { sessionExpiry: 0, will: { delay: 30 } })
      .at(10_000)
      .drop('dev')
      .expectWill('dev', { at: 10_000 })
      .expectFate('dev', 'published', { code: 'will.published.sessionEndsAtClose' });
  });

  it('treats an absent Session Expiry as 0', () => {
    sim()
      .client('dev', { sessionExpiry: null, will: { delay: 30 } })
      .at(2000)
      .drop('dev')
      .expectWill('dev', { at: 2000 });
  });

  it('counts from the close, not from CONNECT', () => {
    sim()
      .client('dev', { sessionExpiry: SEI_NEVER, will: { delay: 5 } })
      .at(100_000)
      .drop('dev')
      .expectWill('dev', { at: 105_000 });
  });

  it('is cancelled by a Clean Start 0 reconnect within the delay', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev')
      .expectFate('dev', 'cancelled', { code: 'will.cancelled.resumed', at: 11_000 })
      .expectSessionPresent('dev', [false, true]);
  });

  it('is published at once by a Clean Start 1 reconnect within the delay (ambiguity A1)', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .reconnect('dev', { cleanStart: true })
      .expectWill('dev', { at: 11_000 })
      .expectFate('dev', 'published', { code: 'will.published.cleanStart' })
      .expectSessionPresent('dev', [false, false]);
  });

  it('is published only once: a reconnect after it was published resumes the session without a new will', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .at(45_000)
      .reconnect('dev', { cleanStart: false })
      .at(50_000)
      .drop('dev')
      .expectWill('dev', { at: 31_000 })
      .expectSessionPresent('dev', [false, true]);
  });

  it('a resuming connection brings its own will, which follows its own delay', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .reconnect('dev', { cleanStart: false, will: { delay: 0, payload: 'second' } })
      .at(21_000)
      .drop('dev')
      .expectWill('dev', { at: 21_000, conn: 2 })
      .expectFate('dev', 'cancelled', { conn: 1 });
  });

  it('is not cancelled by a refused CONNECT for the same Client Identifier (ambiguity A3)', () => {
    // The reconnect carries a QoS 2 will the broker cannot take (Maximum QoS 1): CONNACK 0x9B.
    sim({ broker: { maximumQos: 1 } })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(0)
      .drop('dev')
      .at(10_000)
      .reconnect('dev', { cleanStart: false, will: { qos: 2 } })
      .expectWill('dev', { at: 30_000, conn: 1 });
  });
});
