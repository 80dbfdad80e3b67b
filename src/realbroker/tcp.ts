import { connect as netConnect, type Socket } from 'node:net';
import type { Dial, Transport } from './transport';

/** Node only: a TCP connection per client, with a real RST for `reset`. */
export function tcpDial(host: string, port: number, timeoutMs = 3000): Dial {
  return () =>
    new Promise<Transport>((resolve, reject) => {
      const sock = netConnect({ host, port });
      sock.setNoDelay(true);
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error(`no TCP connection to ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      sock.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      sock.once('connect', () => {
        clearTimeout(timer);
        sock.removeAllListeners('error');
        resolve(tcpTransport(sock));
      });
    });
}

function tcpTransport(sock: Socket): Transport {
  let closeCb: (() => void) | null = null;
  let closed = false;
  const fireClose = () => {
    if (closed) return;
    closed = true;
    closeCb?.();
  };
  // A read error (e.g. ECONNRESET) also ends the connection.
  sock.on('error', () => sock.destroy());
  sock.on('close', fireClose);
  // The broker half-closed: we close our side too, as any client would.
  sock.on('end', () => sock.destroy());
  return {
    canReset: true,
    send: (b) => {
      if (!sock.destroyed && sock.writable) sock.write(b);
    },
    end: () => {
      sock.end();
      // Don't wait for the broker's FIN longer than a moment.
      setTimeout(() => sock.destroy(), 2000).unref();
    },
    reset: () => sock.resetAndDestroy(),
    destroy: () => sock.destroy(),
    onData: (cb) => {
      sock.on('data', (d: Buffer) => cb(d));
    },
    onClose: (cb) => {
      closeCb = cb;
      if (closed) cb();
    },
  };
}
