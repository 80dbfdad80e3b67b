import { describe, expect, it } from 'vitest';
import { realBrokerEn } from '../i18n/realbroker';
import { loadDocument } from '../scenario/load';
import { encode, type Packet, packetReader } from './codec';
import { OBSERVER_KEEP_ALIVE_S, playScenario } from './player';
import type { Dial, Transport } from './transport';

/**
 * A broker in memory, just enough for the player: CONNACK, SUBACK, PINGRESP. `closeObserverAfterMs`
 * makes it close the observer's connection, as NanoMQ does with a Keep Alive 0 connection.
 */
function fakeBroker(o: { closeObserverAfterMs?: number } = {}) {
  const seen: { clientId: string; keepAlive: number }[] = [];
  const dial: Dial = async () => {
    let onData: (b: Uint8Array) => void = () => {};
    let onClose: () => void = () => {};
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      setTimeout(onClose, 0);
    };
    const reply = (p: Packet) => {
      if (open) setTimeout(() => onData(encode(p, 5)), 0);
    };
    const read = packetReader(
      5,
      (p) => {
        if (p.cmd === 'connect') {
          seen.push({ clientId: p.clientId, keepAlive: p.keepalive ?? 0 });
          reply({ cmd: 'connack', sessionPresent: false, reasonCode: 0 } as Packet);
          if (p.clientId.endsWith('observer') && o.closeObserverAfterMs !== undefined)
            setTimeout(close, o.closeObserverAfterMs);
        } else if (p.cmd === 'subscribe')
          reply({ cmd: 'suback', messageId: p.messageId, granted: p.subscriptions.map(() => 0) } as Packet);
        else if (p.cmd === 'pingreq') reply({ cmd: 'pingresp' });
        else if (p.cmd === 'disconnect') close();
      },
      () => {},
    );
    const t: Transport = {
      canReset: false,
      send: (bytes) => {
        if (open) read(bytes);
      },
      end: close,
      reset: close,
      destroy: close,
      onData: (cb) => {
        onData = cb;
      },
      onClose: (cb) => {
        onClose = cb;
      },
    };
    return t;
  };
  return { dial, seen };
}

const scenario = () => {
  const doc = loadDocument({
    id: 'fake',
    title: 'one client, one second',
    protocol: 5,
    clients: [
      {
        name: 'dev',
        clientId: 'fake.dev',
        cleanStart: true,
        keepAlive: 60,
        will: { topic: 't/dev', payload: 'dev#1', qos: 1, retain: false },
      },
    ],
    steps: [{ t: 0, client: 'dev', action: 'connect' }],
    end: 1,
    observed: {
      wills: [],
      sessionPresent: [],
      disconnectReasons: [],
      retainedAfter: { t: 1, messages: [] },
    },
  });
  if (!doc.ok || doc.value.kind !== 'cases') throw new Error('the test case does not load');
  return (doc.value.cases[0] as { scenario: Parameters<typeof playScenario>[0] }).scenario;
};

describe('the real-broker player', () => {
  it('keeps the observer alive: it connects with a Keep Alive and no problem is reported', async () => {
    const b = fakeBroker();
    const rec = await playScenario(scenario(), { dial: b.dial, idPrefix: 'p1-', ackTimeoutMs: 500 });
    expect(rec.problems).toEqual([]);
    expect(b.seen.find((c) => c.clientId === 'p1-observer')?.keepAlive).toBe(OBSERVER_KEEP_ALIVE_S);
  });

  it('reports a broker that closes the observer mid-case instead of recording "no will"', async () => {
    const b = fakeBroker({ closeObserverAfterMs: 200 });
    const rec = await playScenario(scenario(), { dial: b.dial, idPrefix: 'p2-', ackTimeoutMs: 500 });
    expect(rec.problems.map((p) => realBrokerEn.problem(p)).join('\n')).toMatch(
      /the broker closed the observer's connection at .* s/,
    );
  });
});
