import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';

// 3.1.1 [MQTT-3.1.2-8]: the will is tied to the Network Connection; CleanSession never delays it.
describe('MQTT 3.1.1', () => {
  it('CleanSession 0 does not delay the will; the session is still resumed a day later', () => {
    sim({ protocol: 4 })
      .client('dev', { cleanStart: false })
      .at(1000)
      .drop('dev')
      .at(86_401_000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 1000 })
      .expectFate('dev', 'published', { code: 'will.published.v4Closed' })
      .expectSessionPresent('dev', [false, true]);
  });

  it('CleanSession 1: will at the drop, no session on reconnect', () => {
    sim({ protocol: 4 })
      .client('dev', { cleanStart: true })
      .at(1000)
      .drop('dev')
      .at(6000)
      .reconnect('dev', { cleanStart: true })
      .expectWill('dev', { at: 1000 })
      .expectSessionPresent('dev', [false, false]);
  });

  it('ignores Will Delay and Session Expiry fields (they do not exist in 3.1.1)', () => {
    sim({ protocol: 4 })
      .client('dev', { cleanStart: false, sessionExpiry: 300, will: { delay: 30 } })
      .at(1000)
      .drop('dev')
      .expectWill('dev', { at: 1000 });
  });

  it('a protocol error (second CONNECT) publishes the will', () => {
    sim({ protocol: 4 }).client('dev', { cleanStart: false }).at(1000).protoerr('dev').expectWill('dev', { at: 1000 });
  });

  it('a zero-length Client Identifier with CleanSession 0 is refused (0x02): no will is ever stored', () => {
    const d = sim({ protocol: 4 })
      .client('dev', { clientId: '', cleanStart: false })
      .at(1000)
      .drop('dev')
      .expectNoWill('dev');
    expect(d.fate('dev')).toBeUndefined();
    const connack = d.trace.find((e) => e.kind === 'packet' && e.type === 'CONNACK' && e.client === 'dev');
    expect(connack?.kind === 'packet' ? connack.detail.reason : undefined).toBe(0x02);
  });
});
