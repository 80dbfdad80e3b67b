import { type ReactNode, Suspense, startTransition, useEffect, useId, useState } from 'react';
import { LOCALE_NAMES } from '../i18n/locale';
import { LOCALES, type Locale } from '../i18n/messages';
import { LocaleContext, useMessages } from '../i18n/react';
import { useUpdate } from '../offline/update-store';
import { createRunStore, type Runner, type RunStore } from '../runner/runner';
import { browserStorage } from '../share/storage';
import { type NoticeDownload, noticeStore, useNotice } from '../store/notice';
import { scenarioStore, useScenario } from '../store/scenario';
import { speedFactor, type Theme, useView, viewStore } from '../store/view';
import { RunContext, useCurrentRun } from '../ui/run-context';
import { findShortcut, shortcutKey } from '../ui/shortcuts';
import { Transport } from '../ui/Transport';
import { useTargetClient } from '../ui/target';
import { ErrorBoundary, lazyRetry } from './boundary';
import { extraViews, headerActions, sidebarPanels } from './extensions';
import { chooseLocale } from './language';

// Secondary views load on demand: they are not part of the first load.
// Each is retried after a failed load (offline, a redeploy) and sits in an ErrorBoundary.
const HelpDialog = lazyRetry(() => import('../ui/HelpDialog'));
const Statechart = lazyRetry(() => import('../ui/Statechart'));
// The editing panels are below the fold: they load right after the first paint.
const Setup = lazyRetry(() => import('../ui/Setup'));
const InjectAndScript = lazyRetry(() => import('../ui/Inject'));
// The timeline (its drawing code) loads right after the first paint: out of the first load's budget.
const Timeline = lazyRetry(async () => ({ default: (await import('../ui/Timeline')).Timeline }));
// The will cards and the Why? panel, likewise (one chunk).
const Outcomes = lazyRetry(async () => ({ default: (await import('../ui/Explain')).Outcomes }));
const Explanation = lazyRetry(async () => ({ default: (await import('../ui/Explain')).Explanation }));
const EventLog = lazyRetry(async () => ({ default: (await import('../ui/EventLog')).EventLog }));
// The embedded player (?embed=1) is a layout of parts the shell already has.
const Embed = lazyRetry(() => import('./Embed'));

function Loading() {
  const t = useMessages('ui');
  return <p className="panel text-sm">{t.app.loading}</p>;
}

/** Advances the playhead while playing: virtual ms = wall ms x speed. */
function usePlayback(): void {
  const run = useCurrentRun();
  const playing = useView((s) => s.playing);
  const end = run?.model.endMs ?? 0;
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = 0;
    const tick = (now: number) => {
      // A frame gap (tab in the background) does not jump the virtual clock.
      const dt = Math.min(now - last, 250);
      last = now;
      const s = viewStore.getState();
      const next = s.playhead + dt * speedFactor(s.speedExp);
      if (next >= end) {
        s.playheadMoved(end);
        s.paused();
        return;
      }
      s.playheadMoved(next);
      // Keep the playhead in a zoomed window.
      if (s.zoom && next > s.zoom.to) {
        const span = s.zoom.to - s.zoom.from;
        const from = Math.min(next - span * 0.1, Math.max(0, end - span));
        s.zoomChanged({ from, to: from + span });
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, end]);
}

function useShortcuts(): void {
  const run = useCurrentRun();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = shortcutKey(e);
      if (key === null) return;
      const s = findShortcut(key);
      if (!s) return;
      e.preventDefault();
      s.run(run?.model ?? null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}

function useTheme(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && !!media?.matches);
      root.classList.toggle('dark', dark);
    };
    apply();
    media?.addEventListener('change', apply);
    return () => media?.removeEventListener('change', apply);
  }, [theme]);
}

