/**
 * A problem found in a file, a link or a field: where it is (`path`), a stable `code` with its
 * `params`: every language words it (`Catalog.problem`, `problemLine` in src/share/describe.ts).
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
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params };
}
