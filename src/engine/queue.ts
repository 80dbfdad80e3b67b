/**
 * The engine's event queue: a binary min-heap ordered by (at, phase, seq). `phase` puts deadlines
 * (timers) before scenario steps at the same millisecond: at that instant the interval has elapsed.
 * `seq` is a global counter, so ties are broken by insertion order and runs are reproducible.
 */
export interface Queued<T> {
  at: number;
  phase: number;
  seq: number;
  item: T;
  cancelled: boolean;
}

function before<T>(a: Queued<T>, b: Queued<T>): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.phase !== b.phase) return a.phase < b.phase;
  return a.seq < b.seq;
}

export class EventQueue<T> {
  private heap: Queued<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, phase: number, item: T): Queued<T> {
    const q: Queued<T> = { at, phase, seq: this.seq++, item, cancelled: false };
    const h = this.heap;
    h.push(q);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as Queued<T>;
      if (!before(q, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = q;
    return q;
  }

  peek(): Queued<T> | undefined {
    return this.heap[0];
  }

  pop(): Queued<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined) return undefined;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n && before(h[r] as Queued<T>, h[l] as Queued<T>)) c = r;
        const child = h[c] as Queued<T>;
        if (!before(child, last)) break;
        h[i] = child;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