function StatechartPanel() {
  const t = useMessages('ui');
  const [open, setOpen] = useState(false);
  const client = useTargetClient();
  return (
    <section aria-label={t.statechart.heading} className="panel">
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t.statechart.show}
      </button>
      {open && client && (
        <ErrorBoundary>
          <Suspense fallback={<p className="mt-2 text-sm">{t.statechart.loading}</p>}>
            <Statechart client={client.name} />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}

/** A panel that words the trace: it waits for the engine's words (loaded at boot, beside the first run). */
function Words({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function SimulatorView() {
  return (
    <div className="grid grid-cols-1 gap-3">
      <Words>
        <Transport />
      </Words>
      <ErrorBoundary>
        <Suspense fallback={<Loading />}>
          <Timeline />
        </Suspense>
      </ErrorBoundary>
      <div className="grid grid-cols-1 items-start gap-3 lg:grid-cols-2">
        <ErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Outcomes />
          </Suspense>
        </ErrorBoundary>
        <div className="grid gap-3">
          <ErrorBoundary>
            <Suspense fallback={null}>
              <Explanation />
            </Suspense>
          </ErrorBoundary>
          <StatechartPanel />
        </div>
      </div>
      <div className="grid grid-cols-1 items-start gap-3 md:grid-cols-2 xl:grid-cols-[minmax(20rem,24rem)_minmax(0,1fr)_minmax(22rem,28rem)]">
        <div className="grid gap-3">
          {sidebarPanels.map(({ id, Component }) => (
            <ErrorBoundary key={id}>
              <Suspense fallback={null}>
                <Component />
              </Suspense>
            </ErrorBoundary>
          ))}
          <ErrorBoundary>
            <Suspense fallback={<Loading />}>
              <Setup />
            </Suspense>
          </ErrorBoundary>
        </div>
        <div className="grid gap-3">
          <ErrorBoundary>
            <Suspense fallback={<Loading />}>
              <InjectAndScript />
            </Suspense>
          </ErrorBoundary>
        </div>
        <div className="md:col-span-2 xl:col-span-1">
          <ErrorBoundary>
            <Suspense fallback={<Loading />}>
              <EventLog />
            </Suspense>
          </ErrorBoundary>
        </div>
      </div>
    </div>
  );
}

function Header() {
  const t = useMessages('ui');
  const view = useView((s) => s.view);
  const theme = useView((s) => s.theme);
  const canUndo = useScenario((s) => s.past.length > 0);
  const canRedo = useScenario((s) => s.future.length > 0);
  const themeId = useId();
  const langId = useId();
  const locale = useView((s) => s.locale);
  const views = [{ id: 'simulator', labelKey: 'simulator' }, ...extraViews];
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h1 className="text-lg font-bold">{t.app.title}</h1>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t.app.tagline}</p>
      </div>
      {views.length > 1 && (
        <nav aria-label={t.app.viewSwitch} className="flex gap-1">
          {views.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-current={view === v.id ? 'page' : undefined}
              className={`btn ${view === v.id ? 'bg-slate-200 dark:bg-slate-700' : ''}`}
              // A transition keeps the current view on screen while a lazy view loads (no fallback flash).
              onClick={() => startTransition(() => viewStore.getState().viewSwitched(v.id))}
            >
              {t.app.views[v.labelKey] ?? v.id}
            </button>
          ))}
        </nav>
      )}
      <div role="toolbar" aria-label={t.app.headerActions} className="ml-auto flex flex-wrap items-center gap-2">
        {headerActions.map(({ id, Component }) => (
          <ErrorBoundary key={id} compact>
            <Suspense fallback={null}>
              <Component />
            </Suspense>
          </ErrorBoundary>
        ))}
        <button type="button" className="btn" disabled={!canUndo} onClick={() => scenarioStore.getState().undone()}>
          {t.app.undo}
        </button>
        <button type="button" className="btn" disabled={!canRedo} onClick={() => scenarioStore.getState().redone()}>
          {t.app.redo}
        </button>
        <label htmlFor={themeId} className="text-sm">
          {t.app.theme}
        </label>
        <select
          id={themeId}
          className="field"
          value={theme}
          onChange={(e) => viewStore.getState().themeChanged(e.target.value as Theme)}
        >
          {(['system', 'light', 'dark'] as const).map((k) => (
            <option key={k} value={k}>
              {t.app.themes[k]}
            </option>
          ))}
        </select>
        <label htmlFor={langId} className="text-sm">
          {t.app.language}
        </label>
        <select
          id={langId}
          className="field"
          value={locale}
          // The new language's words load first (a lazy chunk); the header switches once they are here.
          onChange={(e) => void chooseLocale(e.target.value as Locale, browserStorage()).catch(() => {})}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={() => viewStore.getState().helpToggled(true)}
        >
          ? {t.app.help}
        </button>
      </div>
    </header>
  );
}

