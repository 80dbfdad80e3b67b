import { type BrokerProfile, profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { RunResult, Scenario } from '../engine/types';
import { canonicalScenario } from '../scenario/canonical';
import { parseScenario } from '../scenario/validate';
import { allHold, type RunId, type Runs } from './claims';
import type { Beat, Lesson, LessonRun } from './types';

export interface LessonRunResult {
  id: RunId;
  scenario: Scenario;
  profile: BrokerProfile;
  result: RunResult;
}

/** The validated scenario of a lesson run, titled for the simulator (e.g. "Lesson 1: ... (NanoMQ)"). */
export function lessonScenario(run: LessonRun, title = ''): Scenario {
  const r = parseScenario(canonicalScenario({ ...run.scenario, title }));
  // Lesson scenarios are ours: an invalid one is a bug that lessons.test.ts reports.
  if (!r.ok) throw new Error(`lesson scenario ${run.id}: ${JSON.stringify(r.problems)}`);
  return r.value;
}

/** Runs every scenario of a lesson through the engine, each under its own profile. */
export function runLesson(lesson: Lesson, titles: Partial<Record<RunId, string>> = {}): LessonRunResult[] {
  return lesson.runs.map((run) => {
    const scenario = lessonScenario(run, titles[run.id]);
    const profile = profileById(scenario.profile) ?? SPEC;
    return { id: run.id, scenario, profile, result: simulate(scenario, { profile }) };
  });
}

export function runsById(results: readonly LessonRunResult[]): Runs {
  const runs: Runs = {};
  for (const r of results) runs[r.id] = r.result;
  return runs;
}

/** The ids of the options whose claims hold in the engine's runs: the right answer, computed. */
export function correctOptions(lesson: Lesson, runs: Runs): string[] {
  return lesson.question.options.filter((o) => allHold(o.claims, runs)).map((o) => o.id);
}

export function beatHolds(beat: Beat, runs: Runs): boolean {
  return allHold(beat.claims, runs);
}
