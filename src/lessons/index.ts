import type { LessonsCatalog } from '../i18n/lessons';
import { type Locale, loadMessages } from '../i18n/messages';
import type { Lesson } from './types';

export { LESSON_IDS, type LessonId } from './ids';
export type { Beat, Lesson, LessonRun, QuestionOption } from './types';

/**
 * Loads the lessons and their words on demand, so they stay out of the app's first load:
 * `const { lessons, text } = await loadLessons('en')`.
 */
export async function loadLessons(locale: Locale): Promise<{ lessons: readonly Lesson[]; text: LessonsCatalog }> {
  const [{ LESSONS }, text] = await Promise.all([import('./catalog'), loadMessages(locale, 'lessons')]);
  return { lessons: LESSONS, text };
}
