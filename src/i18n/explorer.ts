import type { ExplorerCatalog } from './explorer-catalog';

/** The explorer's catalog type (./explorer-catalog.ts); each language's is a part of `Messages`. */
export type * from './explorer-catalog';

/** The few words for a decision code; unknown codes (a newer engine) fall back to the code. */
export function reasonWords(code: string, cat: ExplorerCatalog): string {
  return (cat.reason as Record<string, string>)[code] ?? code;
}
