import { useId, useMemo, useState } from 'react';
import type { Scenario } from '../../engine/types';
import type { LessonText } from '../../i18n/lessons';
import { useMessages } from '../../i18n/react';
import type { RunId } from '../../lessons/claims';
import { beatHolds, correctOptions, runLesson, runsById } from '../../lessons/run';
import type { Lesson } from '../../lessons/types';

/** Where the learner is in a lesson: the beat shown, the option picked, the prediction locked in. */
export interface LessonProgress {
  index: number;
  choice: string | null;
  locked: string | null;
}

export const LESSON_START: LessonProgress = { index: 0, choice: null, locked: null };

export interface LessonPlayerProps {
  lesson: Lesson;
  text: LessonText;
  /** "Lesson 3 of 12" (1-based). */
  position?: { index: number; total: number };
  /** Move the app's timeline to this time of this run (the beat's "show" button). */
  onShowTime?: (run: RunId, tMs: number) => void;
  /** Open a run's scenario in the simulator. */
  onOpenScenario?: (scenario: Scenario, run: RunId) => void;
  /**
   * Controlled mode: the parent keeps the progress (e.g. across view switches) and gets every
   * change through `onProgress`. Without it the player keeps its own, from the first beat.
   */
  progress?: LessonProgress;
  onProgress?: (progress: LessonProgress) => void;
}

/**
 * A guided lesson: beats back and forward, a question asked before the run reveals the answer, and
 * the learner's prediction checked against the engine's run (the right option is whichever one's
 * claims hold in the run). Self-contained: it runs the lesson's scenarios itself (pure, fast) and
 * talks to the app only through its callbacks.
 */
export function LessonPlayer({
  lesson,
  text,
  position,
  onShowTime,
  onOpenScenario,
  progress,
  onProgress,
}: LessonPlayerProps) {
  const t = useMessages('share');
  const cat = useMessages('engine');
  const id = useId();
  const twoRuns = lesson.runs.length > 1;
  const results = useMemo(() => {
    const titles: Partial<Record<RunId, string>> = {};
    for (const r of lesson.runs)
      titles[r.id] = t.lesson.scenarioTitle(text.title, twoRuns ? text.runs[r.id] : undefined);
    return runLesson(lesson, titles);
  }, [lesson, text, t, twoRuns]);
  const runs = useMemo(() => runsById(results), [results]);
  const right = useMemo(() => correctOptions(lesson, runs), [lesson, runs]);

  const [own, setOwn] = useState<LessonProgress>(LESSON_START);
  // Another lesson: start it from its first beat with no prediction (state adjusted during render).
  const [shown, setShown] = useState(lesson.id);
  if (shown !== lesson.id) {
    setShown(lesson.id);
    setOwn(LESSON_START);
  }
  const current = progress ?? own;
  const { index, choice, locked } = current;
  const update = (patch: Partial<LessonProgress>) => {
    const next = { ...current, ...patch };
    if (!progress) setOwn(next);
    onProgress?.(next);
  };

  const beat = lesson.beats[index];
  const { revealAt } = lesson.question;
  const revealed = index >= revealAt;
  const blocked = index === revealAt - 1 && locked === null;
  const last = index === lesson.beats.length - 1;
  const optionText = (o: string) => text.options[o] ?? o;
  const beatRun = beat?.run ?? 'a';
  const label = (r: RunId) => text.runs[r] ?? r;

  return (
    <article aria-labelledby={`${id}-title`} className="grid gap-3">
      <header className="grid gap-1">
        {position && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t.lesson.lessonOf(position.index, position.total)}
          </p>
        )}
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {text.title}
        </h2>
        <p className="text-sm">{text.summary}</p>
      </header>

      {beat && (
        <section aria-label={t.lesson.beatOf(index + 1, lesson.beats.length)} className="grid gap-2">
          <p className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
            {t.lesson.beatOf(index + 1, lesson.beats.length)} · {t.lesson.at(cat.seconds(beat.atS * 1000))}
            {twoRuns ? ` · ${label(beatRun)}` : ''}
          </p>
          <p>{text.beats[index]}</p>
          {!beatHolds(beat, runs) && <p className="text-sm text-rose-700 dark:text-rose-300">{t.lesson.claimFails}</p>}
          {onShowTime && (
            <button
              type="button"
              className="btn justify-self-start"
              onClick={() => onShowTime(beatRun, beat.atS * 1000)}
            >
              {t.lesson.showAt(cat.seconds(beat.atS * 1000))}
            </button>
          )}
        </section>
      )}

      <fieldset className="grid gap-1 rounded border border-slate-200 p-2 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">{t.lesson.questionHeading}</legend>
        <p id={`${id}-q`}>{text.question}</p>
        <div role="radiogroup" aria-labelledby={`${id}-q`} className="grid gap-1">
          {lesson.question.options.map((o) => (
            <label key={o.id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-options`}
                value={o.id}
                checked={(locked ?? choice) === o.id}
                disabled={locked !== null}
                onChange={() => update({ choice: o.id })}
              />
              <span>{optionText(o.id)}</span>
            </label>
          ))}
        </div>
        {locked === null ? (
          <button
            type="button"
            className="btn justify-self-start"
            disabled={choice === null}
            onClick={() => update({ locked: choice })}
          >
            {t.lesson.lockIn}
          </button>
        ) : (
          <p className="text-sm">{t.lesson.lockedIn(optionText(locked))}</p>
        )}
        {blocked && <p className="text-sm text-slate-600 dark:text-slate-400">{t.lesson.predictFirst}</p>}
        <p role="status" className="text-sm font-medium">
          {revealed && locked !== null
            ? right.includes(locked)
              ? t.lesson.correct
              : t.lesson.incorrect(right.map(optionText).join(' / '))
            : ''}
        </p>
      </fieldset>

      {last && <p className="font-medium">{text.takeaway}</p>}

      <nav className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn"
          disabled={index === 0}
          onClick={() => update({ index: Math.max(0, index - 1) })}
        >
          {t.lesson.back}
        </button>
        <button
          type="button"
          className="btn"
          disabled={last || blocked}
          onClick={() => update({ index: Math.min(lesson.beats.length - 1, index + 1) })}
        >
          {t.lesson.next}
        </button>
        {onOpenScenario &&
          results.map((r) => (
            <button key={r.id} type="button" className="btn" onClick={() => onOpenScenario(r.scenario, r.id)}>
              {t.lesson.openInSimulator(twoRuns ? label(r.id) : text.title)}
            </button>
          ))}
      </nav>
    </article>
  );
}
