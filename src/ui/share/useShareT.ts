import { useContext } from 'react';
import type { ShareCatalog } from '../../i18n/share';
import { shareCatalog } from '../../i18n/share-en';
import { LocaleContext } from '../../i18n/ui';

/** The words of the share, lesson and compare features in the app's language. */
export function useShareT(): ShareCatalog {
  return shareCatalog(useContext(LocaleContext));
}
