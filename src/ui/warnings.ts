import { disconnectSessionExpiry } from '../engine/broker/disconnect';
import { DEFAULT_BROKER, publishTopic as topicOfPublish } from '../engine/script';
import { type ClientDef, type Scenario, SEI_NEVER } from '../engine/types';

/**
 * Risky combinations worth a word while authoring. These are hints about the settings, not protocol
 * decisions: what actually happens always comes from the engine's trace.
 */

/** Will Delay >= Session Expiry (5.0): the session's end, not the delay, decides when the will goes out. */
export function willDelayVsExpiry(c: ClientDef): { delay: number; sei: number } | null {
  if (c.protocol !== 5 || !c.will) return null;
  const delay = c.will.delay ?? 0;
  const sei = c.sessionExpiry ?? 0;
  if (delay === 0 || sei === SEI_NEVER || delay < sei) return null;
  return { delay, sei };
}

export const keepAliveOff = (c: ClientDef): boolean => c.keepAlive === 0;

/**
 * A DISCONNECT that sets Session Expiry > 0 on a 5.0 connection that connected with 0 (or none):
 * the broker's own rule (src/engine/broker/disconnect.ts, §3.14.2.2.2), asked of the client's CONNECT.
 */
export function raisesSessionExpiry(c: ClientDef, newSei: number | null | undefined): boolean {
  return c.protocol === 5 && disconnectSessionExpiry(5, 0, newSei, c.sessionExpiry ?? 0, DEFAULT_BROKER).raisedFromZero;
}

/** The topic a publish step writes to (its own, or another client's will topic). */
export function publishTopic(scenario: Scenario, step: Scenario['steps'][number]): string | null {
  return step.action === 'publish' ? topicOfPublish(scenario, step) : null;
}

/** A retained will with no retained, non-empty message ("online") ever published on its topic. */
export function retainedWillWithoutOnline(scenario: Scenario, c: ClientDef): boolean {
  if (!c.will?.retain) return false;
  const topic = c.will.topic;
  return !scenario.steps.some(
    (s) => s.action === 'publish' && s.retain && s.payload !== '' && publishTopic(scenario, s) === topic,
  );
}
