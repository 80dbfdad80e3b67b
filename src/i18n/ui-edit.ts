import { useContext } from 'react';
import { LocaleContext } from './ui';
import type { EditCatalog } from './ui-edit-catalog';
import { editEn } from './ui-edit-en';

const EDIT: Record<string, EditCatalog> = { en: editEn };

/** Words of the editing panels (loaded with them). */
export function useEditT(): EditCatalog {
  return EDIT[useContext(LocaleContext)] ?? editEn;
}
