import { cachedSessionClose, nextCheck } from './broker/clock';
import { neverExpires } from './broker/connect';
import { discardCopy, route } from './delivery';
import type { SessionEffect } from './machines/session.machine';
import { inState } from './machines/stepper';
import { type WhyCode, why } from './rules';
import type { Runtime, SessionCtx, SessionRt, StoredWill } from './runtime';
import { toMs } from './script/names';
import type { Why } from './types';

/**
 * Carrying out what the session machine decided: storing, scheduling, publishing and deleting
 * wills, keeping and ending sessions, and arming their timers. The machine's reasons become the
 * trace's decision codes here; a profile's departures are cited where they change the outcome.
 */

/** A will entry about the will `w` of session `s`. */
function willEntry(
  rt: Runtime,
  op: 'stored' | 'deleted' | 'scheduled' | 'cancelled' | 'published' | 'withheld',
  s: SessionRt,
  w: StoredWill,
  why: Why,
  due?: number | null,
): void {
  rt.trace.will(op, s.clientId, w.from, w.conn, w.def.topic, w.def.payload, why, due);
}

function willParams(s: SessionRt, w: StoredWill): Why['params'] {
  const p: Why['params'] = {
    cause: s.lastCause,
    closedAt: s.closedAt,
    delay: s.v === 5 ? w.def.delay : null,
    sessionExpiry: s.v === 5 ? s.sei : null,
    cleanStart: s.cleanStart,
  };
  // The client's DISCONNECT Reason Code, for "only 0x00 deletes a will".
  if (s.lastReason !== null) p.reason = s.lastReason;
  return p;
}

const sessionParams = (s: SessionRt): Why['params'] => ({
  sessionExpiry: s.v === 5 ? s.sei : null,
  cleanStart: s.cleanStart,
});

/** When the session ends if nothing resumes it (ms), or null for never. */
export function sessionEnd(rt: Runtime, s: SessionRt): number | null {
  if (neverExpires(s.v, s.sei)) return null;
  return (s.closedAt ?? rt.now) + toMs(s.sei);
}

function cachedDeadline(rt: Runtime, s: SessionRt): number | null {
  const w = s.will;
  // NanoMQ: the old connection's own timer goes on ticking for the cached session.
  const timer = rt.profile.connectionTimer;
  if (timer && s.lastTimer)
    return cachedSessionClose(
      {
        v: s.v,
        sei: s.sei,
        closedAt: s.closedAt ?? rt.now,
        ...s.lastTimer,
        willDelay: w ? w.def.delay : null,
        willConnectedAt: w ? w.connectedAt : null,
      },
      timer,
      rt.profile.cachedSeiZeroExpires === true,
    );
  // Without a connection timer no profile closes a cached session by itself.
  return null;
}

function timerDue(rt: Runtime, s: SessionRt, timer: 'willDelay' | 'sessionExpiry'): number | null {
  const closedAt = s.closedAt ?? rt.now;
  if (timer === 'willDelay') return rt.roundToTick(closedAt + toMs(s.will?.def.delay ?? 0));
  if (inState(s.snap, 'detached') && rt.profile.cachedSessionDeadline === 'expiryOrWillFromConnect' && !s.cleanStart)
    return cachedDeadline(rt, s);
  const end = sessionEnd(rt, s);
  return end === null ? null : rt.roundToTick(end);
}

/** Takes the will off the profile's will-delay list; wills held behind it are looked at again. */
export function leaveDelayQueue(rt: Runtime, s: SessionRt): void {
  for (const { s: other, at } of rt.delayQueue.leave(s, rt.now, nextCheck(rt.now, rt.profile, rt.clock))) {
    const h = other.timers.willDelay;
    if (h) h.cancelled = true;
    other.timers.willDelay = rt.schedule(at, { kind: 'timer', timer: 'willDelay', target: other });
  }
}

const DELETE_CODES: Record<NonNullable<SessionCtx['deleteRule']>, WhyCode> = {
  none: 'will.deleted.normalDisconnect',
  normalDisconnect: 'will.deleted.normalDisconnect',
  v4Disconnect: 'will.deleted.normalDisconnect',
  quirkAnyDisconnect: 'will.deleted.quirkAnyDisconnect',
  quirkTakeover: 'will.deleted.quirkTakeover',
  newConnection: 'will.deleted.quirkNewConnection',
  quirkSecondConnect: 'will.deleted.quirkSecondConnect',
  quirkShutdown: 'will.deleted.quirkShutdown',
};

/** NanoMQ: a published will carries no Message Expiry (noted in the trace). */
function willExpiryDropped(rt: Runtime, w: StoredWill): boolean {
  if (!rt.profile.willMessageExpiryDropped || w.def.messageExpiry === null) return false;
  const p = { messageExpiry: w.def.messageExpiry };
  rt.note(w.from, why('will.messageExpiryDropped', 5, p, rt.deviation('will.messageExpiryDropped')));
  return true;
}

