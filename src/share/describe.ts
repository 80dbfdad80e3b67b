import type { Catalog } from '../i18n/catalog';
import type { ShareCatalog } from '../i18n/share';
import type { Problem } from '../scenario/validate';
import type { LinkError } from './codec';

/** One problem as a line, worded by the catalog from its code: "clients[0].will.qos: must be 0, 1, 2, not 3". */
export function problemLine(p: Problem, cat: Catalog): string {
  const word = cat.problem[p.code];
  return `${p.path}: ${word ? word(p.params) : p.code}`;
}

/** A decoder error in words: the sentence naming what is wrong, then one line per scenario problem. */
export function describeLinkError(
  error: LinkError,
  t: ShareCatalog,
  cat: Catalog,
): { message: string; details: string[] } {
  const sentence = t.link.error[error.code];
  return {
    message: sentence ? sentence(error.params) : error.code,
    details: error.problems.map((p) => problemLine(p, cat)),
  };
}
