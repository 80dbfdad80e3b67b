/**
 * One network connection of one client, as the player sees it. Node uses TCP (./tcp.ts), the
 * browser a WebSocket (./websocket.ts). `end` closes without DISCONNECT (TCP FIN, or a WebSocket
 * close); `reset` aborts (TCP RST where the platform allows it, else the same as `end`).
 */
export interface Transport {
  send(bytes: Uint8Array): void;
  end(): void;
  reset(): void;
  /** Frees the connection without any more MQTT meaning (end of a run). */
  destroy(): void;
  onData(cb: (bytes: Uint8Array) => void): void;
  /** Called once when the connection is gone, whoever closed it. */
  onClose(cb: () => void): void;
  /** Whether `reset` really sends a TCP RST. */
  readonly canReset: boolean;
}

/** Opens a connection to the broker under test; rejects if it cannot. */
export type Dial = () => Promise<Transport>;
