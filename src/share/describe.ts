import type { Catalog } from '../i18n/catalog';
import { en } from '../i18n/en';
import { problemLine } from '../i18n/render';
import type { ShareCatalog } from '../i18n/share';
import { shareEn } from '../i18n/share-en';
import type { LinkError } from './codec';

export { problemLine };

/** A decoder error in words: the sentence naming what is wrong, then one line per scenario problem. */
export function describeLinkError(
  error: LinkError,
  t: ShareCatalog = shareEn,
  cat: Catalog = en,
): { message: string; details: string[] } {
  const sentence = t.link.error[error.code];
  return {
    message: sentence ? sentence(error.params) : error.code,
    details: error.problems.map((p) => problemLine(p, cat)),
  };
}
