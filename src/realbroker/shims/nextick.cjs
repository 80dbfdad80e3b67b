// mqtt-packet's writeToStream uncorks a stream on the next tick through `process-nextick-args`,
// which needs Node's `process` (polyfilled, 5 KB, in a browser). A microtask does the same there
// (vite.config.ts aliases `process-nextick-args` to this file in the browser build).
module.exports = {
  nextTick(fn, ...args) {
    queueMicrotask(() => fn(...args));
  },
};
