import type { ExplorerCatalog } from './explorer-catalog';
import { explorerEn } from './explorer-en';

/** The explorer's catalogs by locale. The catalog's shape is in ./explorer-catalog.ts. */
export type * from './explorer-catalog';

const CATALOGS: Record<string, ExplorerCatalog> = { en: explorerEn };

export function explorerCatalog(locale = 'en'): ExplorerCatalog {
  return CATALOGS[locale] ?? explorerEn;
}

/** The few words for a decision code; unknown codes (a newer engine) fall back to the code. */
export function reasonWords(code: string, cat: ExplorerCatalog = explorerEn): string {
  return (cat.reason as Record<string, string>)[code] ?? code;
}
