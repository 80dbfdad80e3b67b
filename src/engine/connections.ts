import { connectRefusal, neverExpires, sessionExpiryInForce, willDelayZero } from './broker/connect';
import { disconnectSessionExpiry, isDisconnectCode } from './broker/disconnect';
import { keepAliveInForce, keepAliveWindowMs } from './broker/keep-alive';
import { deliverBacklog, subscribe } from './delivery';
import { sessionEffects } from './effects';
import type { ConnectionEvent, DeleteRule } from './machines/connection.machine';
import type { SessionEvent } from './machines/session.machine';
import { inState } from './machines/stepper';
import type { ServerDisconnectEvent } from './profiles';
import { nextU32 } from './rng';
import { type WhyCode, why } from './rules';
import {
  type ClientRt,
  type ConnRt,
  connectionStepper,
  Runtime,
  type SessionCtx,
  type SessionRt,
  sessionStepper,
} from './runtime';
import { toMs } from './script/names';
import { type ConnectParams, connectParams } from './script/steps';
import type { CloseCause, PacketDetail, Why } from './types';

/** What a close needs beyond its event: the client's Reason Code, and whether a stopping broker
 * delivers no will (ejabberd 23.01, profile.restart.deliversWills). */
export interface CloseExtra {
  reason?: number;
  shutdownDropsWill?: boolean;
}

/**
 * Connections as the broker sees them: accepting or refusing a CONNECT (broker/connect.ts decides),
 * a client's DISCONNECT (broker/disconnect.ts), and every close, after which the session machine
 * decides what becomes of the will and the session. The loop (sim.ts) calls these.
 */
export abstract class Connections extends Runtime {
  private connIds = 0;
  private sessionNos = 0;

  /** Called after every close, for what the scenario says happens next (FORMAT.md afterClose). */
  protected abstract closed(c: ClientRt): void;

  protected sendSession(s: SessionRt, event: SessionEvent, ctx: SessionCtx): void {
    const r = sessionStepper.send(s.snap, event);
    this.transitions++;
    s.snap = r.snap;
    const changed = r.value !== s.state;
    s.state = r.value;
    sessionEffects(this, s, r.effects, ctx);
    if (changed) this.trace.state('session', `${s.clientId}@${s.no}`, r.value);
  }

  /** The client forgets its socket without closing it (no FIN reaches the broker). */
  protected abandon(c: ClientRt): void {
    this.stopPing(c);
    this.sendClient(c, { type: 'socket.closed' });
    c.conn = null;
  }

  // --- CONNECT (§3.1.4) ----------------------------------------------------------------------

