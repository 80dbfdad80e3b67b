import type { Scenario } from '../engine/types';
import type { Problem } from './problems';
import { FIELD_SCHEMAS, SCENARIO_FORMAT } from './schema';
import { parseScenario, zodProblems } from './validate';

/**
 * One validation for every entrance: the editor's fields and the store check with the loader's own
 * schema (src/scenario/schema.ts), so the editor cannot make what a file, a link or the autosave
 * would refuse.
 */

export type FieldKind = keyof typeof FIELD_SCHEMAS;

/** The first problem of a field's text, as the loader would word it, or null. */
export function fieldProblem(kind: FieldKind, value: string): Problem | null {
  const r = FIELD_SCHEMAS[kind].safeParse(value, { reportInput: true });
  return r.success ? null : (zodProblems(r.error.issues)[0] ?? null);
}

/**
 * Every problem the loader would find in this scenario (as it would read it back from its own
 * file), with paths as in the file; empty when it would load.
 */
export function scenarioProblems(sc: Scenario): Problem[] {
  const r = parseScenario({ ...sc, format: SCENARIO_FORMAT });
  return r.ok ? [] : r.problems;
}
