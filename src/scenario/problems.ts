import type { ProblemCode, ProblemParams } from './problem-codes';

export type { ProblemCode, ProblemParams };

/**
 * A problem found in a file, a link or a field: where it is (`path`), a stable `code` with its
 * `params`: every language words it (`Catalog.problem`, `problemLine` in src/share/describe.ts).
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: ProblemParams;
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params };
}
