import type { BrokerProfile } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { RunResult, Scenario } from '../engine/types';
import { compareOutcomes, type Difference } from '../scenario/compare';
import { type LiveEvent, playScenario, type Recording, unsupportedSteps } from './player';
import { TOLERANCE_S } from './record';
import { webSocketDial } from './websocket';

/**
 * The browser's "Run on a real broker": plays a scenario over MQTT-over-WebSocket and compares what
 * the broker did with the engine's prediction under a profile. Loaded with `import()` only when the
 * user asks for it, so it (and mqtt-packet) stays out of the first load.
 */
export interface BrokerRun {
  recording: Recording;
  /** The prediction with the broker's clock phases of this run (coarse-timer profiles read them). */
  predicted: RunResult;
  differences: Difference[];
  tolerance: number;
}

export interface BrokerRunOptions {
  url: string;
  scenario: Scenario;
  profile: BrokerProfile;
  onEvent?: (e: LiveEvent) => void;
  signal?: AbortSignal;
  /** User Name and Password for every CONNECT (ejabberd's mod_mqtt refuses a CONNECT without). */
  credentials?: { username: string; password: string };
}

/** What keeps a scenario from being played in a browser (e.g. a broker restart), as codes. */
export function browserProblems(sc: Scenario): string[] {
  return unsupportedSteps(sc, false);
}

export async function runOnBroker(o: BrokerRunOptions): Promise<BrokerRun> {
  const sc = o.scenario;
  const recording = await playScenario(sc, {
    dial: webSocketDial(o.url),
    idPrefix: `mwl-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}-`,
    probeKeepAlive: sc.steps.some((s) => s.action === 'silence' || s.action === 'reconnect'),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.credentials ? { credentials: o.credentials } : {}),
  });
  const predicted = simulate(sc, { profile: o.profile, clock: recording.clock });
  const differences = compareOutcomes(predicted.outcome, recording.observed, TOLERANCE_S);
  return { recording, predicted, differences, tolerance: TOLERANCE_S };
}