  protected connect(c: ClientRt, step: number, override: ConnectParams | null): void {
    const p = override ?? connectParams(c.def);
    const v = p.protocol;
    const b = this.sc.broker;
    this.sendClient(c, { type: 'cmd.connect' });
    c.connCount++;
    const se = sessionExpiryInForce(p, b);
    const conn: ConnRt = {
      id: ++this.connIds,
      no: c.connCount,
      client: c,
      clientId: c.def.clientId,
      v,
      snap: null, // the connection machine starts once the CONNECT is accepted
      state: 'connecting',
      open: false,
      cleanStart: p.cleanStart,
      requestedSei: se.requested,
      keepAlive: p.keepAlive,
      serverKeepAlive: false,
      windowMs: 0,
      lastRecvAt: this.now,
      connectedAt: this.now,
      ka: null,
      session: null,
      subscriptions: c.def.subscriptions,
    };
    c.conn = conn;
    const sessionExpiry = v === 5 ? p.sessionExpiry : undefined;
    const hasWill = p.will !== null;
    this.packet('in', conn, 'CONNECT', {
      cleanStart: p.cleanStart,
      sessionExpiry,
      keepAlive: p.keepAlive,
      hasWill,
      step,
    });

    // Nothing is stored and nobody is taken over unless the CONNECT is accepted (broker/connect.ts).
    const refusal = connectRefusal(p, b, conn.clientId, this.profile);
    if (refusal) {
      const dev = refusal.byProfile ? this.deviation(refusal.code) : undefined;
      this.trace.connection(
        'refused',
        c.name,
        conn.no,
        conn.clientId,
        why(refusal.code, v, { ...refusal.params, reason: refusal.reason }, dev),
      );
      // reason null: closed without a CONNACK (3.1.1 [MQTT-3.1.4-1]; a profile's choice for 5.0).
      if (refusal.reason !== null)
        this.packet('out', conn, 'CONNACK', { reason: refusal.reason, sessionPresent: false, step });
      this.sendClient(c, { type: 'connack', accepted: false });
      c.conn = null;
      return;
    }
    if (conn.clientId === '') {
      conn.clientId = `auto-${nextU32(this.rng).toString(16).padStart(8, '0')}`;
      this.note(c.name, why('conn.clientIdAssigned', v, { clientId: conn.clientId }));
    }
    const clientId = conn.clientId;
    // [MQTT-3.1.4-3] (5.0) / [MQTT-3.1.4-2] (3.1.1): the existing connection is closed first, so a
    // will published "at takeover" precedes the new CONNACK.
    const existing = this.live.get(clientId);
    if (existing?.open) {
      const sessionOutlives = (existing.session?.sei ?? 0) !== 0;
      this.closeConnection(existing, { type: 'takeover', byCleanStart: p.cleanStart, sessionOutlives }, {});
    }
    if (se.capped !== undefined)
      this.note(c.name, why('session.expiryCapped', v, { requested: se.requested, granted: se.sei }));

    let s = this.sessions.get(clientId);
    const attach: SessionEvent = {
      type: 'conn.attached',
      v,
      cleanStart: p.cleanStart,
      hasWill,
      willDelayZero: willDelayZero(p),
    };
    const ctx: SessionCtx = {
      pendingWill: p.will ? { def: p.will, from: c.name, conn: conn.no, connectedAt: this.now } : null,
      conn,
    };
    // Only a Session Expiry 0 session still waiting for its will (mosquitto#3505) is found
    // detached with Session Expiry 0: it ends now, it is not resumed.
    const notResumable =
      this.profile.sessionQuirks.seiZeroWillWaitsForDelay === true && s !== undefined && s.sei === 0 && s.conn === null;
    if (s && (p.cleanStart || notResumable)) {
      // Clean Start 1 ends the existing session (publishing a pending will at once, ambiguity A1).
      // A cached (NanoMQ) session's will is dropped only while its deadline from CONNECT is ahead.
      const held = inState(s.snap, 'detached.willHeld') ? s.will : null;
      const dropWill =
        this.profile.newConnectionDropsDelayedWill === true &&
        (held === null || (held.def.delay !== null && held.connectedAt + toMs(held.def.delay) > this.now));
      this.sendSession(
        s,
        { type: 'session.discard', why: p.cleanStart ? 'cleanStart' : 'closedSeiZero', dropWill },
        { pendingWill: null, conn: null, ...(dropWill ? { deleteRule: 'newConnection' as const } : {}) },
      );
      s = undefined;
    }
    const sessionPresent = s !== undefined;
    if (s) {
      s.sei = se.sei;
      s.v = v;
      s.cleanStart = p.cleanStart;
      s.owner = c.name;
    } else {
      s = this.newSession(clientId, v, se.sei, p.cleanStart, c.name);
      const code = p.cleanStart ? 'session.created.cleanStart' : 'session.created.noneStored';
      this.trace.session('created', clientId, s.no, c.name, why(code, v));
    }
    s.conn = conn;
    s.lastConn = conn.no;
    conn.session = s;
    this.sendSession(s, attach, ctx);

    const ka = keepAliveInForce(v, p.keepAlive, b);
    conn.keepAlive = ka.keepAlive;
    conn.serverKeepAlive = ka.serverKeepAlive !== null;
    conn.windowMs = keepAliveWindowMs(ka.keepAlive, this.profile);
    const deletes = this.profile.disconnectDeletesWill;
    const pr = this.profile;
    const r = connectionStepper.init({
      v,
      anyDisconnectDeletesWill: deletes === 'all' || deletes === 'allBut0x04',
      ...(deletes === 'allBut0x04' ? { keeps0x04: true } : {}),
      ...(pr.serverDisconnect ? { serverDisconnect: pr.serverDisconnect } : {}),
      ...(pr.secondConnectEndsSession ? { secondConnectEndsSession: true } : {}),
      ...(pr.takeoverKeepsWillOnlyIfSessionEnds ? { takeoverKeepsWillOnlyIfSessionEnds: true } : {}),
    });
    this.transitions++;
    conn.snap = r.snap;
    conn.state = r.value;
    conn.open = true;
    this.live.set(clientId, conn);
    this.trace.connection('opened', c.name, conn.no, clientId, why('conn.accepted', v, { sessionPresent }));
    const connack: PacketDetail = { reason: 0, sessionPresent, step };
    if (se.capped !== undefined) connack.sessionExpiry = se.capped;
    if (ka.serverKeepAlive !== null) connack.keepAlive = ka.serverKeepAlive;
    this.packet('out', conn, 'CONNACK', connack);
    // The Keep Alive in force gets its own explanation when the broker set it, or when it is off.
    if (ka.serverKeepAlive !== null && !c.implicit)
      this.note(c.name, why('keepAlive.server', v, { requested: p.keepAlive, keepAlive: ka.keepAlive }));
    else if (ka.keepAlive === 0 && !c.implicit) this.note(c.name, why('keepAlive.off', v));

    // NanoMQ's connection timer closes a silent connection even with Keep Alive 0 (the implicit
    // clients of a recording keep themselves alive: the player's observer sends PINGREQ).
    if (conn.windowMs > 0 || (this.profile.connectionTimer && !c.implicit)) {
      const kaDue = this.keepAliveDue(conn);
      conn.ka = this.schedule(kaDue, { kind: 'timer', timer: 'keepAlive', target: conn });
      this.timerTrace('armed', 'keepAlive', conn, null, kaDue);
    }
    const effects = this.sendClient(c, { type: 'connack', accepted: true });
    if (effects.some((e) => e.type === 'startKeepAlive')) this.startPing(c);
    if (sessionPresent) deliverBacklog(this, conn, s);
    else for (const sub of conn.subscriptions) subscribe(this, conn, sub);
  }

