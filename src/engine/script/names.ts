/**
 * Reserved names and values of the scenario format (conformance/FORMAT.md). A leaf module: the
 * engine's types re-export these, so it imports nothing.
 */

/** MQTT protocol levels: 4 = 3.1.1, 5 = 5.0. */
export type ProtocolLevel = 4 | 5;

/** Session Expiry Interval value meaning "never expires" (5.0 §3.1.2.11.2). */
export const SEI_NEVER = 4294967295;

/** Names of the implicit clients (user names may not start with "$"). */
export const OBSERVER = '$observer';
export const OFFLINE_SUBSCRIBER = '$offline';

/** Client Identifiers of the implicit clients (user Client Identifiers may not start with these). */
export const OBSERVER_CLIENT_ID = '__observer__';
export const OFFLINE_CLIENT_ID = '__offline__';

/** True for the name of an implicit client (the observer, the offline subscriber). */
export const isImplicitName = (name: string): boolean => name.startsWith('$');

/** True for the Client Identifier of an implicit client. */
export const isImplicitClientId = (id: string): boolean => id.startsWith('__');

/** Seconds as written in a scenario to the engine's integer virtual milliseconds. */
export const toMs = (seconds: number): number => Math.round(seconds * 1000);
