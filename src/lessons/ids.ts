/**
 * Lesson ids, in teaching order. Small on purpose: the app can list lessons (and the i18n catalogs
 * can be typed) without loading the lessons themselves (src/lessons/index.ts loads them lazily).
 */
export const LESSON_IDS = [
  'nanomq-1989',
  'sei0-any-delay',
  'disconnect-00-vs-04',
  'keepalive-silence',
  'delay-shorter-than-expiry',
  'delay-longer-than-expiry',
  'reconnect-within-delay',
  'takeover',
  'sei-raised-at-disconnect',
  'retained-will-no-birth',
  'offline-subscriber-expiry',
  'v311-vs-v5',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];
