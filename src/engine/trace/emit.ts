import type { CloseCause, PacketDetail, PacketType, StepAction, TimerKind, TraceEntry, Why, WillProps } from '../types';

/**
 * Writing the trace: one method per entry kind, stamped with the run's current virtual time. The
 * engine emits through this and nothing else, so every entry has the shape src/engine/types.ts
 * gives it and an actor (a client name, or null for the broker itself).
 */
type WillOf = { from: string; conn: number };
type MessageOp = Extract<TraceEntry, { kind: 'message' }>['op'];
type WillOp = Extract<TraceEntry, { kind: 'will' }>['op'];
type SessionOp = Extract<TraceEntry, { kind: 'session' }>['op'];

export class TraceWriter {
  readonly entries: TraceEntry[] = [];
  now = 0;

  step(index: number, action: StepAction, client: string | null): void {
    this.entries.push({ t: this.now, kind: 'step', index, action, client });
  }

  packet(dir: 'in' | 'out', client: string, conn: number, type: PacketType, detail: PacketDetail): void {
    this.entries.push({ t: this.now, kind: 'packet', dir, client, conn, type, detail });
  }

  timer(
    op: 'armed' | 'cancelled' | 'fired',
    timer: TimerKind,
    client: string,
    conn: number,
    clientId: string,
    due: number | null,
  ): void {
    this.entries.push({ t: this.now, kind: 'timer', op, timer, client, conn, clientId, due });
  }

  connection(
    op: 'opened' | 'closed' | 'refused',
    client: string,
    conn: number,
    clientId: string,
    why: Why,
    cause?: CloseCause,
  ): void {
    // Key order as the trace has always had it (exports and fixtures serialise entries).
    this.entries.push(
      cause === undefined
        ? { t: this.now, kind: 'connection', op, client, conn, clientId, why }
        : { t: this.now, kind: 'connection', op, client, conn, clientId, cause, why },
    );
  }

  session(op: SessionOp, clientId: string, session: number, client: string, why: Why, endsAt?: number | null): void {
    this.entries.push(
      endsAt === undefined
        ? { t: this.now, kind: 'session', op, clientId, session, client, why }
        : { t: this.now, kind: 'session', op, clientId, session, client, endsAt, why },
    );
  }

  will(
    op: WillOp,
    clientId: string,
    from: string,
    conn: number,
    topic: string,
    payload: string,
    why: Why,
    due?: number | null,
  ): void {
    this.entries.push(
      due === undefined
        ? { t: this.now, kind: 'will', op, clientId, from, conn, topic, payload, why }
        : { t: this.now, kind: 'will', op, clientId, from, conn, topic, payload, due, why },
    );
  }

  message(
    op: MessageOp,
    to: string | null,
    topic: string,
    payload: string,
    qos: number,
    retain: boolean,
    willOf: WillOf | undefined,
    why: Why,
    /** A will's properties, on a delivery to a 5.0 subscriber. */
    props?: WillProps,
  ): void {
    if (props)
      this.entries.push({ t: this.now, kind: 'message', op, to, topic, payload, qos, retain, willOf, props, why });
    else this.entries.push({ t: this.now, kind: 'message', op, to, topic, payload, qos, retain, willOf, why });
  }

  state(machine: 'client' | 'connection' | 'session', id: string, value: string): void {
    this.entries.push({ t: this.now, kind: 'state', machine, id, value });
  }

  note(client: string | null, why: Why): void {
    this.entries.push({ t: this.now, kind: 'note', client, why });
  }
}
