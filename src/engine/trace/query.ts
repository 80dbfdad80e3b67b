import { OBSERVER } from '../script/names';
import type { TraceEntry } from '../types';

/**
 * The one query layer over a trace: what the test driver, the lesson claims, the explorer, compare
 * and the outcome cards ask of a run. Pure reads; times are virtual ms.
 */
export type EntryOf<K extends TraceEntry['kind']> = Extract<TraceEntry, { kind: K }>;
export type CloseEntry = EntryOf<'connection'> & { op: 'closed' };
export type DeliveryEntry = EntryOf<'message'> & { op: 'delivered' };

export function entriesOf<K extends TraceEntry['kind']>(trace: readonly TraceEntry[], kind: K): EntryOf<K>[] {
  return trace.filter((e): e is EntryOf<K> => e.kind === kind);
}

/** Connections the broker closed, in order; optionally one client's (and one connection's). */
export function closes(trace: readonly TraceEntry[], client?: string, conn?: number): CloseEntry[] {
  return trace.filter(
    (e): e is CloseEntry =>
      e.kind === 'connection' &&
      e.op === 'closed' &&
      (client === undefined || e.client === client) &&
      (conn === undefined || e.conn === conn),
  );
}

/** The close of `client`'s connection `conn` (default the first), if the broker closed it. */
export function closeOf(trace: readonly TraceEntry[], client: string, conn = 1): CloseEntry | undefined {
  for (const e of trace)
    if (e.kind === 'connection' && e.op === 'closed' && e.client === client && e.conn === conn) return e as CloseEntry;
  return undefined;
}

/** Messages delivered, in order; optionally to one client. */
export function deliveries(trace: readonly TraceEntry[], to?: string): DeliveryEntry[] {
  return trace.filter(
    (e): e is DeliveryEntry => e.kind === 'message' && e.op === 'delivered' && (to === undefined || e.to === to),
  );
}

/** Wills delivered to `to` (default the implicit observer), optionally only those of `from`. */
export function willDeliveries(trace: readonly TraceEntry[], from?: string, to: string = OBSERVER): DeliveryEntry[] {
  return deliveries(trace, to).filter((e) => e.willOf !== undefined && (from === undefined || e.willOf.from === from));
}

export interface Connack {
  t: number;
  client: string;
  conn: number;
  /** Index of the scenario step that caused it; -1 for an implicit client's. */
  step: number;
  reason: number;
  sessionPresent: boolean;
}

/** Every CONNACK the broker sent, in order; optionally one client's. */
export function connacks(trace: readonly TraceEntry[], client?: string): Connack[] {
  const out: Connack[] = [];
  for (const e of trace)
    if (e.kind === 'packet' && e.type === 'CONNACK' && (client === undefined || e.client === client))
      out.push({
        t: e.t,
        client: e.client,
        conn: e.conn,
        step: e.detail.step ?? -1,
        reason: e.detail.reason ?? 0,
        sessionPresent: e.detail.sessionPresent === true,
      });
  return out;
}

/** Reason codes of the DISCONNECT packets the broker sent to `client`, in order. */
export function serverDisconnects(trace: readonly TraceEntry[], client: string): { t: number; reason: number }[] {
  const out: { t: number; reason: number }[] = [];
  for (const e of trace)
    if (e.kind === 'packet' && e.dir === 'out' && e.type === 'DISCONNECT' && e.client === client)
      out.push({ t: e.t, reason: e.detail.reason ?? -1 });
  return out;
}

/** The decisions of a run (wills, sessions, connections): what compare lines up between runs. */
export function decisions(trace: readonly TraceEntry[]): TraceEntry[] {
  return trace.filter((e) => e.kind === 'will' || e.kind === 'session' || e.kind === 'connection');
}