export function sessionEffects(rt: Runtime, s: SessionRt, effects: SessionEffect[], ctx: SessionCtx): void {
  const t = rt.trace;
  for (const e of effects) {
    switch (e.type) {
      case 'storeWill': {
        s.will = ctx.pendingWill;
        const w = s.will;
        if (w) {
          const p = { delay: s.v === 5 ? w.def.delay : null, qos: w.def.qos, retain: w.def.retain };
          willEntry(rt, 'stored', s, w, why('will.stored', s.v, p));
        }
        break;
      }
      case 'armTimer': {
        const timer = e.params.timer;
        const due = timerDue(rt, s, timer);
        if (due === null) break;
        s.timers[timer] = rt.schedule(due, { kind: 'timer', timer, target: s });
        rt.timerTrace('armed', timer, null, s, due);
        if (timer === 'willDelay') rt.delayQueue.join(s, s.will?.def.delay ?? 0, due);
        break;
      }
      case 'cancelTimer': {
        const timer = e.params.timer;
        const h = s.timers[timer];
        if (h) {
          h.cancelled = true;
          s.timers[timer] = null;
          rt.timerTrace('cancelled', timer, null, s, null);
        }
        if (timer === 'willDelay') leaveDelayQueue(rt, s);
        break;
      }
      case 'publishWill': {
        const w = s.will;
        if (!w) break;
        s.will = null;
        const code = `will.published.${e.params.why}` as WhyCode;
        leaveDelayQueue(rt, s);
        willEntry(rt, 'published', s, w, why(code, s.v, willParams(s, w), rt.deviation(code)));
        let retain = w.def.retain;
        if (retain && rt.profile.ignoresWillRetain) {
          retain = false;
          rt.note(w.from, why('will.retainIgnored', s.v, { topic: w.def.topic }, rt.deviation('will.retainIgnored')));
        }
        route(rt, {
          topic: w.def.topic,
          payload: w.def.payload,
          // A will of QoS 3 is refused at CONNECT (broker/connect.ts), so a stored one is 0-2.
          qos: w.def.qos as 0 | 1 | 2,
          retain,
          expiry: s.v === 5 && !willExpiryDropped(rt, w) ? w.def.messageExpiry : null,
          publishedAt: rt.now,
          willOf: { from: w.from, conn: w.conn },
          ...(s.v === 5 && w.def.props ? { props: w.def.props } : {}),
          v: s.v,
          publisherClientId: s.clientId,
        });
        break;
      }
      case 'deleteWill': {
        const w = s.will;
        if (!w) break;
        s.will = null;
        leaveDelayQueue(rt, s);
        const rule = ctx.deleteRule ?? 'none';
        const code =
          rule === 'quirkAnyDisconnect' && ctx.reason === 0 ? 'will.deleted.normalDisconnect' : DELETE_CODES[rule];
        willEntry(rt, 'deleted', s, w, why(code, s.v, { reason: ctx.reason ?? 0 }, rt.deviation(code)));
        break;
      }
      case 'scheduleWill': {
        const w = s.will;
        if (!w) break;
        const delayDue = (s.closedAt ?? rt.now) + toMs(w.def.delay ?? 0);
        // mosquitto#3505: Session Expiry 0 does not cut the delay short.
        const end = s.sei === 0 && rt.profile.sessionQuirks.seiZeroWillWaitsForDelay ? null : sessionEnd(rt, s);
        const due = end !== null && end < delayDue ? end : delayDue;
        const p = { ...willParams(s, w), delayDue, sessionEnd: end };
        willEntry(rt, 'scheduled', s, w, why('will.scheduled', s.v, p), rt.roundToTick(due));
        break;
      }
      case 'cancelWill':
      case 'withholdWill': {
        const w = s.will;
        if (!w) break;
        const cancel = e.type === 'cancelWill';
        if (cancel) s.will = null;
        const code: WhyCode = cancel ? 'will.cancelled.resumed' : 'will.withheld.cachedSession';
        willEntry(rt, cancel ? 'cancelled' : 'withheld', s, w, why(code, s.v, willParams(s, w), rt.deviation(code)));
        break;
      }
      case 'keepSession': {
        const mode = e.params.mode;
        const code = `session.kept.${mode}` as WhyCode;
        const endsAt = mode === 'never' ? null : mode === 'cached' ? cachedDeadline(rt, s) : sessionEnd(rt, s);
        t.session('kept', s.clientId, s.no, s.owner, why(code, s.v, sessionParams(s), rt.deviation(code)), endsAt);
        break;
      }
      case 'endSession': {
        const code = `session.ended.${e.params.why}` satisfies WhyCode;
        s.ended = true;
        if (rt.sessions.get(s.clientId) === s) rt.sessions.delete(s.clientId);
        t.session('ended', s.clientId, s.no, s.owner, why(code, s.v, sessionParams(s), rt.deviation(code)));
        for (const copy of s.queue) discardCopy(rt, s, copy, 'message.droppedWithSession');
        s.queue = [];
        break;
      }
      case 'resumeSession':
        t.session(
          'resumed',
          s.clientId,
          s.no,
          ctx.conn?.client.name ?? s.owner,
          why('session.resumed', ctx.conn?.v ?? s.v),
        );
        break;
      default:
        break;
    }
  }
}
