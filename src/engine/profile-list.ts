/**
 * The broker profiles' ids and names only: what a profile picker or an explanation label needs,
 * without the profiles' knobs (src/engine/profiles.ts), which only the engine reads. Keeping this
 * list apart keeps the knobs out of the app's first load; a test checks both lists agree.
 */
export const PROFILE_LIST = [
  { id: 'spec', label: 'Strict spec' },
  { id: 'nanomq-0.23.2', label: 'NanoMQ 0.23.2' },
  { id: 'nanomq-0.23.3', label: 'NanoMQ 0.23.3' },
  { id: 'mosquitto-2.0', label: 'Mosquitto 2.0' },
] as const;

export type ProfileId = (typeof PROFILE_LIST)[number]['id'];

export function profileLabel(id: string): string {
  return PROFILE_LIST.find((p) => p.id === id)?.label ?? id;
}
