import type { TraceEntry, Why } from '../types';

/**
 * What became of each will, derived from a trace: one record per will stored (per client name and
 * connection number). Used by the outcome cards, the explorer and the CLI summary.
 */
export type WillFateKind = 'published' | 'deleted' | 'cancelled' | 'withheld' | 'pending' | 'stored';

export interface WillFate {
  from: string;
  conn: number;
  clientId: string;
  topic: string;
  payload: string;
  storedAt: number;
  fate: WillFateKind;
  /** When the fate was decided (ms); for a pending will, when it was scheduled. */
  at: number;
  /** For a pending will: when it is due (ms), if known. */
  due: number | null;
  why: Why | null;
  /** Everything that happened to this will after it was stored, in order (the last is its fate). */
  history: { op: Exclude<WillFateKind, 'stored' | 'pending'> | 'scheduled'; at: number; why: Why }[];
}

export function willFates(trace: readonly TraceEntry[]): WillFate[] {
  const byKey = new Map<string, WillFate>();
  for (const e of trace) {
    if (e.kind !== 'will') continue;
    const key = `${e.from}#${e.conn}`;
    if (e.op === 'stored') {
      byKey.set(key, {
        from: e.from,
        conn: e.conn,
        clientId: e.clientId,
        topic: e.topic,
        payload: e.payload,
        storedAt: e.t,
        fate: 'stored',
        at: e.t,
        due: null,
        why: e.why,
        history: [],
      });
      continue;
    }
    const f = byKey.get(key);
    if (!f) continue;
    f.at = e.t;
    f.why = e.why;
    f.history.push({ op: e.op, at: e.t, why: e.why });
    if (e.op === 'scheduled') {
      f.fate = 'pending';
      f.due = e.due ?? null;
    } else {
      f.fate = e.op;
      f.due = null;
    }
  }
  return [...byKey.values()];
}
