import { latestClose } from '../engine/broker/keep-alive';
import { profileById, SPEC } from '../engine/profiles';
import { buildClient, buildWill, buildScenario as scenarioOf } from '../engine/script';
import type { ClientDef, Scenario, Step } from '../engine/types';
import { type CellSpec, isTakeover, reconnectDelay, seiSeconds, TIMING } from './axes';

/**
 * One cell of the matrix: its scenario (a device with a will, the implicit observer and the
 * offline subscriber of conformance/FORMAT.md) and the shape of its outcome. Running it is in
 * ./run.ts, so that the page's own code does not load the engine (the worker does).
 */

export const DEVICE = 'device';
/** The second client of a takeover: same Client Identifier, no will of its own. */
export const TAKER = 'device-2';
export const WILL_TOPIC = 'devices/device/status';
export const WILL_PAYLOAD = 'offline';

/** Index of the step whose CONNACK is "the reconnect" (a reconnect step, or the takeover). */
export const RECONNECT_STEP = 2;
export const TAKEOVER_STEP = 1;

const DISCONNECT_ERROR = 0x80;

/**
 * Builds the cell's scenario. Timeline (seconds): the device connects at 0; its connection ends at
 * 5 (a silence starts at 5 and the broker closes at the keep-alive deadline); a reconnect comes
 * half the Will Delay ("before") or the Will Delay + 10 s ("after") after the broker's close,
 * with the device's Session Expiry and Keep Alive and no will. The run ends when every timer that
 * matters has had its turn. The second connection carries no will, so every outcome is about the
 * first connection's will.
 */
export function buildScenario(c: CellSpec, title = ''): Scenario {
  const v = c.protocol;
  const d = v === 5 ? (c.willDelay ?? 0) : 0;
  const sei = v === 5 ? seiSeconds(c.sessionExpiry, c.willDelay) : null;
  const will = buildWill(WILL_TOPIC, { payload: WILL_PAYLOAD, qos: c.willQos, delay: v === 5 ? d : null });
  const device = buildClient(DEVICE, {
    protocol: v,
    cleanStart: c.cleanStart,
    sessionExpiry: sei,
    keepAlive: c.keepAlive,
    will,
  });
  const clients: ClientDef[] = [device];
  const at = TIMING.endAt;
  const steps: Step[] = [{ t: 0, action: 'connect', client: DEVICE }];
  switch (c.end) {
    case 'drop':
      steps.push({ t: at, action: 'drop', client: DEVICE });
      break;
    case 'silence':
      steps.push({ t: at, action: 'silence', client: DEVICE });
      break;
    case 'protocolError':
      steps.push({ t: at, action: 'protoerr', client: DEVICE });
      break;
    case 'disconnect00':
      steps.push(v === 5 ? { t: at, action: 'disconnect', client: DEVICE, reason: 0 } : disconnectV4(at));
      break;
    case 'disconnect04':
      steps.push({ t: at, action: 'disconnect', client: DEVICE, reason: 4 });
      break;
    case 'disconnectError':
      steps.push({ t: at, action: 'disconnect', client: DEVICE, reason: DISCONNECT_ERROR });
      break;
    case 'disconnect04Sei0':
      steps.push({ t: at, action: 'disconnect', client: DEVICE, reason: 4, sessionExpiry: 0 });
      break;
    case 'disconnect04SeiLong':
      steps.push({
        t: at,
        action: 'disconnect',
        client: DEVICE,
        reason: 4,
        sessionExpiry: seiSeconds('long', c.willDelay),
      });
      break;
    case 'takeoverCs0':
    case 'takeoverCs1':
      clients.push({ ...device, name: TAKER, will: null });
      steps.push({ t: at, action: 'takeover', client: TAKER, of: DEVICE, cleanStart: c.end === 'takeoverCs1' });
      break;
  }
  // The latest the cell's profile closes the silent connection (Mosquitto's 6 s sweep comes up to
  // 10 s after a Keep Alive of 2 s): the reconnect's own t must not come before that close, or it
  // would be a takeover instead of a reconnect "after the close".
  const closeBy = at + (c.keepAlive > 0 ? Math.ceil(latestClose(c.keepAlive, profileById(c.profile) ?? SPEC)) : 0);
  const again = reconnectDelay(c.next, c.willDelay);
  if (again !== null && !isTakeover(c.end))
    steps.push({
      t: closeBy + again,
      action: 'reconnect',
      client: DEVICE,
      cleanStart: c.next === 'beforeCs1' || c.next === 'afterCs1',
      afterClose: again,
    });
  const lastTimer = Math.max(d + TIMING.longerBy, d + TIMING.afterDelay);
  return scenarioOf({
    title,
    profile: c.profile,
    protocol: v,
    offlineSubscriber: true,
    clients,
    steps,
    end: closeBy + lastTimer + TIMING.tail,
  });
}

const disconnectV4 = (t: number): Step => ({ t, action: 'disconnect', client: DEVICE });

/** What became of the first connection's will. */
export type Fate = 'published' | 'deleted' | 'cancelled' | 'withheld' | 'pending' | 'notClosed' | 'noWill';

/** A cell's outcome: plain JSON (it crosses the worker boundary). Times in virtual ms. */
export interface CellOutcome {
  /** When the broker closed the device's first connection; null = never (keep-alive off). */
  closedAt: number | null;
  fate: Fate;
  /** When the will was published; null if it was not. */
  willAt: number | null;
  /** The deciding decision code (src/engine/rules.ts), or "notClosed". */
  code: string;
  /** The deciding decision departs from the spec (a profile quirk). */
  deviation: boolean;
  /** Session Present on the reconnect (or the takeover); null without one. */
  sessionPresent: boolean | null;
  /** The QoS of each copy of the will the offline subscriber receives when it comes back. */
  offline: number[];
  truncated: boolean;
}

/** Milliseconds from the close to the will's publication; null if it was not published. */
export function willAfterClose(o: CellOutcome): number | null {
  return o.willAt === null || o.closedAt === null ? null : o.willAt - o.closedAt;
}

/** How a cell is drawn: one symbol and colour per category (the legend explains each). */
export type Category = 'atClose' | 'later' | 'deleted' | 'cancelled' | 'withheld' | 'notClosed' | 'pending';

export function category(o: CellOutcome): Category {
  switch (o.fate) {
    case 'published':
      return (willAfterClose(o) ?? 0) > 0 ? 'later' : 'atClose';
    case 'deleted':
    case 'cancelled':
    case 'withheld':
    case 'notClosed':
    case 'pending':
      return o.fate;
    case 'noWill':
      return 'deleted';
  }
}

/** What a user can observe of a cell; two profiles "differ" when these differ (not the reason). */
export function observable(o: CellOutcome): string {
  return JSON.stringify([o.closedAt, o.willAt, o.sessionPresent, o.offline]);
}
