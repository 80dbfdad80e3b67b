import { en } from '../i18n/en';

/**
 * A problem found in a file, a link or a field: where it is (`path`), a stable `code` with its
 * `params` (so any language can word it, see Catalog.problem), and the English `message` for the
 * CLI and logs.
 */
export type ProblemCode =
  | 'missing'
  | 'type'
  | 'tooBig'
  | 'tooSmall'
  | 'notAllowed'
  | 'unknownAction'
  | 'shape'
  | 'custom'
  | 'topic.empty'
  | 'topic.wildcard'
  | 'topic.null'
  | 'filter.empty'
  | 'filter.hash'
  | 'filter.plus'
  | 'filter.null'
  | 'reservedName'
  | 'emptyName'
  | 'reservedClientId'
  | 'userProperties'
  | 'duplicateName'
  | 'unknownClient'
  | 'takeoverClientId'
  | 'afterEnd'
  | 'publishNeedsTopic'
  | 'topicOfNoWill'
  | 'notCase'
  | 'duplicateId'
  | 'emptyCases'
  | 'tooLong'
  | 'tooDeep'
  | 'tooManyBytes'
  | 'loneSurrogate'
  | 'nullChar'
  | 'json'
  | 'notDocument'
  | 'formatWrong'
  | 'formatMissing'
  | 'versionUnknown';

export type ProblemParams = Record<string, string | number>;

export interface Problem {
  path: string;
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params, message: en.problem[code](params) };
}
