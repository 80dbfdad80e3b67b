import type { Dial, Transport } from './transport';

/** The parts of the WHATWG WebSocket the player needs (browsers, happy-dom, Node 22). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketCtor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/**
 * MQTT over WebSocket (subprotocol "mqtt", binary frames). A browser cannot send a TCP RST, so
 * `reset` closes the WebSocket like `drop` (the broker sees the same: no DISCONNECT).
 */
export function webSocketDial(url: string, Ctor?: WebSocketCtor, timeoutMs = 5000): Dial {
  const WS = Ctor ?? (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
  return () =>
    new Promise<Transport>((resolve, reject) => {
      if (!WS) {
        reject(new Error('this environment has no WebSocket'));
        return;
      }
      let ws: WebSocketLike;
      try {
        ws = new WS(url, 'mqtt');
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      ws.binaryType = 'arraybuffer';
      let opened = false;
      const timer = setTimeout(() => {
        if (!opened) {
          ws.close();
          reject(new Error(`no WebSocket connection to ${url} within ${timeoutMs} ms`));
        }
      }, timeoutMs);
      let closeCb: (() => void) | null = null;
      let closed = false;
      let dataCb: ((b: Uint8Array) => void) | null = null;
      ws.onmessage = (ev) => {
        const d = ev.data;
        if (d instanceof ArrayBuffer) dataCb?.(new Uint8Array(d));
        else if (ArrayBuffer.isView(d)) dataCb?.(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
      };
      ws.onclose = () => {
        clearTimeout(timer);
        if (!opened) {
          reject(new Error(`the WebSocket connection to ${url} was refused or closed`));
          return;
        }
        if (closed) return;
        closed = true;
        closeCb?.();
      };
      ws.onerror = () => {};
      ws.onopen = () => {
        opened = true;
        clearTimeout(timer);
        resolve({
          canReset: false,
          send: (b) => {
            if (ws.readyState === 1) ws.send(b);
          },
          end: () => ws.close(),
          reset: () => ws.close(),
          destroy: () => ws.close(),
          onData: (cb) => {
            dataCb = cb;
          },
          onClose: (cb) => {
            closeCb = cb;
            if (closed) cb();
          },
        });
      };
    });
}
