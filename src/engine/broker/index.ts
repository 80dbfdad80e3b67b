/**
 * What the broker DECIDES, one module per clause family: connect, disconnect, keep-alive, publish,
 * routing, the will-delay list, restart, and the clock arithmetic of profiles with coarse timers.
 */
export * from './clock';
export * from './connect';
export * from './disconnect';
export * from './keep-alive';
export * from './publish';
export * from './restart';
export * from './routing';
export * from './will-delay';
