/**
 * The vocabulary of problems (codes and their params), a leaf module: the catalogs (src/i18n)
 * word each code, and src/scenario/problems.ts builds problems with them.
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
  | 'json'
  | 'notDocument'
  | 'formatWrong'
  | 'formatMissing'
  | 'versionUnknown';

export type ProblemParams = Record<string, string | number>;
