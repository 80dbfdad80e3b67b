import { describe, it } from 'vitest';
import { sim } from '../../test/driver';
import { SEI_NEVER } from '../types';

// 5.0 §3.1.2.11.2, [MQTT-3.1.2-4..6], [MQTT-3.2.2-2/3], [MQTT-4.1.0-2]: Clean Start decides whether a
// stored session is resumed; Session Expiry decides how long it outlives the connection.
describe('Session Present and Session Expiry (5.0)', () => {
  it('Clean Start 0 with no Session Expiry is not a persistent session (ambiguity A12)', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: null })
      .at(2000)
      .drop('dev')
      .at(7000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 2000 })
      .expectSessionPresent('dev', [false, false]);
  });

  it('a session survives until its Session Expiry, and not after', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 60, will: null })
      .at(1000)
      .drop('dev')
      .at(60_000)
      .reconnect('dev', { cleanStart: false })
      .at(61_000)
      .drop('dev')
      .at(200_000)
      .reconnect('dev', { cleanStart: false })
      .expectSessionPresent('dev', [false, true, false]);
  });

  it('expiry at the very millisecond of a reconnect: the session has ended (deadlines fire first)', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 10, will: null })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .reconnect('dev', { cleanStart: false })
      .expectSessionPresent('dev', [false, false]);
  });

  it('Clean Start 1 with Session Expiry > 0 keeps the session after the close (Clean Start only affects the start)', () => {
    sim()
      .client('dev', { cleanStart: true, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev')
      .expectSessionPresent('dev', [false, true]);
  });

  it('Session Expiry 0xFFFFFFFF never expires', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: SEI_NEVER, will: { delay: 60 } })
      .at(1000)
      .drop('dev')
      .at(31_536_001_000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 61_000 })
      .expectSessionPresent('dev', [false, true]);
  });

  it('the broker may grant a shorter Session Expiry in CONNACK, and that value governs', () => {
    sim({ broker: { maxSessionExpiry: 60 } })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 120 } })
      .at(0)
      .drop('dev')
      .at(100_000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 60_000 })
      .expectSessionPresent('dev', [false, false]);
  });

  it('the latest Session Expiry applies: a resume with Session Expiry 0 ends the session at the next close', () => {
    sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 0 } })
      .at(1000)
      .drop('dev')
      .at(11_000)
      .reconnect('dev', { cleanStart: false, sessionExpiry: 0, will: { delay: 30, payload: 'second' } })
      .at(21_000)
      .disconnect('dev', 0x04)
      .at(25_000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 1000, conn: 1 })
      .expectWill('dev', { at: 21_000, conn: 2 })
      .expectSessionPresent('dev', [false, true, false]);
  });

  it('an empty Client Identifier gets one assigned from the seeded generator', () => {
    const d = sim()
      .client('dev', { clientId: '', sessionExpiry: 0 })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000 });
    const assigned = d.trace.find((e) => e.kind === 'note' && e.why.code === 'conn.clientIdAssigned');
    if (assigned?.kind !== 'note') throw new Error('no Client Identifier assigned');
    const again = sim()
      .client('dev', { clientId: '', sessionExpiry: 0 })
      .trace.find((e) => e.kind === 'note');
    if (again?.kind !== 'note') throw new Error('no Client Identifier assigned');
    // Same seed, same identifier.
    if (again.why.params?.clientId !== assigned.why.params?.clientId)
      throw new Error('assigned ids differ between identical runs');
  });
});
