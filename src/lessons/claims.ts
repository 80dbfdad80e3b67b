import { toMs } from '../engine/script';
import { closes, deliveries, entriesOf, type WillFateKind, willFates } from '../engine/trace';
import type { CloseCause, PacketType, RunResult } from '../engine/types';

/**
 * Claims a lesson makes about its runs, as data the engine's output is checked against. A lesson's
 * narrative beats and the options of its question carry claims; the player reveals which options
 * hold by evaluating them on the runs, and a test asserts every beat's claims, so no lesson can
 * teach something the model contradicts. Times are in seconds, as in scenarios.
 */
export type RunId = 'a' | 'b' | 'c';

interface On {
  /** Which run the claim is about (default: the first). */
  run?: RunId;
}

export type Claim = On &
  (
    | {
        kind: 'will';
        from: string;
        conn?: number;
        /** What finally became of the will; `notPublished` = any fate but published. */
        fate: WillFateKind | 'notPublished';
        /** When that fate was decided (s). */
        atS?: number;
      }
    | { kind: 'willScheduled'; from: string; conn?: number; atS: number; dueS: number }
    | {
        kind: 'delivered';
        to: string;
        topic?: string;
        payload?: string;
        atS?: number;
        retain?: boolean;
        /** false: no such delivery happens in the run. */
        happens?: boolean;
      }
    | { kind: 'closed'; client: string; conn?: number; atS: number; cause?: CloseCause }
    | { kind: 'packet'; client: string; dir: 'in' | 'out'; type: PacketType; atS: number; reason?: number }
    | { kind: 'sessionPresent'; client: string; value: boolean; step?: number }
    | { kind: 'sessionEnded'; client: string; atS: number }
    | { kind: 'retainedAfter'; topic: string; payload: string | null }
    | { kind: 'offlineReceives'; topic: string; payload: string; happens?: boolean }
    | { kind: 'messageExpired'; to: string; topic: string; atS: number }
    | { kind: 'queued'; to: string; topic: string; atS: number }
    | { kind: 'disconnectReason'; client: string; reason: number }
  );

export type Runs = Partial<Record<RunId, RunResult>>;

const ms = toMs;
const atMs = (s: number | undefined, t: number) => s === undefined || ms(s) === t;
const entries = <K extends Parameters<typeof entriesOf>[1]>(r: RunResult, kind: K) => entriesOf(r.trace, kind);

/** Whether a claim holds in the runs. A claim about a run that is missing does not hold. */
export function claimHolds(claim: Claim, runs: Runs): boolean {
  const r = runs[claim.run ?? 'a'];
  if (!r) return false;
  switch (claim.kind) {
    case 'will': {
      const f = willFates(r.trace).find((w) => w.from === claim.from && (claim.conn ?? 1) === w.conn);
      if (!f) return false;
      const fateOk = claim.fate === 'notPublished' ? f.fate !== 'published' : f.fate === claim.fate;
      return fateOk && atMs(claim.atS, f.at);
    }
    case 'willScheduled':
      return entries(r, 'will').some(
        (e) =>
          e.op === 'scheduled' &&
          e.from === claim.from &&
          e.conn === (claim.conn ?? 1) &&
          e.t === ms(claim.atS) &&
          e.due === ms(claim.dueS),
      );
    case 'delivered': {
      const found = deliveries(r.trace, claim.to).some(
        (e) =>
          (claim.topic === undefined || e.topic === claim.topic) &&
          (claim.payload === undefined || e.payload === claim.payload) &&
          (claim.retain === undefined || e.retain === claim.retain) &&
          atMs(claim.atS, e.t),
      );
      return found === (claim.happens ?? true);
    }
    case 'closed':
      return closes(r.trace, claim.client, claim.conn ?? 1).some(
        (e) => e.t === ms(claim.atS) && (claim.cause === undefined || e.cause === claim.cause),
      );
    case 'packet':
      return entries(r, 'packet').some(
        (e) =>
          e.client === claim.client &&
          e.dir === claim.dir &&
          e.type === claim.type &&
          e.t === ms(claim.atS) &&
          (claim.reason === undefined || e.detail.reason === claim.reason),
      );
    case 'sessionPresent': {
      const sp = r.outcome.sessionPresent.filter((s) => s.client === claim.client);
      const pick = claim.step === undefined ? sp.at(-1) : sp.find((s) => s.step === claim.step);
      return pick !== undefined && pick.value === claim.value;
    }
    case 'sessionEnded':
      return entries(r, 'session').some((e) => e.op === 'ended' && e.client === claim.client && e.t === ms(claim.atS));
    case 'retainedAfter': {
      const m = r.outcome.retainedAfter.messages.find((x) => x.topic === claim.topic);
      return claim.payload === null ? m === undefined : m?.payload === claim.payload;
    }
    case 'offlineReceives': {
      const got = (r.outcome.offlineSubscriber?.messages ?? []).some(
        (m) => m.topic === claim.topic && m.payload === claim.payload,
      );
      return got === (claim.happens ?? true);
    }
    case 'messageExpired':
      return entries(r, 'message').some(
        (e) => e.op === 'expired' && e.to === claim.to && e.topic === claim.topic && e.t === ms(claim.atS),
      );
    case 'queued':
      return entries(r, 'message').some(
        (e) => e.op === 'queued' && e.to === claim.to && e.topic === claim.topic && e.t === ms(claim.atS),
      );
    case 'disconnectReason':
      return r.outcome.disconnectReasons.some((d) => d.client === claim.client && d.reason === claim.reason);
  }
}

export function allHold(claims: readonly Claim[], runs: Runs): boolean {
  return claims.every((c) => claimHolds(c, runs));
}
