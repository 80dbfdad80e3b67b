import { en as engineEn } from '../en';
import { explorerEn } from '../explorer-en';
import { exportEn } from '../export-en';
import { lessonsEn } from '../lessons-en';
import type { Messages } from '../messages';
import { zhEdit } from './edit';
import { zhRealBroker } from './realbroker';
import { zhShare } from './share';
import { zhUi } from './ui';

/**
 * Simplified Chinese (简体中文): every part in one lazy chunk. Terms: docs/glossary-zh.md.
 * The content parts still pointing at an English catalog are being translated (branch `zh`:
 * src/i18n/zh/engine.ts, lessons.ts, explorer.ts, export.ts) and replace them when merged.
 */
export const zhCN: Messages = {
  engine: engineEn,
  ui: zhUi,
  edit: zhEdit,
  share: zhShare,
  realBroker: zhRealBroker,
  explorer: explorerEn,
  export: exportEn,
  lessons: lessonsEn,
};
