/**
 * What a scenario MEANS (conformance/FORMAT.md), with no MQTT decision in it: the defaults, the
 * implicit clients and will topics, the meaning of each step, and the typed builder.
 */
export * from './build';
export * from './clients';
export * from './defaults';
export * from './names';
export * from './steps';
