import { describe, expect, it } from 'vitest';
import { sim } from '../../test/driver';

// Mosquitto 2.0.11 at a stop (SIGTERM), with persistence: src/mosquitto.c main() calls
// context__send_will for every client, connected ones included, then will_delay__send_all, so every
// will goes out at the stop (recordings: golden/mosquitto-2.0.11, m20-restart-persist-connected-*).
const persist = { broker: { persistence: 'persist' as const } };

describe('mosquitto-2.0: a persistent restart publishes the will of every connected client', () => {
  it.each([
    [5, false, 0],
    [5, false, 3],
    [5, true, 0],
    [5, true, 3],
  ] as const)('MQTT v%i, Clean Start %s, Will Delay %i s: the will goes out at the stop', (_v, cs, wd) => {
    const d = sim({ ...persist, profile: 'mosquitto-2.0' })
      .client('dev', { cleanStart: cs, sessionExpiry: 60, will: { delay: wd } })
      .at(1000)
      .restart()
      .at(2000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 1000 });
    // Persistence keeps only Clean Start 0 sessions (row 13 of docs/mosquitto-2.0.md).
    d.expectSessionPresent('dev', [false, !cs]);
    if (wd > 0) expect(d.fate('dev')?.why?.code).toBe('will.published.flushedAtShutdown');
  });

  it.each([false, true])('3.1.1, CleanSession %s: the will goes out at the stop', (cs) => {
    sim({ ...persist, protocol: 4, profile: 'mosquitto-2.0' })
      .client('dev', { cleanStart: cs })
      .at(1000)
      .restart()
      .at(2000)
      .reconnect('dev', { cleanStart: false })
      .expectWill('dev', { at: 1000 })
      .expectSessionPresent('dev', [false, !cs]);
  });

  it('under the spec a connected client with a Will Delay keeps its session and the reconnect cancels the will', () => {
    sim(persist)
      .client('dev', { cleanStart: false, sessionExpiry: 60, will: { delay: 3 } })
      .at(1000)
      .restart()
      .at(2000)
      .reconnect('dev', { cleanStart: false })
      .expectNoWill('dev')
      .expectSessionPresent('dev', [false, true]);
  });
});
