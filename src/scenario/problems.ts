import type { ProblemCode, ProblemParams } from './problem-codes';

export type { ProblemCode, ProblemParams };

/**
 * A problem found in a file, a link or a field: where it is (`path`) and a stable `code` with its
 * `params`. Its words come from a catalog at the edge (CLI, UI): src/i18n/render.ts, problemText.
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: ProblemParams;
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params };
}
