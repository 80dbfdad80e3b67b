/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol';
import { createWorkerCore } from './worker-core';

/**
 * The matrix, off the main thread: the same engine and cell code as the page and the CLI.
 * Bundled by Vite from `new Worker(new URL('./matrix.worker.ts', import.meta.url), { type: 'module' })`
 * in ./client.ts.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel hop returns to the event loop without the 4 ms clamp of nested timers.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const handle = createWorkerCore({
  post: (m: FromWorker) => scope.postMessage(m),
  now: () => performance.now(),
  yieldNow: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
});

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  void handle(e.data);
};
