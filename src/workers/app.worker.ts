/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from '../explorer/protocol';
import { createWorkerCore } from '../explorer/worker-core';
import { handleRunRequest } from '../runner/engine-core';
import type { RunRequest } from '../runner/worker-runner';

/**
 * The app's one worker script: the engine (XState and the simulator) ships once for every worker,
 * whether it runs the simulator's scenario (src/runner/worker-runner.ts) or the explorer's matrix
 * (src/explorer/client.ts). Both create it from `new URL('../workers/app.worker.ts', import.meta.url)`;
 * the message says which job it is (`simulate`, or the matrix protocol's `run` / `cancel`).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel hop returns to the event loop without the 4 ms clamp of nested timers.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const matrix = createWorkerCore({
  post: (m: FromWorker) => scope.postMessage(m),
  now: () => performance.now(),
  yieldNow: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
});

scope.onmessage = (e: MessageEvent<ToWorker | RunRequest>) => {
  const m = e.data;
  if (m.type === 'simulate') handleRunRequest(m, (reply) => scope.postMessage(reply));
  else void matrix(m);
};
