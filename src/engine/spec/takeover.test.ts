import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';

// 5.0 [MQTT-3.1.4-3]: the existing connection gets DISCONNECT 0x8E and is closed; its will follows
// §3.1.2.5 (non-normative notes in §3.1.3.2.2 and §3.1.4). 3.1.1 [MQTT-3.1.4-2] + [MQTT-3.1.2-8].
describe('session takeover (5.0)', () => {
  it('Will Delay 0: the old will goes out at the takeover, before the new CONNACK (ambiguity A2)', () => {
    const t = sim({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 0 } })
      .client('dev2', { clientId: 'dev', cleanStart: false, sessionExpiry: 300, will: null })
      .connect('dev')
      .at(5000)
      .takeover('dev2', 'dev', false)
      .expectWill('dev', { at: 5000 })
      .expectServerDisconnects('dev', [0x8e])
      .expectSessionPresent('dev2', [true]);
    const order = t.trace.filter(
      (e) =>
        (e.kind === 'will' && e.op === 'published') ||
        (e.kind === 'packet' && e.type === 'CONNACK' && e.client === 'dev2'),
    );
    expect(order.map((e) => e.kind)).toEqual(['will', 'packet']);
  });

  it('Will Delay > 0 and Clean Start 0: the will is cancelled', () => {
    sim({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .client('dev2', { clientId: 'dev', cleanStart: false, sessionExpiry: 300, will: null })
      .connect('dev')
      .at(1000)
      .takeover('dev2', 'dev')
      .until(60_000)
      .expectNoWill('dev')
      .expectFate('dev', 'cancelled');
  });

  it('Will Delay > 0 and Clean Start 1: the old session ends, the will goes out at once', () => {
    sim({ autoConnect: false })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .client('dev2', { clientId: 'dev', cleanStart: true, sessionExpiry: 300, will: null })
      .connect('dev')
      .at(1000)
      .takeover('dev2', 'dev')
      .expectWill('dev', { at: 1000 })
      .expectSessionPresent('dev2', [false]);
  });

  it('old Session Expiry 0: the old session ends at the takeover, so even a delayed will goes out (EMQX #18565)', () => {
    sim({ autoConnect: false })
      .client('dev', { cleanStart: true, sessionExpiry: 0, will: { delay: 30 } })
      .client('dev2', { clientId: 'dev', cleanStart: false, sessionExpiry: 300, will: null })
      .connect('dev')
      .at(1000)
      .takeover('dev2', 'dev')
      .expectWill('dev', { at: 1000 })
      .expectSessionPresent('dev2', [false]);
  });

  it('a chain of takeovers publishes each will once', () => {
    sim({ autoConnect: false })
      .client('a', { clientId: 'x', cleanStart: false, sessionExpiry: 300, will: { delay: 0 } })
      .client('b', { clientId: 'x', cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .client('c', { clientId: 'x', cleanStart: true, sessionExpiry: 0, will: null })
      .connect('a')
      .at(5000)
      .takeover('b', 'a', false)
      .at(10_000)
      .takeover('c', 'b', true)
      .at(15_000)
      .drop('c')
      .expectWill('a', { at: 5000 })
      .expectWill('b', { at: 10_000 })
      .expectServerDisconnects('a', [0x8e])
      .expectServerDisconnects('b', [0x8e]);
  });
});

describe('session takeover (3.1.1)', () => {
  it('publishes the old will and sends no DISCONNECT (ambiguity A11)', () => {
    sim({ protocol: 4, autoConnect: false })
      .client('dev', { cleanStart: false })
      .client('dev2', { clientId: 'dev', cleanStart: false, will: null })
      .connect('dev')
      .at(5000)
      .takeover('dev2', 'dev')
      .expectWill('dev', { at: 5000 })
      .expectServerDisconnects('dev', [])
      .expectSessionPresent('dev2', [true]);
  });
});
