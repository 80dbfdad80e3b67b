import type { LessonsCatalog } from '../i18n/lessons';
import type { Lesson } from './types';

export { LESSON_IDS, type LessonId } from './ids';
export type { Beat, Lesson, LessonRun, QuestionOption } from './types';

/**
 * Loads the lessons and their words on demand, so they stay out of the app's first load:
 * `const { lessons, text } = await loadLessons('en')`.
 */
export async function loadLessons(locale = 'en'): Promise<{ lessons: readonly Lesson[]; text: LessonsCatalog }> {
  const [{ LESSONS }, { lessonsCatalog }] = await Promise.all([import('./catalog'), import('../i18n/lessons-en')]);
  return { lessons: LESSONS, text: lessonsCatalog(locale) };
}
