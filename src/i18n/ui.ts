import { createContext, useContext } from 'react';
import type { Catalog } from './catalog';
import { catalog } from './render';
import type { UiCatalog } from './ui-catalog';
import { uiEn } from './ui-en';

/** The UI's language; a Simplified Chinese edition plugs in beside `uiEn` and the engine's `en`. */
export const LocaleContext = createContext('en');

const UI: Record<string, UiCatalog> = { en: uiEn };

/** Words of the UI. */
export function useT(): UiCatalog {
  return UI[useContext(LocaleContext)] ?? uiEn;
}

/** Words of the engine's trace and explanations (renderWhy, renderEntry, entryLine take it). */
export function useCatalog(): Catalog {
  return catalog(useContext(LocaleContext));
}
