import type { ClientDef, ProtocolLevel, Scenario, Step, WillDef } from '../types';
import { toMs } from './names';

/** What a client's CONNECT carries: the client's settings, overridden by the step's. */
export interface ConnectParams {
  cleanStart: boolean;
  /** Seconds; null = property absent. 3.1.1 has none. */
  sessionExpiry: number | null;
  keepAlive: number;
  protocol: ProtocolLevel;
  will: WillDef | null;
}

type ConnectingStep = Extract<Step, { action: 'connect' | 'reconnect' | 'takeover' }>;

/**
 * The CONNECT of a connect, reconnect or takeover step (FORMAT.md "Steps"): `connect` and
 * `takeover` use the client's settings (a takeover may override Clean Start); `reconnect` may
 * override Clean Start, Session Expiry, Keep Alive and protocol, and carries no will unless the
 * step gives one.
 */
export function connectParams(def: ClientDef, step?: ConnectingStep): ConnectParams {
  const base: ConnectParams = {
    cleanStart: def.cleanStart,
    sessionExpiry: def.sessionExpiry,
    keepAlive: def.keepAlive,
    protocol: def.protocol,
    will: def.will,
  };
  if (step === undefined || step.action === 'connect') return base;
  if (step.action === 'takeover') return { ...base, cleanStart: step.cleanStart ?? def.cleanStart };
  return {
    cleanStart: step.cleanStart ?? def.cleanStart,
    sessionExpiry: step.sessionExpiry !== undefined ? step.sessionExpiry : def.sessionExpiry,
    keepAlive: step.keepAlive ?? def.keepAlive,
    protocol: step.protocol ?? def.protocol,
    will: step.will ?? null,
  };
}

/** FORMAT.md: after a broker restart the observer connects again at once with Clean Start 0. */
export function rejoinParams(def: ClientDef): ConnectParams {
  return { cleanStart: false, sessionExpiry: null, keepAlive: 0, protocol: def.protocol, will: null };
}

/**
 * The topic a publish step writes to. The one precedence rule: `topicOf` (another client's will
 * topic) wins over `topic`; `topic` is the fallback when the named client has no will (the
 * validator rejects that), and '' when neither is given (rejected too).
 */
export function publishTopic(sc: Pick<Scenario, 'clients'>, step: Extract<Step, { action: 'publish' }>): string {
  if (step.topicOf !== undefined) {
    const topic = sc.clients.find((c) => c.name === step.topicOf)?.will?.topic;
    if (topic !== undefined) return topic;
  }
  return step.topic ?? '';
}

/**
 * FORMAT.md `afterClose`: a reconnect "s seconds after the broker closed the previous connection"
 * happens then, if that is before its own `t` (which is the latest time). Returns the virtual ms it
 * is brought forward to, or null if it keeps its `t`.
 */
export function afterCloseDue(step: Step | undefined, closedAtMs: number): number | null {
  if (step?.action !== 'reconnect' || step.afterClose === undefined) return null;
  const due = closedAtMs + toMs(step.afterClose);
  return due < toMs(step.t) ? due : null;
}

/** Stable sort by time: equal times keep file order (FORMAT.md), so step indices stay meaningful. */
export function sortSteps(steps: Step[]): Step[] {
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => toMs(a.s.t) - toMs(b.s.t) || a.i - b.i)
    .map((x) => x.s);
}

/**
 * Each client's steps in file order, read with a cursor: `next()` is the first step of the client
 * that has not run. A client's steps run in order (only its next step can be brought forward), so
 * the cursor only moves forward and a long run stays linear.
 */
export class StepCursor {
  private readonly byClient = new Map<string, { steps: number[]; at: number }>();

  constructor(steps: readonly Step[]) {
    steps.forEach((s, i) => {
      if (s.client === null) return;
      let c = this.byClient.get(s.client);
      if (!c) {
        c = { steps: [], at: 0 };
        this.byClient.set(s.client, c);
      }
      c.steps.push(i);
    });
  }

  /** The index of `client`'s first step for which `done` is false, or undefined. */
  next(client: string, done: (index: number) => boolean): number | undefined {
    const c = this.byClient.get(client);
    if (!c) return undefined;
    while (c.at < c.steps.length && done(c.steps[c.at] as number)) c.at++;
    return c.steps[c.at];
  }
}
