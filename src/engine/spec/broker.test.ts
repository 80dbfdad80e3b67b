import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';

describe('broker actions', () => {
  it('an administrative kick sends DISCONNECT 0x98 and publishes the will (§3.1.2.5)', () => {
    sim()
      .client('dev', { sessionExpiry: 0 })
      .at(2000)
      .kick('dev')
      .expectWill('dev', { at: 2000 })
      .expectServerDisconnects('dev', [0x98]);
  });

  it('a volatile restart closes every connection (0x8B), loses sessions and publishes pending wills', () => {
    const d = sim()
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 60 } })
      .client('dev2', { cleanStart: false, sessionExpiry: 300, will: { delay: 60 } })
      .at(1000)
      .drop('dev2')
      .at(5000)
      .restart()
      .at(6000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 5000 })
      .expectWill('dev2', { at: 5000 })
      .expectServerDisconnects('dev', [0x8b])
      .expectSessionPresent('dev', [false, false]);
    expect(d.trace.some((e) => e.kind === 'note' && e.why.code === 'broker.restarted')).toBe(true);
  });

  it('a persistent restart keeps sessions and retained messages; delayed wills keep their time', () => {
    const d = sim({ broker: { persistence: 'persist' } })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 60, retain: true } })
      .at(5000)
      .restart()
      .at(6000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev')
      .expectSessionPresent('dev', [false, true]);
    expect(d.closeOf('dev')?.cause).toBe('shutdown');
    const d2 = sim({ broker: { persistence: 'persist' } })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 60, retain: true } })
      .at(5000)
      .restart()
      .expectWill('dev', { at: 65_000 });
    expect(d2.retainedAtEnd()).toEqual([{ topic: 'wills/dev', payload: 'dev offline' }]);
  });

  it('the observer reconnects at once after a restart and still sees later wills', () => {
    sim()
      .client('dev', { sessionExpiry: 0 })
      .at(5000)
      .restart()
      .at(6000)
      .reconnect('dev', { will: {} })
      .at(7000)
      .drop('dev')
      .expectWill('dev', { at: 5000, conn: 1 })
      .expectWill('dev', { at: 7000, conn: 2 });
  });

  it('refuses a will above the Maximum QoS (0x9B) and a retained will without Retain Available (0x9A)', () => {
    const q = sim({ broker: { maximumQos: 1 } })
      .client('dev', { sessionExpiry: 0, will: { qos: 2 } })
      .at(1000)
      .drop('dev')
      .expectNoWill('dev');
    const r = sim({ broker: { retainAvailable: false } })
      .client('dev', { sessionExpiry: 0, will: { retain: true } })
      .at(1000)
      .drop('dev')
      .expectNoWill('dev');
    const reason = (d: typeof q) => {
      const c = d.trace.find((e) => e.kind === 'packet' && e.type === 'CONNACK' && e.client === 'dev');
      return c?.kind === 'packet' ? c.detail.reason : undefined;
    };
    expect(reason(q)).toBe(0x9b);
    expect(reason(r)).toBe(0x9a);
  });

  it('steps that do not apply leave a note and change nothing', () => {
    const d = sim()
      .client('dev', { sessionExpiry: 0 })
      .at(1000)
      .drop('dev')
      .at(2000)
      .drop('dev')
      .silence('dev')
      .connect('dev')
      .connect('dev');
    const notes = d.trace.filter((e) => e.kind === 'note').map((e) => (e.kind === 'note' ? e.why.code : ''));
    expect(notes).toEqual(['step.notConnected', 'step.notConnected', 'step.alreadyConnected']);
    d.expectWill('dev', { at: 1000 });
  });
});