/** Saves a text as a file (work that failed to load, kept aside). */
function download(d: NoticeDownload): void {
  const url = URL.createObjectURL(new Blob([d.text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = d.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A message for the whole app (a link that could not be opened), until dismissed. */
function NoticeBanner() {
  const t = useMessages('ui');
  const notice = useNotice((s) => s.notice);
  if (!notice) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-start gap-2 border-b border-rose-300 bg-rose-50 px-4 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
    >
      <div className="grow">
        <p>{notice.message}</p>
        {notice.details.length > 0 && (
          <ul className="list-disc pl-5">
            {notice.details.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list; two problems may read alike.
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
        {notice.outcome && <p>{notice.outcome}</p>}
        {notice.downloads && notice.downloads.length > 0 && (
          <p className="mt-1 flex flex-wrap gap-2">
            {notice.downloads.map((d) => (
              <button key={d.filename} type="button" className="btn" onClick={() => download(d)}>
                {d.label}
              </button>
            ))}
          </p>
        )}
      </div>
      <button type="button" className="btn" onClick={() => noticeStore.getState().noticeDismissed()}>
        {t.app.dismiss}
      </button>
    </div>
  );
}

/** A new version is installed and waits: said once, applied when the person asks. */
function UpdateBanner() {
  const t = useMessages('ui');
  const { available, apply } = useUpdate((s) => s);
  if (!available) return null;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-2 border-b border-teal-300 bg-teal-50 px-4 py-2 text-sm text-teal-950 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-50"
    >
      <p className="grow">{t.app.updateAvailable}</p>
      <button type="button" className="btn" onClick={apply}>
        {t.app.updateReload}
      </button>
    </div>
  );
}

function Shell({ embed }: { embed: boolean }) {
  const view = useView((s) => s.view);
  const theme = useView((s) => s.theme);
  const helpOpen = useView((s) => s.helpOpen);
  usePlayback();
  useShortcuts();
  useTheme(theme);
  const extra = extraViews.find((v) => v.id === view);
  if (embed)
    return (
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <NoticeBanner />
        <ErrorBoundary>
          <Suspense fallback={null}>
            <Embed />
          </Suspense>
        </ErrorBoundary>
      </div>
    );
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <UpdateBanner />
      <NoticeBanner />
      <main className="mx-auto max-w-[120rem] p-3">
        {extra ? (
          <ErrorBoundary key={extra.id} view>
            <Suspense fallback={null}>
              <extra.Component />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <ErrorBoundary key="simulator">
            <SimulatorView />
          </ErrorBoundary>
        )}
      </main>
      {helpOpen && (
        <ErrorBoundary view>
          <Suspense fallback={null}>
            <HelpDialog />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

/**
 * The app: the run is derived from the scenario store through `runner` (a Web Worker in the app, the
 * engine in-process in component tests). Wiring lives here, once: every new scenario object is run.
 */
export function App({ runner, embed = false }: { runner: Runner; embed?: boolean }) {
  const [runs] = useState<RunStore>(() => {
    const store = createRunStore(runner);
    store.request(scenarioStore.getState().scenario);
    return store;
  });
  useEffect(() => {
    runs.request(scenarioStore.getState().scenario);
    const offScenario = scenarioStore.subscribe((s) => runs.request(s.scenario));
    // A selected entry is an index into one run's trace: a new run clears it, and the playhead
    // stays inside the new run.
    const offRun = runs.subscribe((s, prev) => {
      if (s.result === prev.result || !s.result) return;
      const v = viewStore.getState();
      if (v.selectedEntry !== null) v.entrySelected(null);
      if (v.playhead > s.result.endMs) v.playheadMoved(s.result.endMs);
      if (v.zoom && v.zoom.to > s.result.endMs) v.zoomChanged(null);
    });
    return () => {
      offScenario();
      offRun();
    };
  }, [runs]);
  const locale = useView((s) => s.locale);
  return (
    <LocaleContext value={locale}>
      <RunContext.Provider value={runs}>
        <Shell embed={embed} />
      </RunContext.Provider>
    </LocaleContext>
  );
}
