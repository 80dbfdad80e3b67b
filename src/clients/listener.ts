import { createServer, type Server, type Socket } from 'node:net';
import * as mqtt from 'mqtt-packet';

/**
 * A recording MQTT listener for the client-preset tests (Node only). It binds 127.0.0.1 on a free
 * port, answers just enough for a client to settle (CONNACK, SUBACK, PUBACK/PUBREC/PUBCOMP,
 * PINGRESP), and records every packet a client sends, byte for byte, until the socket closes, and
 * how it closed: a FIN (the peer ended its side) or an RST (ECONNRESET).
 */

export interface RecordedPacket {
  cmd: string;
  /** The whole frame as sent, lower-case hex (fixed header included). */
  hex: string;
  /** DISCONNECT only: the Reason Code (5.0; 0x00 when the packet has no body, [MQTT-3.14.2-1]), null in 3.1.1. */
  reasonCode?: number | null;
}

export type CloseKind = 'fin' | 'rst';

export interface Connection {
  packets: RecordedPacket[];
  /** Protocol level from CONNECT (4 = 3.1.1, 5 = 5.0), once it arrived. */
  protocol: number | null;
  /** Resolves when the socket closed, with how. */
  closed: Promise<CloseKind>;
  /** Resolves once a packet with this command has arrived (or rejects if the socket closes first). */
  waitFor(cmd: string): Promise<RecordedPacket>;
}

export interface Listener {
  port: number;
  /** The first connection (the tests run one client per listener). */
  first: Promise<Connection>;
  close(): Promise<void>;
}

/** Splits complete MQTT frames off the front of `buf`: fixed header, variable-length remaining length. */
function frames(buf: Buffer): { done: Buffer[]; rest: Buffer } {
  const done: Buffer[] = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    let len = 0;
    let mult = 1;
    let i = at + 1;
    let complete = false;
    for (; i < buf.length && i < at + 5; i++) {
      const b = buf[i] as number;
      len += (b & 0x7f) * mult;
      mult *= 128;
      if ((b & 0x80) === 0) {
        complete = true;
        i++;
        break;
      }
    }
    if (!complete || buf.length < i + len) break;
    done.push(buf.subarray(at, i + len));
    at = i + len;
  }
  return { done, rest: buf.subarray(at) };
}

function parseOne(frame: Buffer, protocolVersion: number): mqtt.Packet {
  const parser = mqtt.parser({ protocolVersion });
  let out: mqtt.Packet | null = null;
  let error: Error | null = null;
  parser.on('packet', (p) => {
    out = p;
  });
  parser.on('error', (e) => {
    error = e;
  });
  parser.parse(frame);
  if (out === null) throw error ?? new Error(`listener: could not parse frame ${frame.toString('hex')}`);
  return out;
}

function record(socket: Socket): Connection {
  const packets: RecordedPacket[] = [];
  const waiters: { cmd: string; resolve: (p: RecordedPacket) => void; reject: (e: Error) => void }[] = [];
  let protocol: number | null = null;
  let pending = Buffer.alloc(0);
  let sawReset = false;
  const conn: Connection = {
    packets,
    get protocol() {
      return protocol;
    },
    closed: new Promise<CloseKind>((resolve) => {
      socket.on('close', () => {
        resolve(sawReset ? 'rst' : 'fin');
        for (const w of waiters.splice(0))
          w.reject(new Error(`listener: socket closed before ${w.cmd}; got ${packets.map((p) => p.cmd).join(', ')}`));
      });
    }),
    waitFor(cmd) {
      const hit = packets.find((p) => p.cmd === cmd);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => waiters.push({ cmd, resolve, reject }));
    },
  };
  const send = (p: mqtt.Packet) => socket.write(mqtt.generate(p, { protocolVersion: protocol ?? 4 }));
  socket.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'ECONNRESET') sawReset = true;
  });
  socket.on('data', (chunk: Buffer) => {
    const { done, rest } = frames(Buffer.concat([pending, chunk]));
    pending = Buffer.from(rest);
    for (const frame of done) {
      const packet = parseOne(frame, protocol ?? 4);
      const rec: RecordedPacket = { cmd: packet.cmd, hex: frame.toString('hex') };
      if (packet.cmd === 'connect') protocol = packet.protocolVersion ?? 4;
      // 5.0 §3.14.2.1: a DISCONNECT without a body means Reason Code 0x00; 3.1.1 has none.
      if (packet.cmd === 'disconnect')
        rec.reasonCode = protocol === 5 ? (frame.length > 2 ? (frame[2] as number) : 0) : null;
      packets.push(rec);
      for (let i = waiters.length - 1; i >= 0; i--)
        if (waiters[i]?.cmd === rec.cmd) waiters.splice(i, 1)[0]?.resolve(rec);
      answer(packet);
    }
  });
  function answer(p: mqtt.Packet) {
    switch (p.cmd) {
      case 'connect':
        if (protocol === 5) send({ cmd: 'connack', sessionPresent: false, reasonCode: 0 });
        else send({ cmd: 'connack', sessionPresent: false, returnCode: 0 });
        break;
      case 'subscribe':
        send({ cmd: 'suback', messageId: p.messageId, granted: p.subscriptions.map((s) => s.qos) });
        break;
      case 'publish':
        if (p.qos === 1) send({ cmd: 'puback', messageId: p.messageId });
        if (p.qos === 2) send({ cmd: 'pubrec', messageId: p.messageId });
        break;
      case 'pubrel':
        send({ cmd: 'pubcomp', messageId: p.messageId });
        break;
      case 'pingreq':
        send({ cmd: 'pingresp' });
        break;
      default:
        break;
    }
  }
  return conn;
}

/** Starts a listener on 127.0.0.1 and a free port (the OS picks it). */
export function startListener(): Promise<Listener> {
  const sockets = new Set<Socket>();
  let resolveFirst: (c: Connection) => void = () => {};
  const first = new Promise<Connection>((r) => {
    resolveFirst = r;
  });
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    resolveFirst(record(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('listener: no TCP address'));
      resolve({
        port: addr.port,
        first,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
