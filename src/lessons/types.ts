import type { Scenario } from '../engine/types';
import type { Claim, RunId } from './claims';
import type { LessonId } from './ids';

/**
 * A guided lesson: one scenario, or two side by side (the same scenario under two profiles, or two
 * variants). Words live in src/i18n (lessons-en.ts), keyed by the lesson id; this is the data.
 */
export interface LessonRun {
  id: RunId;
  /** Built with the typed scenario builder (src/engine/script); validated when the lesson is run. */
  scenario: Scenario;
}

export interface Beat {
  /** The virtual time the player shows for this beat (s). */
  atS: number;
  /** Which run the beat is about (side-by-side lessons); default the first. */
  run?: RunId;
  /** What the beat's text says happens, checked against the engine's runs by a test. */
  claims: Claim[];
}

export interface QuestionOption {
  id: string;
  /** The option is right exactly when all its claims hold in the runs. */
  claims: Claim[];
}

export interface Lesson {
  id: LessonId;
  runs: LessonRun[];
  beats: Beat[];
  question: {
    /** Index of the beat that reveals the answer: the learner predicts before reaching it. */
    revealAt: number;
    options: QuestionOption[];
  };
}