  private newSession(clientId: string, v: 4 | 5, sei: number, cleanStart: boolean, owner: string): SessionRt {
    const r = sessionStepper.init({ quirks: this.profile.sessionQuirks });
    this.transitions++;
    const s: SessionRt = {
      no: ++this.sessionNos,
      clientId,
      snap: r.snap,
      state: r.value,
      v,
      sei,
      cleanStart,
      will: null,
      subs: new Map(),
      queue: [],
      inflight: [],
      conn: null,
      owner,
      closedAt: null,
      lastCause: null,
      lastReason: null,
      lastConn: 0,
      lastTimer: null,
      timers: { willDelay: null, sessionExpiry: null },
      ended: false,
    };
    this.sessions.set(clientId, s);
    return s;
  }

  // --- closing a connection ------------------------------------------------------------------

  protected clientDisconnect(c: ClientRt, reason: number, sessionExpiry: number | null | undefined): void {
    const conn = c.conn as ConnRt;
    const v = conn.v;
    this.sendClient(c, { type: 'cmd.disconnect' });
    this.stopPing(c);
    c.conn = null;
    const detail: PacketDetail = {};
    if (v === 5) {
      detail.reason = reason;
      if (sessionExpiry !== undefined) detail.sessionExpiry = sessionExpiry;
    }
    this.packet('in', conn, 'DISCONNECT', detail);
    const s = conn.session;
    const accepts = this.profile.seiRaiseAtDisconnectAccepted === true;
    const change = disconnectSessionExpiry(v, reason, sessionExpiry, conn.requestedSei, this.sc.broker, accepts);
    if (s && change.granted !== null) {
      const p = { from: s.sei, to: change.granted };
      if (change.raiseAccepted)
        this.note(c.name, why('session.expiryRaisedAccepted', v, p, this.deviation('session.expiryRaisedAccepted')));
      else if (change.granted !== s.sei) this.note(c.name, why('session.expiryChanged', v, p));
      s.sei = change.granted;
    }
    const normal = v === 4 || reason === 0;
    const known = isDisconnectCode(v, reason);
    const event: ConnectionEvent = {
      type: 'packet.disconnect',
      normal,
      known,
      seiRaisedFromZero: change.raisedFromZero,
      reason,
    };
    this.closeConnection(conn, event, { reason });
  }

  protected closeConnection(conn: ConnRt, event: ConnectionEvent, extra: CloseExtra): void {
    if (!conn.open) return;
    const effects = this.sendConnection(conn, event);
    let cause: CloseCause = 'network';
    let deleteRule: DeleteRule = 'none';
    for (const e of effects) {
      if (e.type === 'sendDisconnect') this.packet('out', conn, 'DISCONNECT', { reason: e.params.reason });
      else {
        cause = e.params.cause;
        deleteRule = e.params.deleteRule;
      }
    }
    // Where the profile chose another DISCONNECT (or none) than the spec, the trace cites it. A
    // DISCONNECT with an unknown Reason Code is a malformed packet like any other.
    const key = event.type === 'packet.disconnect' && cause === 'malformed' ? 'packet.malformed' : event.type;
    const over = conn.v === 5 ? this.profile.serverDisconnect?.[key as ServerDisconnectEvent] : undefined;
    conn.open = false;
    if (this.live.get(conn.clientId) === conn) this.live.delete(conn.clientId);
    if (conn.ka) {
      conn.ka.cancelled = true;
      conn.ka = null;
      this.timerTrace('cancelled', 'keepAlive', conn, null, null);
    }
    const w = this.closeWhy(conn, event, cause, over, extra.reason);
    this.trace.connection('closed', conn.client.name, conn.no, conn.clientId, w, cause);

    // The client learns that its socket is gone (unless it closed it itself).
    const c = conn.client;
    if (c.conn === conn) {
      this.stopPing(c);
      this.sendClient(c, { type: 'socket.closed' });
      c.conn = null;
    }
    const s = conn.session;
    if (s && s.conn === conn) this.detach(s, conn, cause, deleteRule, extra);

    this.closed(c);
  }

