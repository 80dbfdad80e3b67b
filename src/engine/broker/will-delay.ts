/**
 * The waiting wills of 5.0 §3.1.3.2.2 (Will Delay Interval) as one list, for profiles whose broker
 * keeps them so (BrokerProfile.willDelayQueue 'byInterval', Mosquitto 2.0 src/will_delay.c): sorted
 * by Will Delay Interval, newest first among equals, checked from its head, so a will is not
 * published before every will ahead of it is due. The spec profile has no list (each will has its
 * own timer); then every method is a no-op.
 */
interface Entry<S> {
  s: S;
  interval: number;
  /** When this will would be due on its own (ms). */
  natural: number;
  /** It reached its own deadline but waits behind an earlier entry. */
  held: boolean;
}

export class WillDelayQueue<S> {
  private readonly list: Entry<S>[] = [];

  constructor(private readonly enabled: boolean) {}

  join(s: S, interval: number, due: number): void {
    if (!this.enabled) return;
    this.remove(s);
    // Before the first entry whose interval is not smaller: newest first among equals.
    let i = this.list.findIndex((x) => x.interval >= interval);
    if (i < 0) i = this.list.length;
    this.list.splice(i, 0, { s, interval, natural: due, held: false });
  }

  /** The latest deadline among the waiting wills ahead of entry `i` (they go first). */
  private aheadBound(i: number): number {
    let bound = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < i; j++) bound = Math.max(bound, (this.list[j] as Entry<S>).natural);
    return bound;
  }

  private remove(s: S): number {
    const i = this.list.findIndex((x) => x.s === s);
    if (i >= 0) this.list.splice(i, 1);
    return i;
  }

  /**
   * Takes `s` off the list. The wills held behind it are looked at again at the broker's next
   * check (`check`): returned with the time each is now due.
   */
  leave(s: S, now: number, check: number): { s: S; at: number }[] {
    const i = this.remove(s);
    if (i < 0) return [];
    const out: { s: S; at: number }[] = [];
    for (let j = i; j < this.list.length; j++) {
      const e = this.list[j] as Entry<S>;
      if (!e.held) continue;
      const bound = this.aheadBound(j);
      out.push({ s: e.s, at: bound > now ? Math.max(bound, e.natural) : check });
    }
    return out;
  }

  /** If the will of `s`, due now, must wait for wills ahead of it: until when (ms); else null. */
  holdUntil(s: S, now: number): number | null {
    const i = this.list.findIndex((x) => x.s === s);
    if (i < 0) return null;
    const bound = this.aheadBound(i);
    if (bound <= now) return null;
    (this.list[i] as Entry<S>).held = true;
    return bound;
  }
}
