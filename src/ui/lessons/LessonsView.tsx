import { useId, useMemo } from 'react';
import { createStore, useStore } from 'zustand';
import type { LessonText } from '../../i18n/lessons';
import { useMessages } from '../../i18n/react';
import type { ShareCatalog } from '../../i18n/share';
import { LESSONS } from '../../lessons/catalog';
import type { LessonId } from '../../lessons/ids';
import { type LessonRunResult, runLesson } from '../../lessons/run';
import type { Lesson } from '../../lessons/types';
import { loadScenario } from '../../store/loading';
import { scenarioStore } from '../../store/scenario';
import { viewStore } from '../../store/view';
import { fixedRunStore, RunPanel, SharedTransport } from '../runs/RunPanel';
import { LESSON_START, LessonPlayer, type LessonProgress } from './LessonPlayer';

/**
 * The lessons view (an extra view of src/app/extensions.ts, loaded on demand): the list of lessons,
 * then one lesson with its player beside the runs. Opening a lesson loads its scenario into the
 * simulator (a history entry of its own, undoable); each beat moves the playhead to its time and,
 * in a side-by-side lesson, loads the run the beat is about. The runs (timeline, will outcomes,
 * event log of each) appear once the learner has predicted and reached the beat that reveals the
 * answer. Where the learner is survives switching views.
 */

interface LessonsState {
  open: LessonId | null;
  progress: Partial<Record<LessonId, LessonProgress>>;
}

const lessonsState = createStore<LessonsState>()(() => ({ open: null, progress: {} }));

/** Each lesson's runs, computed once (the same scenario objects each time, so a reload is a no-op). */
const runsCache = new Map<string, LessonRunResult[]>();

function lessonRuns(lesson: Lesson, text: LessonText, t: ShareCatalog): LessonRunResult[] {
  const key = `${t.locale}:${lesson.id}`;
  let runs = runsCache.get(key);
  if (!runs) {
    const two = lesson.runs.length > 1;
    const titles = Object.fromEntries(
      lesson.runs.map((r) => [r.id, t.lesson.scenarioTitle(text.title, two ? text.runs[r.id] : undefined)]),
    );
    runs = runLesson(lesson, titles);
    runsCache.set(key, runs);
  }
  return runs;
}

/** Shows a beat: its run in the simulator (loaded if another is shown) and the playhead at its time. */
function showBeat(lesson: Lesson, runs: LessonRunResult[], index: number, newEntry: boolean): void {
  const beat = lesson.beats[index];
  const run = runs.find((r) => r.id === (beat?.run ?? 'a')) ?? runs[0];
  if (!beat || !run) return;
  if (scenarioStore.getState().scenario !== run.scenario) loadScenario(run.scenario, { newEntry });
  const v = viewStore.getState();
  v.entrySelected(null);
  v.playheadMoved(beat.atS * 1000);
}

function openLesson(lesson: Lesson, text: LessonText, t: ShareCatalog): void {
  const progress = lessonsState.getState().progress[lesson.id] ?? LESSON_START;
  lessonsState.setState({ open: lesson.id });
  showBeat(lesson, lessonRuns(lesson, text, t), progress.index, true);
}

function LessonList() {
  const t = useMessages('share');
  const text = useMessages('lessons');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel mx-auto grid max-w-3xl gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {t.lessons.heading}
      </h2>
      <p className="text-sm">{t.lessons.intro}</p>
      <ol aria-label={t.lessons.listLabel} className="grid gap-2">
        {LESSONS.map((lesson, i) => {
          const words = text.lessons[lesson.id];
          return (
            <li key={lesson.id}>
              <button
                type="button"
                className="btn w-full flex-col items-start text-left"
                onClick={() => openLesson(lesson, words, t)}
              >
                <span className="font-semibold">
                  {i + 1}. {words.title}
                </span>
                <span className="text-xs text-slate-600 dark:text-slate-400">{words.summary}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t.lessons.loadsNote}</p>
    </section>
  );
}

function LessonPage({ id }: { id: LessonId }) {
  const t = useMessages('share');
  const allText = useMessages('lessons');
  const index = LESSONS.findIndex((l) => l.id === id);
  const lesson = LESSONS[index] as Lesson;
  const text = allText.lessons[id];
  const progress = useStore(lessonsState, (s) => s.progress[id]) ?? LESSON_START;
  const runs = lessonRuns(lesson, text, t);
  const stores = useMemo(() => runs.map((r) => fixedRunStore(r.scenario, r.result)), [runs]);
  const revealed = progress.index >= lesson.question.revealAt;
  const two = runs.length > 1;
  const jumpId = useId();

  const onProgress = (next: LessonProgress) => {
    lessonsState.setState((s) => ({ progress: { ...s.progress, [id]: next } }));
    if (next.index !== progress.index) showBeat(lesson, runs, next.index, false);
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <button type="button" className="btn" onClick={() => lessonsState.setState({ open: null })}>
          {t.lessons.allLessons}
        </button>
        <div>
          <label htmlFor={jumpId} className="label">
            {t.lessons.jumpLabel}
          </label>
          <select
            id={jumpId}
            className="field"
            value={id}
            onChange={(e) => {
              const l = LESSONS.find((x) => x.id === e.currentTarget.value);
              if (l) openLesson(l, allText.lessons[l.id], t);
            }}
          >
            {LESSONS.map((l, i) => (
              <option key={l.id} value={l.id}>
                {i + 1}. {allText.lessons[l.id].title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid grid-cols-1 items-start gap-3 xl:grid-cols-[minmax(22rem,28rem)_minmax(0,1fr)]">
        <div className="panel">
          <LessonPlayer
            lesson={lesson}
            text={text}
            position={{ index: index + 1, total: LESSONS.length }}
            progress={progress}
            onProgress={onProgress}
            onShowTime={revealed ? (run, ms) => showAt(runs, run, ms) : undefined}
            onOpenScenario={(scenario) => {
              loadScenario(scenario);
              viewStore.getState().viewSwitched('simulator');
            }}
          />
        </div>
        {revealed ? (
          <div className="grid grid-cols-1 gap-4">
            {stores[0] && <SharedTransport store={stores[0]} />}
            {runs.map((r, i) => {
              const store = stores[i];
              if (!store) return null;
              return (
                <RunPanel key={r.id} name={two ? (text.runs[r.id] ?? r.id) : t.lessons.runsHeading} store={store} />
              );
            })}
          </div>
        ) : (
          <p className="panel text-sm">{t.lessons.runsHidden(lesson.question.revealAt + 1, runs.length)}</p>
        )}
      </div>
    </div>
  );
}

/** "Show the timeline at": the run in the simulator and the playhead at that time. */
function showAt(runs: LessonRunResult[], runId: string, ms: number): void {
  const run = runs.find((r) => r.id === runId);
  if (run && scenarioStore.getState().scenario !== run.scenario) loadScenario(run.scenario, { newEntry: false });
  viewStore.getState().playheadMoved(ms);
}

export default function LessonsView() {
  const open = useStore(lessonsState, (s) => s.open);
  return open ? <LessonPage id={open} /> : <LessonList />;
}
