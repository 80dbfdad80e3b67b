import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPacket, encode, type Packet, packetReader } from './codec';
import { type EjabberdInstance, findEjabberd, listeningSockets, startEjabberd } from './ejabberd';
import { tcpDial } from './tcp';

/**
 * Our own ejabberd node (src/realbroker/ejabberd.ts): it listens on 127.0.0.1 only, on the
 * mod_mqtt port and the Erlang distribution's port and nothing else (no epmd, no XMPP, no HTTP, no
 * STUN), and mod_mqtt answers a CONNECT with credentials. `.ci/run` installs Debian's ejabberd;
 * without it this test fails and says so.
 */
let node: EjabberdInstance | undefined;

beforeAll(async () => {
  const found = findEjabberd();
  if (!found) throw new Error("Debian's ejabberd is not installed (apt-get install ejabberd); .ci/run installs it");
  node = await startEjabberd({ lib: found.lib, persistence: false });
}, 60_000);
afterAll(async () => {
  await node?.stop();
});

/** The CONNACK's reason code for one CONNECT (5.0), or null if none came. */
async function connackFor(port: number, credentials: { username: string; password: string } | null) {
  const t = await tcpDial('127.0.0.1', port)();
  const got = new Promise<Packet | null>((resolve) => {
    t.onData(packetReader(5, resolve, () => resolve(null)));
    t.onClose(() => resolve(null));
  });
  t.send(
    encode(
      connectPacket({
        clientId: `probe-${credentials ? 'with' : 'without'}`,
        protocol: 5,
        cleanStart: true,
        keepAlive: 0,
        sessionExpiry: null,
        will: null,
        ...(credentials ?? {}),
      }),
      5,
    ),
  );
  const p = await got;
  t.destroy();
  return p?.cmd === 'connack' ? ((p as { reasonCode?: number }).reasonCode ?? 0) : null;
}

describe('our ejabberd node', () => {
  it('listens on 127.0.0.1 only: the mod_mqtt port and the distribution port, no epmd, nothing else', () => {
    const n = node as EjabberdInstance;
    expect(n.distPort).not.toBe(n.port);
    expect(listeningSockets(n.pid() as number)).toEqual(
      [`tcp 127.0.0.1:${n.port}`, `tcp 127.0.0.1:${n.distPort}`].sort(),
    );
  });

  it('accepts a CONNECT with a user name and password (anonymous login), and refuses one without (0x87)', async () => {
    const n = node as EjabberdInstance;
    expect(await connackFor(n.port, { username: 'mwl', password: 'mwl' })).toBe(0);
    // 0x87 Not authorized: with no User Name, mod_mqtt logs in as the Client Identifier with an
    // empty password, which anonymous login refuses (mod_mqtt_session.erl authenticate/2).
    expect(await connackFor(n.port, null)).toBe(0x87);
  });
});
