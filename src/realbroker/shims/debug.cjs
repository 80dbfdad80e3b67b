// mqtt-packet logs through `debug` (off unless DEBUG is set); the browser build has no use for its
// logging, so `debug(namespace)` is a no-op there (vite.config.ts aliases `debug` to this file).
module.exports = function debug() {
  return function noop() {};
};
