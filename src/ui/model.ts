import {
  OBSERVER,
  OFFLINE_SUBSCRIBER,
  type PacketType,
  type RunResult,
  type Scenario,
  type TraceEntry,
} from '../engine/types';

/**
 * The view model of a run: lanes, bands, timer bars, packet arrows and markers, computed once per
 * RunResult (memoised by object identity). Nothing here depends on the playhead: the view at time t
 * is read with binary searches over the sorted `logTimes` / state changes (see `upperBound`).
 */

export type LaneKind = 'client' | 'broker' | 'subscriber';

export interface Lane {
  key: string;
  /** Client name; null for the broker lane. */
  name: string | null;
  kind: LaneKind;
}

export const BROKER_LANE = '#broker';

export interface Band {
  id: string;
  lane: string;
  kind: 'open' | 'silent' | 'attached' | 'detached';
  from: number;
  to: number;
  /** Still going at the end of the run. */
  running: boolean;
  entry: number;
}

export type TimerBarKind = 'keepAlive' | 'willDelay' | 'sessionExpiry';

export interface TimerBar {
  id: string;
  lane: string;
  timer: TimerBarKind;
  from: number;
  to: number;
  /** Planned deadline (ms); null = never. */
  due: number | null;
  end: 'fired' | 'cancelled' | 'running' | 'never';
  /** Keep-alive only: times the window restarted (a packet from the client). */
  resets: number[];
  entry: number;
}

export interface Arrow {
  id: string;
  lane: string;
  t: number;
  /** in = client to broker. */
  dir: 'in' | 'out';
  type: PacketType | 'DELIVER';
  /** Order among the arrows at the same millisecond (drawn side by side). */
  slot: number;
  entry: number;
  /** Payload shown next to a delivered message. */
  label?: string;
}

export type MarkerKind =
  | 'step'
  | 'will.stored'
  | 'will.published'
  | 'will.deleted'
  | 'will.cancelled'
  | 'will.withheld'
  | 'will.scheduled'
  | 'will.due'
  | 'refused'
  | 'queued'
  | 'dropped'
  | 'retained'
  | 'note';

export interface Marker {
  id: string;
  lane: string;
  t: number;
  kind: MarkerKind;
  entry: number;
}

/** Something the timeline draws that can be focused: its time and the trace entry it explains. */
export interface Item {
  id: string;
  t: number;
  entry: number;
  lane: string;
}

export interface RunModel {
  lanes: Lane[];
  bands: Band[];
  bars: TimerBar[];
  arrows: Arrow[];
  markers: Marker[];
  /** Every drawn item in time order (keyboard navigation over the timeline). */
  items: Item[];
  /** Trace indices shown in the event log (state changes are left out), in order. */
  logIndex: number[];
  /** Times of `logIndex`, for binary search. */
  logTimes: number[];
  /** Machine state changes per machine id ("client:device", "session:device-1@2"). */
  states: Map<string, { times: number[]; values: string[] }>;
  /** Sessions by owning client name: session id ("device-1@2") and when it was created or resumed. */
  sessionsOf: Map<string, { t: number; id: string }[]>;
  endMs: number;
}

/** Number of elements of the sorted `times` that are <= t. */
export function upperBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of the sorted `times` that is >= t. */
export function lowerBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value of a state series at time t, or null before its first change. */
export function stateAt(model: RunModel, machineId: string, t: number): string | null {
  const s = model.states.get(machineId);
  if (!s) return null;
  const k = upperBound(s.times, t);
  return k === 0 ? null : (s.values[k - 1] as string);
}

/** The session a client is attached to (or last was) at time t: "clientId@no". */
export function sessionAt(model: RunModel, client: string, t: number): string | null {
  const list = model.sessionsOf.get(client);
  if (!list) return null;
  let found: string | null = null;
  for (const s of list) {
    if (s.t > t) break;
    found = s.id;
  }
  return found;
}

/** A client with no will and at least one subscription is drawn below the broker, as a subscriber. */
export function isSubscriber(scenario: Scenario, name: string): boolean {
  if (name === OBSERVER || name === OFFLINE_SUBSCRIBER) return true;
  const c = scenario.clients.find((x) => x.name === name);
  return !!c && c.will === null && c.subscriptions.length > 0;
}

const cache = new WeakMap<RunResult, RunModel>();

