import { en } from '../i18n/en';
import type { ProblemCode, ProblemParams } from './problem-codes';

export type { ProblemCode, ProblemParams };

/**
 * A problem found in a file, a link or a field: where it is (`path`), a stable `code` with its
 * `params` (so any language can word it, see Catalog.problem), and the English `message` for the
 * CLI and logs.
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params, message: en.problem[code](params) };
}
