import { connect as tcp } from 'node:net';
import * as mqtt from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { startListener } from './listener';

/** The listener tells a FIN from an RST and decodes DISCONNECT, or the presets' claims could not fail. */
async function session(end: 'fin' | 'rst', disconnect: Buffer | null) {
  const l = await startListener();
  try {
    const s = tcp(l.port, '127.0.0.1');
    s.on('error', () => {});
    s.write(
      mqtt.generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 5,
        clientId: 't',
        clean: true,
        keepalive: 0,
      }),
    );
    const conn = await l.first;
    await conn.waitFor('connect');
    if (disconnect) s.write(disconnect);
    if (disconnect) await conn.waitFor('disconnect');
    if (end === 'rst') s.resetAndDestroy();
    else s.end();
    return { close: await conn.closed, packets: conn.packets.map((p) => [p.cmd, p.hex, p.reasonCode]) };
  } finally {
    await l.close();
  }
}

describe('recording listener', () => {
  it('records a 5.0 DISCONNECT 0x04 and a FIN', async () => {
    const r = await session('fin', Buffer.from('e00104', 'hex'));
    expect(r.close).toBe('fin');
    expect(r.packets.at(-1)).toEqual(['disconnect', 'e00104', 4]);
  });

  it('reads a body-less 5.0 DISCONNECT as 0x00', async () => {
    const r = await session('fin', Buffer.from('e000', 'hex'));
    expect(r.packets.at(-1)).toEqual(['disconnect', 'e000', 0]);
  });

  it('tells an RST from a FIN', async () => {
    const r = await session('rst', null);
    expect(r.close).toBe('rst');
    expect(r.packets.map((p) => p[0])).toEqual(['connect']);
  });
});