export function runModel(scenario: Scenario, result: RunResult): RunModel {
  let m = cache.get(result);
  if (!m) {
    m = build(scenario, result);
    cache.set(result, m);
  }
  return m;
}

function build(scenario: Scenario, result: RunResult): RunModel {
  const { trace, endMs } = result;
  const names = new Set<string>();
  for (const c of scenario.clients) names.add(c.name);
  if (scenario.observer) names.add(OBSERVER);
  if (scenario.offlineSubscriber) names.add(OFFLINE_SUBSCRIBER);
  const top: Lane[] = [];
  const bottom: Lane[] = [];
  for (const name of names) {
    const lane: Lane = { key: name, name, kind: isSubscriber(scenario, name) ? 'subscriber' : 'client' };
    (lane.kind === 'subscriber' ? bottom : top).push(lane);
  }
  const lanes = [...top, { key: BROKER_LANE, name: null, kind: 'broker' as const }, ...bottom];
  const laneOf = (name: string | null) => (name !== null && names.has(name) ? name : BROKER_LANE);

  const bands: Band[] = [];
  const bars: TimerBar[] = [];
  const arrows: Arrow[] = [];
  const markers: Marker[] = [];
  const logIndex: number[] = [];
  const logTimes: number[] = [];
  const states = new Map<string, { times: number[]; values: string[] }>();
  const sessionsOf = new Map<string, { t: number; id: string }[]>();

  const openConn = new Map<string, Band>();
  const silent = new Map<string, Band>();
  const sessionBand = new Map<string, Band>();
  const timers = new Map<string, TimerBar>();
  const keepAlive = new Map<string, TimerBar>();
  let slotAt = -1;
  let slot = 0;
  const nextSlot = (t: number) => {
    if (t !== slotAt) {
      slotAt = t;
      slot = 0;
    }
    return slot++;
  };
  const closeBand = (map: Map<string, Band>, key: string, t: number) => {
    const b = map.get(key);
    if (!b) return;
    b.to = t;
    b.running = false;
    map.delete(key);
  };

  trace.forEach((e: TraceEntry, i) => {
    if (e.kind !== 'state') {
      logIndex.push(i);
      logTimes.push(e.t);
    }
    switch (e.kind) {
      case 'state': {
        const id = `${e.machine}:${e.id}`;
        let s = states.get(id);
        if (!s) {
          s = { times: [], values: [] };
          states.set(id, s);
        }
        s.times.push(e.t);
        s.values.push(e.value);
        if (e.machine === 'client') {
          const lane = laneOf(e.id);
          if (e.value === 'connected.silent' && !silent.has(lane)) {
            const b: Band = { id: `silent-${i}`, lane, kind: 'silent', from: e.t, to: endMs, running: true, entry: i };
            silent.set(lane, b);
            bands.push(b);
          } else if (e.value !== 'connected.silent') closeBand(silent, lane, e.t);
        }
        return;
      }
      case 'step':
        markers.push({ id: `m${i}`, lane: laneOf(e.client), t: e.t, kind: 'step', entry: i });
        return;
      case 'packet': {
        const lane = laneOf(e.client);
        arrows.push({ id: `a${i}`, lane, t: e.t, dir: e.dir, type: e.type, slot: nextSlot(e.t), entry: i });
        const ka = keepAlive.get(`${e.client}#${e.conn}`);
        if (ka && e.dir === 'in' && e.detail.kaDue !== undefined) {
          ka.resets.push(e.t);
          ka.due = e.detail.kaDue;
        }
        return;
      }
      case 'timer': {
        const lane = laneOf(e.client);
        if (e.timer === 'ping') return;
        if (e.timer === 'keepAlive') {
          const key = `${e.client}#${e.conn}`;
          if (e.op === 'armed') {
            const bar: TimerBar = {
              id: `k${i}`,
              lane,
              timer: 'keepAlive',
              from: e.t,
              to: endMs,
              due: e.due,
              end: 'running',
              resets: [],
              entry: i,
            };
            keepAlive.set(key, bar);
            bars.push(bar);
          } else {
            const bar = keepAlive.get(key);
            if (bar) {
              bar.to = e.t;
              bar.end = e.op === 'fired' ? 'fired' : 'cancelled';
              keepAlive.delete(key);
            }
          }
          return;
        }
        const key = `${e.clientId}:${e.timer}`;
        if (e.op === 'armed') {
          const bar: TimerBar = {
            id: `t${i}`,
            lane,
            timer: e.timer,
            from: e.t,
            to: Math.min(endMs, e.due ?? endMs),
            due: e.due,
            end: 'running',
            resets: [],
            entry: i,
          };
          timers.set(key, bar);
          bars.push(bar);
        } else {
          const bar = timers.get(key);
          if (bar) {
            bar.to = e.t;
            bar.end = e.op === 'fired' ? 'fired' : 'cancelled';
            timers.delete(key);
          }
        }
        return;
      }
      case 'connection': {
        const lane = laneOf(e.client);
        const key = `${e.client}#${e.conn}`;
        if (e.op === 'opened') {
          const b: Band = { id: `c${i}`, lane, kind: 'open', from: e.t, to: endMs, running: true, entry: i };
          openConn.set(key, b);
          bands.push(b);
        } else if (e.op === 'closed') {
          closeBand(openConn, key, e.t);
          markers.push({ id: `m${i}`, lane, t: e.t, kind: 'dropped', entry: i });
        } else markers.push({ id: `m${i}`, lane, t: e.t, kind: 'refused', entry: i });
        return;
      }
      case 'session': {
        const lane = laneOf(e.client);
        const key = `${e.clientId}@${e.session}`;
        if (e.op === 'created' || e.op === 'resumed') {
          closeBand(sessionBand, key, e.t);
          const b: Band = { id: `s${i}`, lane, kind: 'attached', from: e.t, to: endMs, running: true, entry: i };
          sessionBand.set(key, b);
          bands.push(b);
          let list = sessionsOf.get(e.client);
          if (!list) {
            list = [];
            sessionsOf.set(e.client, list);
          }
          list.push({ t: e.t, id: key });
        } else if (e.op === 'kept') {
          closeBand(sessionBand, key, e.t);
          const b: Band = { id: `s${i}`, lane, kind: 'detached', from: e.t, to: endMs, running: true, entry: i };
          sessionBand.set(key, b);
          bands.push(b);
          if (e.endsAt === null && e.why.code === 'session.kept.never') {
            bars.push({
              id: `n${i}`,
              lane,
              timer: 'sessionExpiry',
              from: e.t,
              to: endMs,
              due: null,
              end: 'never',
              resets: [],
              entry: i,
            });
          }
        } else {
          closeBand(sessionBand, key, e.t);
          // A "never" bar ends when its session does.
          for (const bar of bars)
            if (bar.lane === lane && bar.end === 'never' && bar.to === endMs && bar.from <= e.t) bar.to = e.t;
        }
        return;
      }
      case 'will': {
        const lane = laneOf(e.from);
        markers.push({ id: `m${i}`, lane, t: e.t, kind: `will.${e.op}`, entry: i });
        if (e.op === 'scheduled' && e.due != null)
          markers.push({ id: `d${i}`, lane, t: e.due, kind: 'will.due', entry: i });
        return;
      }
      case 'message': {
        if (e.op === 'delivered' && e.to !== null) {
          arrows.push({
            id: `a${i}`,
            lane: laneOf(e.to),
            t: e.t,
            dir: 'out',
            type: 'DELIVER',
            slot: nextSlot(e.t),
            entry: i,
            label: e.payload,
          });
        } else if (e.op === 'retained' || e.op === 'retainCleared') {
          markers.push({ id: `m${i}`, lane: BROKER_LANE, t: e.t, kind: 'retained', entry: i });
        } else if (e.op === 'queued') {
          markers.push({ id: `m${i}`, lane: laneOf(e.to), t: e.t, kind: 'queued', entry: i });
        } else {
          markers.push({ id: `m${i}`, lane: laneOf(e.to), t: e.t, kind: 'note', entry: i });
        }
        return;
      }
      case 'note':
        markers.push({ id: `m${i}`, lane: laneOf(e.client), t: e.t, kind: 'note', entry: i });
        return;
    }
  });

  const items: Item[] = [...arrows, ...markers, ...bars].map((x) => ({
    id: x.id,
    t: 't' in x ? x.t : x.from,
    entry: x.entry,
    lane: x.lane,
  }));
  items.sort((a, b) => a.t - b.t || a.entry - b.entry);
  return { lanes, bands, bars, arrows, markers, items, logIndex, logTimes, states, sessionsOf, endMs };
}
