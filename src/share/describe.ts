import type { ShareCatalog } from '../i18n/share';
import { shareEn } from '../i18n/share-en';
import type { LinkError } from './codec';

/** A decoder error in words: the sentence naming what is wrong, then one line per scenario problem. */
export function describeLinkError(
  error: LinkError,
  cat: ShareCatalog = shareEn,
): { message: string; details: string[] } {
  const sentence = cat.link.error[error.code];
  return {
    message: sentence ? sentence(error.params) : error.code,
    details: error.problems.map((p) => `${p.path}: ${p.message}`),
  };
}
