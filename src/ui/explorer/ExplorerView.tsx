import { startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../engine/types';
import { type Axes, axesProblems, type CellSpec, enumerateCells, normalizeAxes, seiSeconds } from '../../explorer/axes';
import { buildScenario } from '../../explorer/cell';
import { createDefaultRunner, type MatrixRun, type MatrixRunner, NO_WORKER } from '../../explorer/client';
import { matrixToCsv } from '../../explorer/csv';
import { decodeSettings, defaultSettings, type ExplorerSettings, settingsFragment } from '../../explorer/link';
import { differingCells, type FilterKind, filterPredicate, layout, type Matrix } from '../../explorer/matrix';
import type { ExplorerCatalog } from '../../i18n/explorer';
import { useMessages } from '../../i18n/react';
import { profileName } from '../../i18n/render';
import { AxisPickers } from './AxisPickers';
import { Legend, MatrixTable } from './MatrixTable';

/**
 * The parameter explorer (issue #5): every combination of the chosen axes at once, computed off
 * the main thread, colour-coded with symbols and words, filterable, exportable as CSV, and every
 * cell opens its scenario. Self-contained: it talks to the rest of the app only through its props
 * (no store import), and is the default export for `React.lazy(() => import(...))`.
 */
export interface ExplorerViewProps {
  /** Opens a cell's scenario in the simulator (the app turns it into a share link). */
  onOpenScenario: (scenario: Scenario) => void;
  /** A link or fragment holding `explore=` settings to start from (e.g. `location.hash`). */
  initialLink?: string;
  /** Called with the settings and their fragment ("#explore=...") whenever they change. */
  onSettingsChange?: (settings: ExplorerSettings, fragment: string) => void;
  /** The address the settings link is built on (default: the page's, without its fragment). */
  linkBase?: string;
  /** How the matrix is computed (default: a Web Worker, in-process where there are none). */
  runner?: MatrixRunner;
  /** Saves the CSV export (default: a download through a Blob URL). */
  download?: (filename: string, text: string) => void;
}

type RunState =
  | { status: 'running'; computed: number; total: number }
  | { status: 'done' | 'cancelled'; computed: number; total: number; ms: number }
  | { status: 'error'; message: string }
  | { status: 'invalid' };

export const CSV_FILENAME = 'mqtt-will-matrix.csv';
/** Shortest interval between two redraws while the matrix fills (ms). */
const PROGRESS_MS = 100;

function browserDownload(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export default function ExplorerView(props: ExplorerViewProps) {
  const cat: ExplorerCatalog = useMessages('explorer');
  const words = useMessages('engine');
  const titleId = useId();
  const [initial] = useState(() =>
    props.initialLink ? decodeSettings(props.initialLink) : { settings: defaultSettings(), problems: [] },
  );
  const [settings, setSettings] = useState<ExplorerSettings>(initial.settings);
  const [resets, setResets] = useState(0);
  const [copied, setCopied] = useState(false);

  const axes = useMemo(() => normalizeAxes(settings.axes), [settings.axes]);
  const axesKey = JSON.stringify(axes);
  // biome-ignore lint/correctness/useExhaustiveDependencies: axesKey is the value identity of axes
  const problems = useMemo(() => axesProblems(axes), [axesKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: axesKey is the value identity of axes
  const grid = useMemo(() => layout(axes), [axesKey]);

  // The runner: the caller's, or a worker owned (and disposed) by this view.
  const [ownRunner] = useState(() => (props.runner ? null : createDefaultRunner()));
  const runner = props.runner ?? (ownRunner as MatrixRunner);
  useEffect(() => () => ownRunner?.dispose(), [ownRunner]);

  const [fills, setFills] = useState(0);
  // The matrix of the current axes; the run fills its outcomes in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh matrix per axes (by value) and per fill
  const m = useMemo<Matrix>(
    () => ({ axes, cells: problems.length > 0 ? [] : enumerateCells(axes), outcomes: [] }),
    [axesKey, fills],
  );
  const run = useRef<MatrixRun | null>(null);
  /** When the current run was requested (ms, page clock), and how long until its matrix was drawn. */
  const startedAt = useRef(0);
  const [drawnMs, setDrawnMs] = useState<number | null>(null);
  const [state, setState] = useState<RunState>({ status: 'running', computed: 0, total: m.cells.length });

  // biome-ignore lint/correctness/useExhaustiveDependencies: m changes exactly when a new run is due
  useEffect(() => {
    if (problems.length > 0) {
      setState({ status: 'invalid' });
      return;
    }
    let live = true;
    // Redraw at most every PROGRESS_MS while cells stream in: the table is large.
    let computed = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      if (live) setState((s) => (s.status === 'running' ? { ...s, computed } : s));
    };
    const r = runner.run(m.axes, {
      onCells: (from, chunk) => {
        if (!live) return;
        for (let k = 0; k < chunk.length; k++) m.outcomes[from + k] = chunk[k];
        computed += chunk.length;
        timer ??= setTimeout(flush, PROGRESS_MS);
      },
    });
    run.current = r;
    startedAt.current = performance.now();
    setDrawnMs(null);
    setState({ status: 'running', computed: 0, total: r.cells.length });
    r.promise.then(
      (s) => {
        // A transition: React may draw the large table in slices, keeping the page responsive.
        if (live) startTransition(() => setState({ status: s.status, computed: s.computed, total: s.total, ms: s.ms }));
      },
      (e: unknown) => {
        if (!live) return;
        const message = e instanceof Error ? e.message : String(e);
        setState({ status: 'error', message: message === NO_WORKER ? cat.run.noWorker : cat.run.failed(message) });
      },
    );
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      r.cancel();
    };
  }, [m, runner]);

  // Once a finished matrix is committed, the next frame shows it: that is what the user waited for.
  useEffect(() => {
    if (state.status !== 'done') return;
    const id = requestAnimationFrame(() => setDrawnMs(performance.now() - startedAt.current));
    return () => cancelAnimationFrame(id);
  }, [state]);

  const fragment = settingsFragment(settings);
  const { onSettingsChange } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: report once per distinct fragment
  useEffect(() => {
    onSettingsChange?.(settings, fragment);
  }, [fragment]);

  // The controls follow the settings at once; the (large) matrix follows the deferred filter.
  const filter = useDeferredValue(settings.filter);
  const computing = state.status === 'running';
  // Both are recomputed as cells arrive (the outcomes are filled in place; `state` moves with them).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const differs = useMemo(() => differingCells(m, filter.a, filter.b), [m, filter.a, filter.b, state]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const matches = useMemo(() => (filter.kind === 'all' ? null : filterPredicate(m, filter)), [m, filter, state]);
  const matchCount = useMemo(() => {
    if (!matches) return 0;
    let n = 0;
    for (let i = 0; i < m.cells.length; i++) if (matches(i)) n++;
    return n;
  }, [matches, m]);

  const { onOpenScenario } = props;
  const open = useCallback(
    (spec: CellSpec) =>
      onOpenScenario(
        buildScenario(
          spec,
          cat.scenarioTitle(spec, profileName(spec.profile, words), seiSeconds(spec.sessionExpiry, spec.willDelay)),
        ),
      ),
    [onOpenScenario, cat, words],
  );

  const setAxes = (a: Axes) => setSettings((s) => ({ ...s, axes: a }));
  const setFilter = (kind: FilterKind) => setSettings((s) => ({ ...s, filter: { ...s.filter, kind } }));
  const setCompared = (which: 'a' | 'b', id: string) =>
    setSettings((s) => ({ ...s, filter: { ...s.filter, [which]: id } }));

  const base = props.linkBase ?? (typeof location !== 'undefined' ? location.href.split('#')[0] : '');
  const href = `${base}${fragment}`;
  const copy = () => {
    void navigator.clipboard?.writeText(href).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  const exportCsv = () => (props.download ?? browserDownload)(CSV_FILENAME, matrixToCsv(m, cat));

  const profilesInAxes = axes.profile;
  const canCompare = profilesInAxes.length >= 2;
  const radioName = useId();

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3 p-3">
      <h2 id={titleId} className="text-xl font-semibold">
        {cat.title}
      </h2>
      <p className="max-w-prose text-sm">{cat.intro}</p>

      {initial.problems.length > 0 ? (
        <div role="alert" className="rounded border border-amber-500 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          {cat.linkProblemsIntro}
          <ul className="list-disc pl-5">
            {initial.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
              <li key={i}>{cat.linkProblem(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <AxisPickers key={resets} axes={axes} onChange={setAxes} cat={cat} />
      <div>
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-0.5 text-sm"
          onClick={() => {
            setSettings(defaultSettings());
            setResets((n) => n + 1);
          }}
        >
          {cat.resetDefaults}
        </button>
      </div>

      {problems.length > 0 ? (
        <ul role="alert" className="list-disc pl-5 text-sm text-rose-800 dark:text-rose-200">
          {problems.map((p) => (
            <li key={JSON.stringify(p)}>{cat.problem(p)}</li>
          ))}
        </ul>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        {state.status === 'running' ? (
          <>
            <progress
              aria-label={cat.run.progressLabel}
              max={Math.max(state.total, 1)}
              value={state.computed}
              className="w-64"
            />
            <button
              type="button"
              className="rounded border border-slate-400 px-2 py-0.5 text-sm"
              onClick={() => run.current?.cancel()}
            >
              {cat.run.cancel}
            </button>
          </>
        ) : null}
        {state.status === 'cancelled' || state.status === 'error' ? (
          <button
            type="button"
            className="rounded border border-slate-400 px-2 py-0.5 text-sm"
            onClick={() => setFills((n) => n + 1)}
          >
            {cat.run.restart}
          </button>
        ) : null}
        <p
          role="status"
          className="text-sm"
          data-fill-ms={state.status === 'done' ? Math.round(state.ms) : undefined}
          data-drawn-ms={state.status === 'done' && drawnMs !== null ? Math.round(drawnMs) : undefined}
        >
          {state.status === 'running'
            ? cat.run.progress(state.computed, state.total)
            : state.status === 'done'
              ? cat.run.done(state.total, state.ms, drawnMs)
              : state.status === 'cancelled'
                ? cat.run.cancelled(state.computed, state.total)
                : state.status === 'error'
                  ? state.message
                  : ''}
        </p>
      </div>

      <fieldset className="rounded border border-slate-300 p-2 text-sm dark:border-slate-600">
        <legend className="px-1 font-semibold">{cat.filter.legend}</legend>
        <div className="flex flex-col gap-1">
          {(['all', 'differ', 'never', 'later'] as const).map((k) => (
            <div key={k} className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name={radioName}
                  checked={settings.filter.kind === k}
                  disabled={k === 'differ' && !canCompare}
                  onChange={() => setFilter(k)}
                />
                {cat.filter.kind[k]}
              </label>
              {k === 'differ' ? (
                <>
                  <ProfileSelect
                    label={cat.filter.profileA}
                    value={settings.filter.a}
                    ids={profilesInAxes}
                    disabled={!canCompare}
                    onChange={(id) => setCompared('a', id)}
                  />
                  <ProfileSelect
                    label={cat.filter.profileB}
                    value={settings.filter.b}
                    ids={profilesInAxes}
                    disabled={!canCompare}
                    onChange={(id) => setCompared('b', id)}
                  />
                </>
              ) : null}
            </div>
          ))}
        </div>
        {matches ? (
          <p>{matchCount === 0 && !computing ? cat.filter.none : cat.filter.count(matchCount, m.cells.length)}</p>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap items-end gap-3 text-sm">
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-0.5"
          disabled={state.status !== 'done'}
          onClick={exportCsv}
        >
          {cat.exportCsv}
        </button>
        <label className="flex flex-col">
          {cat.link.label}
          <input
            readOnly
            value={href}
            className="w-[32rem] max-w-full rounded border border-slate-400 px-1 dark:bg-slate-900"
          />
        </label>
        <button type="button" className="rounded border border-slate-400 px-2 py-0.5" onClick={copy}>
          {cat.link.copy}
        </button>
        {copied ? <span role="status">{cat.link.copied}</span> : null}
      </div>

      <Legend cat={cat} />

      {/* Drawn once the cells are in (or the fill was cancelled): redrawing thousands of cells
          while they stream in would cost more than computing them. */}
      {state.status === 'done' || state.status === 'cancelled' ? (
        <MatrixTable
          cat={cat}
          layout={grid}
          cells={m.cells}
          outcomes={m.outcomes}
          matches={matches}
          differs={filter.kind === 'differ' ? differs : EMPTY}
          showQos={axes.willQos.length > 1}
          onOpen={open}
        />
      ) : null}
    </section>
  );
}

const EMPTY: ReadonlySet<number> = new Set();

/** One of the two profiles the "differ" filter compares. */
function ProfileSelect(p: {
  label: string;
  value: string;
  ids: readonly string[];
  disabled: boolean;
  onChange: (id: string) => void;
}) {
  const words = useMessages('engine');

  return (
    <select
      aria-label={p.label}
      value={p.value}
      disabled={p.disabled}
      onChange={(e) => p.onChange(e.target.value)}
      className="rounded border border-slate-400 dark:bg-slate-900"
    >
      {p.ids.map((id) => (
        <option key={id} value={id}>
          {profileName(id, words)}
        </option>
      ))}
    </select>
  );
}
