import {
  memo,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { TraceEntry } from '../engine/types';
import type { Catalog } from '../i18n/catalog';
import { useMessages } from '../i18n/react';
import { renderEntry } from '../i18n/render';
import type { UiCatalog } from '../i18n/ui-catalog';
import { MAX_SHOWN_ENTRIES } from '../runner/runner';
import { scenarioStore } from '../store/scenario';
import { type TimeWindow, useView, viewStore } from '../store/view';
import { panBy, zoomBy, zoomToFit } from './commands';
import {
  type Arrow,
  type Band,
  BROKER_LANE,
  type Item,
  type Lane,
  type Marker,
  type RunModel,
  stateAt,
  type TimerBar,
} from './model';
import { type CurrentRun, useCurrentRun, useRun, useRunStore } from './run-context';

/**
 * The timeline: a lane per client, one for the broker, subscribers below it. Packets are arrows
 * between a client's lane and the broker's; timers are bars; wills are marked. The drawing depends
 * on (run, visible window, width) only; the playhead is a separate overlay, so scrubbing re-renders
 * a line, not the run.
 */

const LABEL_W = 128;
const RIGHT_PAD = 16;
const RULER_H = 26;
const CLIENT_H = 72;
const BROKER_H = 40;

interface Geometry {
  from: number;
  to: number;
  width: number;
  height: number;
  /** y of each lane's top, by lane key. */
  top: Map<string, number>;
  x: (t: number) => number;
  t: (x: number) => number;
}

const laneHeight = (l: Lane) => (l.kind === 'broker' ? BROKER_H : CLIENT_H);
// Rows of a client lane (offsets from its top).
const ROW = { conn: 9, connH: 14, session: 26, sessionH: 4, keepAlive: 34, willDelay: 43, sessionExpiry: 57 };
/** Bar heights: the will's two timers are tall enough to carry their name and length. */
const BAR_H: Record<TimerBar['timer'], number> = { keepAlive: 5, willDelay: 11, sessionExpiry: 11 };
const connY = (top: number) => top + ROW.conn + ROW.connH / 2;
const brokerY = (top: number) => top + BROKER_H / 2;

function geometry(model: RunModel, zoom: TimeWindow | null, width: number): Geometry {
  const from = zoom?.from ?? 0;
  const to = zoom?.to ?? Math.max(1, model.endMs);
  const plot = Math.max(40, width - LABEL_W - RIGHT_PAD);
  const k = plot / (to - from);
  const top = new Map<string, number>();
  let y = RULER_H;
  for (const l of model.lanes) {
    top.set(l.key, y);
    y += laneHeight(l);
  }
  return {
    from,
    to,
    width,
    height: y + 4,
    top,
    x: (t) => LABEL_W + (t - from) * k,
    t: (x) => from + (x - LABEL_W) / k,
  };
}

/** Round tick spacing (1, 2, 5 x 10^n ms) for about `count` ticks. */
function tickStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

const ARROW_COLOR: Record<string, string> = {
  CONNECT: 'text-emerald-600 dark:text-emerald-400',
  CONNACK: 'text-emerald-600 dark:text-emerald-400',
  DISCONNECT: 'text-rose-600 dark:text-rose-400',
  RESERVED: 'text-rose-600 dark:text-rose-400',
  PUBLISH: 'text-sky-600 dark:text-sky-400',
  DELIVER: 'text-sky-600 dark:text-sky-400',
  SUBSCRIBE: 'text-violet-600 dark:text-violet-400',
  SUBACK: 'text-violet-600 dark:text-violet-400',
  UNSUBSCRIBE: 'text-violet-600 dark:text-violet-400',
  UNSUBACK: 'text-violet-600 dark:text-violet-400',
};
const arrowColor = (a: Arrow, trace: readonly TraceEntry[]) => {
  const e = trace[a.entry];
  if (a.type === 'DELIVER' && e?.kind === 'message' && e.willOf) return 'text-amber-600 dark:text-amber-400';
  return ARROW_COLOR[a.type] ?? 'text-slate-400 dark:text-slate-500';
};

const MARKER_COLOR: Record<Marker['kind'], string> = {
  step: 'text-slate-800 dark:text-slate-100',
  'will.stored': 'text-amber-600 dark:text-amber-400',
  'will.scheduled': 'text-amber-600 dark:text-amber-400',
  'will.due': 'text-amber-600 dark:text-amber-400',
  'will.published': 'text-amber-600 dark:text-amber-400',
  'will.deleted': 'text-rose-600 dark:text-rose-400',
  'will.cancelled': 'text-rose-600 dark:text-rose-400',
  'will.withheld': 'text-rose-600 dark:text-rose-400',
  refused: 'text-rose-600 dark:text-rose-400',
  dropped: 'text-rose-600 dark:text-rose-400',
  queued: 'text-violet-600 dark:text-violet-400',
  retained: 'text-sky-600 dark:text-sky-400',
  note: 'text-slate-500 dark:text-slate-400',
};

const BAR_COLOR: Record<TimerBar['timer'], string> = {
  keepAlive: 'fill-slate-400 dark:fill-slate-500',
  willDelay: 'fill-amber-400',
  sessionExpiry: 'fill-violet-600',
};
const BAR_TEXT: Record<TimerBar['timer'], string> = {
  keepAlive: '',
  willDelay: 'fill-amber-950',
  sessionExpiry: 'fill-white',
};

const WILL_LABEL: Partial<Record<Marker['kind'], 'published' | 'deleted' | 'cancelled' | 'withheld' | 'due'>> = {
  'will.published': 'published',
  'will.deleted': 'deleted',
  'will.cancelled': 'cancelled',
  'will.withheld': 'withheld',
  'will.due': 'due',
};

type Drawable = Arrow | Marker | TimerBar;

/** "Will Delay 10 s", "Session Expiry (never)", "Keep-alive window": the text drawn in the bar. */
function barName(b: TimerBar, t: UiCatalog): string {
  return b.timer === 'keepAlive'
    ? t.timeline.keepAliveWindow
    : t.timeline.barText(b.timer, b.due === null ? null : (b.due - b.from) / 1000);
}

/** Short accessible name of an item: what the trace says, or the bar's span. */
function itemLabel(d: Drawable, run: CurrentRun, cat: Catalog, t: UiCatalog): string {
  if ('timer' in d) {
    const to = d.end === 'never' ? t.timeline.barEnd.never : cat.seconds(d.to);
    return t.timeline.bar(barName(d, t), cat.seconds(d.from), to, t.timeline.barEnd[d.end]);
  }
  if ('kind' in d && d.kind === 'will.due') return t.timeline.willDue(cat.seconds(d.t));
  const e = run.result.trace[d.entry];
  if (!e) return '';
  const r = renderEntry(e, cat);
  return `${r.time} ${r.actor}: ${r.what}`;
}

interface ItemsProps {
  run: CurrentRun;
  g: Geometry;
  focusId: string | null;
  cat: Catalog;
  t: UiCatalog;
}

/** Pixels per group of packets drawn as one mark when a lane is too crowded to draw each. */
const PX_PER_GROUP = 4;

interface ArrowGroup {
  first: Arrow;
  last: Arrow;
  count: number;
}

/**
 * The arrows drawn one by one, and the groups drawn as one mark: a lane with more arrows on screen
 * than `plotW / PX_PER_GROUP` has its arrows grouped by pixel column and direction; a group of one
 * stays an arrow.
 */
export function levelOfDetail(
  arrows: readonly Arrow[],
  xOf: (a: Arrow) => number,
  plotW: number,
): { arrows: Arrow[]; groups: ArrowGroup[] } {
  const perLane = new Map<string, Arrow[]>();
  for (const a of arrows) {
    const l = perLane.get(a.lane);
    if (l) l.push(a);
    else perLane.set(a.lane, [a]);
  }
  const single: Arrow[] = [];
  const groups: ArrowGroup[] = [];
  for (const lane of perLane.values()) {
    if (lane.length <= plotW / PX_PER_GROUP) {
      single.push(...lane);
      continue;
    }
    const byKey = new Map<string, ArrowGroup>();
    for (const a of lane) {
      const key = `${Math.floor(xOf(a) / PX_PER_GROUP)}:${a.dir}`;
      const grp = byKey.get(key);
      if (grp) {
        grp.count++;
        grp.last = a;
      } else byKey.set(key, { first: a, last: a, count: 1 });
    }
    for (const grp of byKey.values()) {
      if (grp.count === 1) single.push(grp.first);
      else groups.push(grp);
    }
  }
  return { arrows: single, groups };
}

/** The drawing of the run. Memoised: the playhead is not a prop. */
const TimelineItems = memo(function TimelineItems({ run, g, focusId, cat, t }: ItemsProps) {
  const { model, result } = run;
  const span = g.to - g.from;
  const visible = (from: number, to: number) => to >= g.from - span * 0.02 && from <= g.to + span * 0.02;
  const clampX = (x: number) => Math.max(LABEL_W - 4, Math.min(g.width - 4, x));
  const top = (lane: string) => g.top.get(lane) ?? 0;
  const brokerTop = top(BROKER_LANE);
  const tab = (id: string) => (id === focusId ? 0 : -1);
  const common = (d: Drawable) => ({
    'data-item': d.id,
    tabIndex: tab(d.id),
    role: 'button',
    'aria-label': itemLabel(d, run, cat, t),
  });

  const bands = model.bands.filter((b) => visible(b.from, b.to));
  const bars = model.bars.filter((b) => visible(b.from, b.to));
  // Level of detail: where a lane has more packets on screen than room to tell them apart, those
  // that share a few pixels (and a direction) are drawn as one mark that says how many it stands for.
  const plotW = Math.max(1, g.width - LABEL_W);
  const { arrows, groups } = levelOfDetail(
    model.arrows.filter((a) => visible(a.t, a.t)),
    (a) => g.x(a.t),
    plotW,
  );
  /** Keep-alive restarts: one tick per few pixels at most. */
  const thin = (ts: number[]) => {
    const shown = ts.filter((r) => visible(r, r));
    if (shown.length <= plotW / PX_PER_GROUP) return shown;
    const seen = new Set<number>();
    return shown.filter((r) => {
      const k = Math.floor(g.x(r) / PX_PER_GROUP);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const markers = model.markers.filter((m) => visible(m.t, m.t));
  // Payload labels of delivered messages, where there is room for them.
  const lastLabelX = new Map<string, number>();

  return (
    <g>
      {bands.map((b: Band) => {
        const y0 = top(b.lane);
        const x1 = clampX(g.x(b.from));
        const x2 = clampX(g.x(b.to));
        const w = Math.max(1, x2 - x1);
        if (b.kind === 'open')
          return (
            <rect
              key={b.id}
              x={x1}
              y={y0 + ROW.conn}
              width={w}
              height={ROW.connH}
              rx={3}
              className="fill-emerald-500/25 stroke-emerald-600/60 dark:fill-emerald-400/20"
            />
          );
        if (b.kind === 'silent')
          return (
            <rect
              key={b.id}
              x={x1}
              y={y0 + ROW.conn}
              width={w}
              height={ROW.connH}
              fill="url(#hatch)"
              className="text-slate-500"
            />
          );
        return (
          <rect
            key={b.id}
            x={x1}
            y={y0 + ROW.session}
            width={w}
            height={ROW.sessionH}
            className={b.kind === 'attached' ? 'fill-sky-500' : 'fill-sky-500/35'}
          />
        );
      })}
      {bars.map((b) => {
        const y = top(b.lane) + ROW[b.timer];
        const h = BAR_H[b.timer];
        const x1 = clampX(g.x(b.from));
        const x2 = clampX(g.x(b.to));
        const planned = b.end === 'cancelled' && b.due !== null && b.due > b.to ? clampX(g.x(b.due)) : null;
        const text = b.timer === 'keepAlive' ? '' : barName(b, t);
        return (
          <g key={b.id} {...common(b)} className="outline-none">
            {planned !== null && (
              <rect
                x={x2}
                y={y}
                width={Math.max(0, planned - x2)}
                height={h}
                className="fill-none stroke-slate-400 dark:stroke-slate-500"
                strokeDasharray="2 2"
              />
            )}
            <rect x={x1} y={y} width={Math.max(2, x2 - x1)} height={h} rx={1} className={BAR_COLOR[b.timer]} />
            {text && x2 - x1 > text.length * 5.2 + 8 && (
              <text x={x1 + 4} y={y + h - 2.5} className={`text-[9px] font-medium ${BAR_TEXT[b.timer]}`}>
                {text}
              </text>
            )}
            {thin(b.resets).map((r) => (
              <line
                key={r}
                x1={g.x(r)}
                x2={g.x(r)}
                y1={y - 1}
                y2={y + h + 1}
                className="stroke-white dark:stroke-slate-900"
              />
            ))}
            {b.end === 'fired' && x2 === g.x(b.to) && (
              <line x1={x2} x2={x2} y1={y - 3} y2={y + h + 3} strokeWidth={2} className="stroke-rose-600" />
            )}
            {b.end === 'never' && x2 === g.x(b.to) && (
              <path d={`M${x2 - 6},${y - 2} L${x2},${y + h / 2} L${x2 - 6},${y + h + 2}`} className="fill-violet-600" />
            )}
            {/* A wider invisible hit area for small bars. */}
            <rect x={x1} y={y - 3} width={Math.max(8, x2 - x1)} height={h + 6} fill="transparent" />
          </g>
        );
      })}
      {arrows.map((a) => {
        const laneTop = top(a.lane);
        const x = g.x(a.t) + (a.slot % 10) * 5;
        const yClient = connY(laneTop);
        const yBroker = brokerY(brokerTop);
        const [y1, y2] = a.dir === 'in' ? [yClient, yBroker] : [yBroker, yClient];
        const dy = Math.sign(y2 - y1) * 7;
        let label: string | null = null;
        if (a.label !== undefined) {
          const last = lastLabelX.get(a.lane) ?? Number.NEGATIVE_INFINITY;
          if (x - last > 56) {
            label = a.label.length > 12 ? `${a.label.slice(0, 11)}…` : a.label;
            lastLabelX.set(a.lane, x);
          }
        }
        return (
          <g key={a.id} {...common(a)} className={`outline-none ${arrowColor(a, result.trace)}`}>
            <line x1={x} x2={x} y1={y1} y2={y2 - dy} stroke="currentColor" strokeWidth={1.5} />
            <path d={`M${x - 3.5},${y2 - dy} L${x + 3.5},${y2 - dy} L${x},${y2} Z`} fill="currentColor" />
            <line x1={x} x2={x} y1={y1} y2={y2} stroke="transparent" strokeWidth={8} />
            {label !== null && (
              <text x={x + 4} y={yClient - 10} className="fill-current text-[10px]">
                {label}
              </text>
            )}
          </g>
        );
      })}
      {groups.map((grp) => {
        const a = grp.first;
        const laneTop = top(a.lane);
        const x = g.x(a.t);
        const yClient = connY(laneTop);
        const yBroker = brokerY(brokerTop);
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it acts as one, like every timeline item
          <g
            key={`group:${a.id}`}
            data-item={a.id}
            tabIndex={tab(a.id)}
            role="button"
            aria-label={t.timeline.packetGroup(grp.count, cat.seconds(a.t), cat.seconds(grp.last.t))}
            className={`outline-none ${arrowColor(a, result.trace)}`}
          >
            <line
              x1={x}
              x2={x}
              y1={Math.min(yClient, yBroker)}
              y2={Math.max(yClient, yBroker)}
              stroke="currentColor"
              strokeWidth={Math.min(PX_PER_GROUP, 1 + Math.log2(grp.count))}
              strokeOpacity={0.7}
            />
          </g>
        );
      })}
      {markers.map((m) => {
        const laneTop = top(m.lane);
        const x = g.x(m.t);
        const y = m.lane === BROKER_LANE ? brokerY(laneTop) : connY(laneTop);
        const color = MARKER_COLOR[m.kind];
        const word = WILL_LABEL[m.kind];
        let shape: ReactNode;
        switch (m.kind) {
          case 'step':
            shape = (
              <path
                d={`M${x - 5},${laneTop + 1} L${x + 5},${laneTop + 1} L${x},${laneTop + 8} Z`}
                fill="currentColor"
              />
            );
            break;
          case 'will.stored':
          case 'will.scheduled':
            shape = (
              <path
                d={`M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z`}
                fill="var(--color-white)"
                stroke="currentColor"
                strokeWidth={1.5}
              />
            );
            break;
          case 'will.published':
            shape = <path d={`M${x},${y - 7} L${x + 7},${y} L${x},${y + 7} L${x - 7},${y} Z`} fill="currentColor" />;
            break;
          case 'will.due':
            shape = (
              <path
                d={`M${x},${laneTop + ROW.willDelay - 4} L${x},${laneTop + ROW.sessionExpiry + BAR_H.sessionExpiry + 2}`}
                stroke="currentColor"
                strokeWidth={2}
                strokeDasharray="3 2"
              />
            );
            break;
          case 'will.deleted':
          case 'will.cancelled':
          case 'will.withheld':
          case 'refused':
            shape = (
              <path
                d={`M${x - 5},${y - 5} L${x + 5},${y + 5} M${x + 5},${y - 5} L${x - 5},${y + 5}`}
                stroke="currentColor"
                strokeWidth={2.5}
              />
            );
            break;
          case 'dropped':
            shape = <line x1={x} x2={x} y1={y - 9} y2={y + 9} stroke="currentColor" strokeWidth={2} />;
            break;
          case 'retained':
          case 'queued':
            shape = <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill="currentColor" />;
            break;
          default:
            shape = <circle cx={x} cy={y} r={3} fill="currentColor" />;
        }
        return (
          <g key={m.id} {...common(m)} className={`outline-none ${color}`}>
            {shape}
            {word && (
              <text
                x={x + 6}
                y={m.kind === 'will.due' ? laneTop + ROW.sessionExpiry - 3 : y - 8}
                className="fill-current text-[10px] font-semibold"
              >
                {t.timeline.markerWord[word]}
              </text>
            )}
            <circle cx={x} cy={y} r={8} fill="transparent" />
          </g>
        );
      })}
    </g>
  );
});

function Ruler({ g, t }: { g: Geometry; t: UiCatalog }) {
  const step = tickStep(g.to - g.from, Math.max(2, Math.floor((g.width - LABEL_W) / 90)));
  const ticks: number[] = [];
  for (let v = Math.ceil(g.from / step) * step; v <= g.to; v += step) ticks.push(v);
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable; decoration only
    <g aria-hidden="true">
      <rect
        x={LABEL_W}
        y={0}
        width={g.width - LABEL_W}
        height={RULER_H - 4}
        className="fill-slate-100 dark:fill-slate-800"
      />
      {ticks.map((v) => (
        <g key={v} opacity={g.x(v) > g.width - 36 ? 0 : 1}>
          <line
            x1={g.x(v)}
            x2={g.x(v)}
            y1={RULER_H - 10}
            y2={g.height}
            className="stroke-slate-200 dark:stroke-slate-800"
          />
          <text x={g.x(v) + 3} y={14} className="fill-slate-700 text-[10px] dark:fill-slate-300">
            {t.timeline.tick(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * The playhead: a layer of its own over the drawing, placed by a transform outside React's render,
 * so playing and scrubbing never re-render or repaint the timeline's shapes (thousands on a big run).
 * It takes no pointer events: pressing on it reaches the drawing, which scrubs near the playhead.
 */
function Playhead({ g, run }: { g: Geometry; run: CurrentRun }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const place = (playhead: number) => {
      const el = ref.current;
      if (!el) return;
      const x = g.x(Math.min(playhead, run.model.endMs));
      el.style.transform = `translateX(${x}px)`;
      el.style.visibility = x < LABEL_W - 1 || x > g.width ? 'hidden' : 'visible';
    };
    place(viewStore.getState().playhead);
    return viewStore.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) place(s.playhead);
    });
  }, [g, run]);
  return (
    <div
      ref={ref}
      aria-hidden="true"
      data-playhead=""
      className="pointer-events-none absolute top-0 left-0 will-change-transform"
      style={{ width: 0, height: g.height }}
    >
      <div
        className="absolute bg-white/45 dark:bg-slate-950/45"
        style={{ left: 0, top: RULER_H, width: g.width, height: g.height - RULER_H }}
      />
      <div className="absolute bg-rose-600 dark:bg-rose-400" style={{ left: -1, top: 0, width: 2, height: g.height }} />
      <svg aria-hidden="true" className="absolute" style={{ left: -6, top: 0 }} width={12} height={8}>
        <path d="M0,0 L12,0 L6,8 Z" className="fill-rose-600 dark:fill-rose-400" />
      </svg>
    </div>
  );
}

function Selection({ g, run }: { g: Geometry; run: CurrentRun }) {
  const selected = useView((s) => s.selectedEntry);
  if (selected === null) return null;
  const e = run.result.trace[selected];
  if (!e) return null;
  const x = g.x(e.t);
  if (x < LABEL_W - 1 || x > g.width) return null;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable; decoration only
    <line
      aria-hidden="true"
      x1={x}
      x2={x}
      y1={RULER_H}
      y2={g.height}
      strokeWidth={8}
      pointerEvents="none"
      className="stroke-sky-500/25"
    />
  );
}

/** Lane names (buttons that pick the client) and each client's state at the playhead. */
function LaneLabels({ g, run }: { g: Geometry; run: CurrentRun }) {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const selectedClient = useView((s) => s.selectedClient);
  const playhead = useView((s) => s.playhead);
  return (
    <div className="absolute top-0 left-0" style={{ width: LABEL_W }}>
      {run.model.lanes.map((l) => {
        const y = g.top.get(l.key) ?? 0;
        if (l.name === null)
          return (
            <div
              key={l.key}
              className="absolute left-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
              style={{ top: y + BROKER_H / 2 - 8 }}
            >
              {t.timeline.broker}
            </div>
          );
        const state = stateAt(run.model, `client:${l.name}`, playhead);
        const implicit = l.name.startsWith('$');
        return (
          <div
            key={l.key}
            className="absolute left-1 flex flex-col items-start"
            style={{ top: y + 4, width: LABEL_W - 8 }}
          >
            {implicit ? (
              <span className="truncate px-1 text-sm font-semibold">{cat.clientLabel(l.name)}</span>
            ) : (
              <button
                type="button"
                aria-pressed={selectedClient === l.name}
                onClick={() => viewStore.getState().clientSelected(l.name)}
                className={`max-w-full truncate rounded px-1 text-left text-sm font-semibold ${selectedClient === l.name ? 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
              >
                {l.name}
              </button>
            )}
            <span className="px-1 text-xs text-slate-600 dark:text-slate-400">
              {state ? (t.timeline.laneState[state] ?? state) : t.timeline.laneState.offline}
            </span>
          </div>
        );
      })}
    </div>
  );
}

function Tooltip({ d, g, run }: { d: Drawable; g: Geometry; run: CurrentRun }) {
  const cat = useMessages('engine');
  const t = useMessages('ui');
  const laneTop = g.top.get(d.lane) ?? 0;
  const time = 'timer' in d ? d.from : d.t;
  const x = Math.min(Math.max(g.x(time), LABEL_W), g.width - 280);
  const e = run.result.trace[d.entry];
  const r = e ? renderEntry(e, cat) : null;
  return (
    <div
      role="tooltip"
      id="timeline-tooltip"
      className="pointer-events-none absolute z-10 w-72 rounded-md border border-slate-300 bg-white p-2 text-xs shadow-lg dark:border-slate-600 dark:bg-slate-900"
      style={{ left: x, top: laneTop + CLIENT_H - 6 }}
    >
      <p className="font-semibold">{itemLabel(d, run, cat, t)}</p>
      {'timer' in d && d.timer === 'keepAlive' && d.resets.length > 0 && (
        <p>{t.timeline.keepAliveResets(d.resets.length)}</p>
      )}
      {'timer' in d && d.due !== null && d.end !== 'never' && <p>{t.timeline.dueAt(cat.seconds(d.due))}</p>}
      {r?.why && (
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          {r.why.sentence} <span className="text-slate-600 dark:text-slate-400">{r.why.clauses}</span>
        </p>
      )}
      {r?.why?.deviation && <p className="mt-1 text-rose-700 dark:text-rose-300">{r.why.deviation}</p>}
    </div>
  );
}

/**
 * "Simulating…" (with Cancel once a run takes a while), or why the run failed, stopped early or is
 * not shown; a run too large, too slow or cancelled comes with an offer of what can be shown.
 */
function RunStatus() {
  const t = useMessages('ui');
  const runs = useRunStore();
  const pending = useRun((s) => s.pending);
  const error = useRun((s) => s.error);
  const problem = useRun((s) => s.problem);
  const truncated = useRun((s) => s.result?.truncated ?? false);
  const slow = useSlow(pending);
  const text = problem
    ? problem.kind === 'tooLarge'
      ? t.app.tooLarge(problem.entries, MAX_SHOWN_ENTRIES)
      : problem.kind === 'timedOut'
        ? t.app.timedOut(problem.afterMs / 1000)
        : t.app.cancelled
    : error
      ? t.app.runFailed(error)
      : truncated
        ? t.app.truncated
        : pending
          ? t.app.simulating
          : '';
  const bad = problem !== null || error !== null || truncated;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p
        role="status"
        className={`text-xs ${bad ? 'text-rose-700 dark:text-rose-300' : 'text-slate-600 dark:text-slate-400'}`}
      >
        {text}
      </p>
      {pending && slow && (
        <button type="button" className="btn text-xs" onClick={() => runs.cancel()}>
          {t.app.cancelRun}
        </button>
      )}
      {problem && !pending && (
        <button
          type="button"
          className="btn text-xs"
          onClick={() => scenarioStore.getState().endChanged(problem.suggestedEnd)}
        >
          {t.app.showShorter(problem.suggestedEnd)}
        </button>
      )}
    </div>
  );
}

/** True once `pending` has lasted a moment (a quick run never flashes a Cancel button). */
function useSlow(pending: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!pending) return;
    const timer = setTimeout(() => setSlow(true), 400);
    return () => clearTimeout(timer);
  }, [pending]);
  return slow;
}

function Legend() {
  const t = useMessages('ui');
  const l = t.timeline.legend;
  const sw = (cls: string, label: string) => (
    <li className="flex items-center gap-1">
      <span aria-hidden="true" className={`inline-block h-2.5 w-4 rounded-sm ${cls}`} />
      {label}
    </li>
  );
  const mark = (cls: string, symbol: string, label: string) => (
    <li className="flex items-center gap-1">
      <span aria-hidden="true" className={cls}>
        {symbol}
      </span>
      {label}
    </li>
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 px-2 pt-2 text-xs text-slate-700 dark:text-slate-300">
      {sw('bg-emerald-500/30 border border-emerald-600/60', l.open)}
      {sw('bg-sky-500', l.attached)}
      {sw('bg-sky-500/35', l.detached)}
      {sw('bg-slate-400', l.keepAlive)}
      {sw('bg-amber-400', l.willDelay)}
      {sw('bg-violet-600', l.sessionExpiry)}
      {mark('font-bold text-amber-600 dark:text-amber-400', '◆', l.published)}
      {mark('font-bold text-rose-600 dark:text-rose-400', '✕', l.notPublished)}
      {mark('font-bold text-amber-600 dark:text-amber-400', '┊', l.willDue)}
      {mark('text-slate-800 dark:text-slate-100', '▼', l.step)}
    </ul>
  );
}

export function Timeline() {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const run = useCurrentRun();
  const zoom = useView((s) => s.zoom);
  const headingId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(960);
  const [hover, setHover] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  const hasRun = run !== null;
  useEffect(() => {
    const el = boxRef.current;
    if (!hasRun || !el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => {
      if (e) setWidth(Math.max(320, Math.floor(e.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [hasRun]);

  const model = run?.model ?? null;
  const g = useMemo(() => (model ? geometry(model, zoom, width) : null), [model, zoom, width]);
  const byId = useMemo(() => {
    const m = new Map<string, Drawable>();
    if (model) for (const d of [...model.arrows, ...model.markers, ...model.bars]) m.set(d.id, d);
    return m;
  }, [model]);

  // The focusable item: keep one in the visible window so Tab lands on the timeline.
  const visibleItems = useMemo(
    () => (model && g ? model.items.filter((i) => i.t >= g.from && i.t <= g.to) : []),
    [model, g],
  );
  const focusable = focusId !== null && byId.has(focusId) ? focusId : (visibleItems[0]?.id ?? null);

  // Ctrl + wheel zooms around the pointer, a sideways wheel pans (non-passive: it prevents scrolling).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !model || !g) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const rect = svg.getBoundingClientRect();
        zoomBy(model, e.deltaY < 0 ? 1.25 : 0.8, g.t(e.clientX - rect.left));
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
        if (!viewStore.getState().zoom) return;
        e.preventDefault();
        const d = e.shiftKey ? e.deltaY : e.deltaX;
        panBy(model, (d * (g.to - g.from)) / (g.width - LABEL_W));
      }
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [model, g]);

  if (!run || !g || !model) {
    return (
      <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <h2 id={headingId} className="text-sm font-semibold">
          {t.timeline.region}
        </h2>
        <RunStatus />
      </section>
    );
  }

  const scrubTo = (clientX: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return;
    const ms = Math.round(Math.min(model.endMs, Math.max(0, g.t(clientX - rect.left))));
    viewStore.getState().playheadMoved(ms);
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const y = e.clientY - rect.top;
    const x = e.clientX - rect.left;
    if (x < LABEL_W) return;
    const onItem = (e.target as Element).closest('[data-item]');
    const playheadX = g.x(Math.min(viewStore.getState().playhead, model.endMs));
    if (y < RULER_H || Math.abs(x - playheadX) <= 5) {
      // The ruler and the playhead itself (5 px either side) scrub.
      e.currentTarget.setPointerCapture(e.pointerId);
      scrubTo(e.clientX);
      const move = (ev: PointerEvent) => scrubTo(ev.clientX);
      const up = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      return;
    }
    if (onItem) return;
    // Dragging the lanes pans a zoomed view.
    const z = viewStore.getState().zoom;
    if (!z) return;
    const startX = e.clientX;
    const msPerPx = (z.to - z.from) / (g.width - LABEL_W);
    const move = (ev: PointerEvent) => {
      const span = z.to - z.from;
      const f = Math.min(Math.max(0, z.from - (ev.clientX - startX) * msPerPx), Math.max(0, model.endMs - span));
      viewStore.getState().zoomChanged({ from: f, to: f + span });
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const pick = (id: string | null) => {
    const d = id ? byId.get(id) : undefined;
    if (!d) return;
    viewStore.getState().entrySelected(d.entry, 'timer' in d ? d.from : d.t);
  };

  const moveFocus = (by: number) => {
    const list: Item[] = model.items;
    const i = list.findIndex((x) => x.id === focusable);
    const next = list[Math.min(list.length - 1, Math.max(0, i + by))];
    if (!next) return;
    if (next.t < g.from || next.t > g.to) {
      const z = viewStore.getState().zoom;
      if (z) {
        const span = z.to - z.from;
        const f = Math.min(Math.max(0, next.t - span / 2), Math.max(0, model.endMs - span));
        viewStore.getState().zoomChanged({ from: f, to: f + span });
      }
    }
    setFocusId(next.id);
    requestAnimationFrame(() => {
      svgRef.current?.querySelector<SVGElement>(`[data-item="${next.id}"]`)?.focus();
    });
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const el = (e.target as Element).closest('[data-item]');
    if (!el) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') moveFocus(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') moveFocus(-1);
    else if (e.key === 'Enter' || e.key === ' ') pick(el.getAttribute('data-item'));
    else return;
    e.preventDefault();
  };

  const shown = hover ?? null;
  const tip = shown ? byId.get(shown) : undefined;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h2 id={headingId} className="text-sm font-semibold">
          {t.timeline.region}
        </h2>
        <p className="hidden text-xs text-slate-600 md:block dark:text-slate-400">{t.timeline.zoomHint}</p>
        <div className="ml-auto flex items-center gap-1">
          <RunStatus />
          <button type="button" className="btn" onClick={() => zoomBy(model, 2)}>
            {t.timeline.zoomIn}
          </button>
          <button type="button" className="btn" onClick={() => zoomBy(model, 0.5)} disabled={!zoom}>
            {t.timeline.zoomOut}
          </button>
          <button type="button" className="btn" onClick={() => zoomToFit()} disabled={!zoom}>
            {t.timeline.fit}
          </button>
        </div>
      </div>
      <div ref={boxRef} className="relative max-h-[60vh] overflow-y-auto overflow-x-hidden">
        {/* biome-ignore lint/a11y/noSvgWithoutTitle: the svg is a container of labelled items under the section's heading, not an image */}
        <svg
          ref={svgRef}
          width={g.width}
          height={g.height}
          // A layer of its own: what changes elsewhere on the page each frame (the playhead, the log,
          // the clock) then never makes the browser repaint the drawing's thousands of shapes.
          className="block touch-none select-none will-change-transform"
          onPointerDown={onPointerDown}
          onPointerOver={(e) =>
            setHover((e.target as Element).closest('[data-item]')?.getAttribute('data-item') ?? null)
          }
          onPointerLeave={() => setHover(null)}
          onFocus={(e) => {
            const id = (e.target as Element).closest('[data-item]')?.getAttribute('data-item') ?? null;
            setHover(id);
            if (id) setFocusId(id);
          }}
          onBlur={() => setHover(null)}
          onClick={(e) => pick((e.target as Element).closest('[data-item]')?.getAttribute('data-item') ?? null)}
          onKeyDown={onKeyDown}
        >
          <defs>
            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" strokeWidth="2" />
            </pattern>
          </defs>
          {model.lanes.map((l, i) => {
            const y = g.top.get(l.key) ?? 0;
            return (
              <rect
                key={l.key}
                x={0}
                y={y}
                width={g.width}
                height={laneHeight(l)}
                className={
                  l.kind === 'broker'
                    ? 'fill-slate-100 dark:fill-slate-800/60'
                    : i % 2
                      ? 'fill-slate-50 dark:fill-slate-900'
                      : 'fill-white dark:fill-slate-950/40'
                }
              />
            );
          })}
          <line
            x1={LABEL_W}
            x2={g.width}
            y1={brokerY(g.top.get(BROKER_LANE) ?? 0)}
            y2={brokerY(g.top.get(BROKER_LANE) ?? 0)}
            className="stroke-slate-400 dark:stroke-slate-500"
            strokeWidth={2}
          />
          <Ruler g={g} t={t} />
          <Selection g={g} run={run} />
          <TimelineItems run={run} g={g} focusId={focusable} cat={cat} t={t} />
        </svg>
        <Playhead g={g} run={run} />
        <LaneLabels g={g} run={run} />
        {tip && <Tooltip d={tip} g={g} run={run} />}
      </div>
      <Legend />
    </section>
  );
}
