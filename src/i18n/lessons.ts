import type { RunId } from '../lessons/claims';
import type { LessonId } from '../lessons/ids';

/** The words of one lesson. `beats` and `options` match the lesson's data (a test checks it). */
export interface LessonText {
  title: string;
  /** One line for the lesson list. */
  summary: string;
  /** Labels of the runs of a side-by-side lesson. */
  runs: Partial<Record<RunId, string>>;
  /** One text per beat, in order. */
  beats: string[];
  /** Asked before the run reveals the answer. */
  question: string;
  /** One text per question option, by option id. */
  options: Record<string, string>;
  /** What to remember, shown at the end. */
  takeaway: string;
}

/** Every lesson's words in one language; the type makes a translation complete. */
export interface LessonsCatalog {
  locale: string;
  lessons: Record<LessonId, LessonText>;
}
