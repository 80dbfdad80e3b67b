import type { Catalog } from './catalog';
import type { CliCatalog } from './cli';
import type { ExplorerCatalog } from './explorer';
import type { ExportCatalog } from './export';
import type { LessonsCatalog } from './lessons';
import type { RealBrokerCatalog } from './realbroker';
import type { ShareCatalog } from './share';
import type { UiCatalog } from './ui-catalog';
import type { EditCatalog } from './ui-edit-catalog';

/** The languages the product speaks (BCP 47 tags, as `<html lang>` and `--lang` take them). */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Every word of the product in one language, in parts that load with the code that shows them.
 * Each part's type makes a translation complete: a missing key is a compile error.
 */
export interface Messages {
  /** Trace entries, decision explanations, profile departures, validation problems, outcomes. */
  engine: Catalog;
  /** The shell: header, transport, timeline, event log, explanation, outcomes, help, warnings. */
  ui: UiCatalog;
  /** The editing panels (set-up, inject, script). */
  edit: EditCatalog;
  /** Share links, import, export, compare and the lesson player. */
  share: ShareCatalog;
  /** "Run on a real broker". */
  realBroker: RealBrokerCatalog;
  /** The parameter explorer (view, CSV, matrix CLI). */
  explorer: ExplorerCatalog;
  /** Human text of the exports (Mermaid notes, the reproduction script's comments). */
  export: ExportCatalog;
  /** The 12 lessons. */
  lessons: LessonsCatalog;
  /** What the command-line tools print around the trace (never loaded by the browser). */
  cli: CliCatalog;
}
export type Part = keyof Messages;