  private closeWhy(
    conn: ConnRt,
    event: ConnectionEvent,
    cause: CloseCause,
    over: number | null | undefined,
    reason?: number,
  ): Why {
    const v = conn.v;
    const code: WhyCode =
      event.type === 'packet.unsupported'
        ? event.reason === 0x9b
          ? 'conn.closed.qosNotSupported'
          : 'conn.closed.retainNotSupported'
        : cause === 'protocolError' && event.type === 'packet.disconnect'
          ? 'conn.closed.seiRaised'
          : (`conn.closed.${cause}` as WhyCode);
    const params: Why['params'] = { cause };
    if (reason !== undefined && v === 5) params.reason = reason;
    if (cause === 'keepAlive') {
      params.keepAlive = conn.keepAlive;
      if (conn.serverKeepAlive) params.serverKeepAlive = true;
    }
    if (event.type === 'packet.unsupported') {
      params.maximumQos = this.sc.broker.maximumQos;
      params.disconnect = event.reason;
    }
    const sweep = this.profile.keepAliveSweepMs;
    // Rounding the grace departs from the spec only where 1.5 x Keep Alive is not whole seconds.
    const rounded = this.profile.keepAliveGraceWholeSeconds === true && conn.windowMs !== conn.keepAlive * 1500;
    let deviation =
      cause === 'keepAlive' && (this.profile.keepAliveFactor !== 1.5 || sweep !== undefined || rounded)
        ? this.deviation('conn.closed.keepAlive')
        : undefined;
    if (deviation) params.factor = this.profile.keepAliveFactor;
    if (deviation && rounded) params.grace = conn.windowMs / 1000;
    if (deviation && sweep !== undefined) params.sweep = sweep / 1000;
    const timer = this.profile.connectionTimer;
    if (cause === 'keepAlive' && timer) {
      deviation = this.deviation('conn.closed.keepAlive');
      params.factor = this.profile.keepAliveFactor;
      params.firstTick = timer.firstMs / 1000;
      params.tick = timer.everyMs / 1000;
    }
    if (over !== undefined) {
      params.disconnect = over;
      deviation = this.deviation(code);
    }
    return why(code, v, params, deviation);
  }

  /** The session loses its connection: the session machine decides the will's and its own fate. */
  private detach(s: SessionRt, conn: ConnRt, cause: CloseCause, deleteRule: DeleteRule, extra: CloseExtra): void {
    s.conn = null;
    s.closedAt = this.now;
    s.lastCause = cause;
    s.lastReason = conn.v === 5 && extra.reason !== undefined ? extra.reason : null;
    s.lastTimer = { connectedAt: conn.connectedAt, lastRecvAt: conn.lastRecvAt };
    // Copies in flight that the client never acknowledged go back to the front of the queue.
    if (s.inflight.length > 0) {
      s.queue = [...s.inflight, ...s.queue];
      s.inflight = [];
    }
    // The connection machine decided (secondConnectEndsSession): the failed second CONNECT also
    // clears Clean Start and Session Expiry, so the session ends at this close.
    if (deleteRule === 'quirkSecondConnect') {
      s.sei = 0;
      s.cleanStart = true;
    }
    // ejabberd 23.01: a stopping node delivers no will (profile.restart.deliversWills).
    const rule = extra.shutdownDropsWill ? 'quirkShutdown' : deleteRule;
    const deleteWill = rule !== 'none';
    // NanoMQ: the old connection of a takeover is closed like a dropped one (and cached).
    const kicked = cause === 'adminKick' || (cause === 'takeover' && !this.profile.takeoverCachesSession);
    const closed: SessionEvent = {
      type: 'conn.closed',
      deleteWill,
      seiZero: s.sei === 0,
      seiNever: neverExpires(s.v, s.sei),
      kicked,
    };
    this.sendSession(s, closed, { pendingWill: null, conn, deleteRule: rule, reason: extra.reason });
  }
}
