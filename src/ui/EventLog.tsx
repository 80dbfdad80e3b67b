import { memo, type KeyboardEvent as ReactKeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TraceEntry } from '../engine/types';
import type { Catalog } from '../i18n/catalog';
import { useMessages } from '../i18n/react';
import { type RenderedEntry, renderEntry } from '../i18n/render';
import { useView, viewStore } from '../store/view';
import { upperBound } from './model';
import { useCurrentRun } from './run-context';

/** Most entries rendered at once: the ones just before the playhead. */
const LIMIT = 200;

const rendered = new WeakMap<readonly TraceEntry[], Map<number, RenderedEntry>>();
function entryText(trace: readonly TraceEntry[], i: number, cat: Catalog): RenderedEntry {
  let m = rendered.get(trace);
  if (!m) {
    m = new Map();
    rendered.set(trace, m);
  }
  let r = m.get(i);
  if (!r) {
    r = renderEntry(trace[i] as TraceEntry, cat);
    m.set(i, r);
  }
  return r;
}

interface RowProps {
  index: number;
  trace: readonly TraceEntry[];
  selected: boolean;
  tabbable: boolean;
  cat: Catalog;
}

const Row = memo(function Row({ index, trace, selected, tabbable, cat }: RowProps) {
  const e = trace[index] as TraceEntry;
  const r = entryText(trace, index, cat);
  const showWhy = (e.kind === 'will' || e.kind === 'note') && r.why;
  const tone =
    e.kind === 'will'
      ? e.op === 'published'
        ? 'border-l-amber-500'
        : e.op === 'stored' || e.op === 'scheduled'
          ? 'border-l-amber-200 dark:border-l-amber-800'
          : 'border-l-rose-500'
      : e.kind === 'step'
        ? 'border-l-slate-700 dark:border-l-slate-300'
        : 'border-l-transparent';
  return (
    <li>
      <button
        type="button"
        data-entry={index}
        tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        onClick={() => viewStore.getState().entrySelected(index, e.t)}
        className={`block w-full border-l-4 px-2 py-0.5 text-left text-xs ${tone} ${selected ? 'bg-sky-100 dark:bg-sky-900/60' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
      >
        <span className="mr-2 tabular-nums text-slate-600 dark:text-slate-400">{r.time}</span>
        <span className="mr-2 font-semibold">{r.actor}</span>
        <span>{r.what}</span>
        {showWhy && r.why && (
          <span className="block text-slate-700 dark:text-slate-300">
            {r.why.sentence} {r.why.clauses}
            {r.why.deviation ? ` ${r.why.deviation}` : ''}
          </span>
        )}
      </button>
    </li>
  );
});

/**
 * The event log: an element with role "log" listing, as plain text, what happened up to the
 * playhead (time in seconds, actor, what), so a screen reader can follow the run as it plays.
 */
export function EventLog() {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const run = useCurrentRun();
  const headingId = useId();
  const [packets, setPackets] = useState(true);
  const [timers, setTimers] = useState(true);
  const boxRef = useRef<HTMLDivElement>(null);
  const trace = run?.result.trace;

  const list = useMemo(() => {
    const idx: number[] = [];
    const times: number[] = [];
    if (run) {
      const { logIndex, logTimes } = run.model;
      for (let k = 0; k < logIndex.length; k++) {
        const i = logIndex[k] as number;
        const kind = run.result.trace[i]?.kind;
        if ((kind === 'packet' && !packets) || (kind === 'timer' && !timers)) continue;
        idx.push(i);
        times.push(logTimes[k] as number);
      }
    }
    return { idx, times };
  }, [run, packets, timers]);

  const count = useView((s) => upperBound(list.times, s.playhead));
  const selected = useView((s) => s.selectedEntry);
  const first = Math.max(0, count - LIMIT);
  const shown = list.idx.slice(first, count);
  const tabbable = selected !== null && shown.includes(selected) ? selected : shown[shown.length - 1];

  // Keep the newest entry (or the selected one) in view, like a terminal.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the entries shown change (count)
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const sel = selected !== null ? box.querySelector<HTMLElement>(`[data-entry="${selected}"]`) : null;
    if (sel) {
      const top = sel.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 24)
        box.scrollTop = top - box.clientHeight / 2;
    } else box.scrollTop = box.scrollHeight;
  }, [count, selected]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(boxRef.current?.querySelectorAll<HTMLButtonElement>('button[data-entry]') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      for (const b of buttons) b.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
    e.preventDefault();
  };

  return (
    <section aria-labelledby={headingId} className="panel flex min-h-0 flex-col">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id={headingId} className="panel-title">
          {t.log.heading}
        </h2>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={packets} onChange={(e) => setPackets(e.target.checked)} />
          {t.log.showPackets}
        </label>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={timers} onChange={(e) => setTimers(e.target.checked)} />
          {t.log.showTimers}
        </label>
        <p className="ml-auto text-xs text-slate-600 dark:text-slate-400">{t.log.counts(count, list.idx.length)}</p>
      </div>
      <div
        ref={boxRef}
        role="log"
        aria-label={t.log.label}
        onKeyDown={onKeyDown}
        className="mt-2 max-h-[28rem] min-h-40 overflow-y-auto rounded border border-slate-200 dark:border-slate-800"
      >
        {first > 0 && <p className="px-2 py-1 text-xs text-slate-600 dark:text-slate-400">{t.log.earlier(first)}</p>}
        {shown.length === 0 ? (
          <p className="px-2 py-1 text-xs">{t.log.empty}</p>
        ) : (
          <ol>
            {trace &&
              shown.map((i) => (
                <Row key={i} index={i} trace={trace} selected={i === selected} tabbable={i === tabbable} cat={cat} />
              ))}
          </ol>
        )}
      </div>
    </section>
  );
}
