import { en as engineEn } from '../en';
import { explorerEn } from '../explorer-en';
import { exportEn } from '../export-en';
import { lessonsEn } from '../lessons-en';
import type { Messages } from '../messages';
import { realBrokerEn } from '../realbroker';
import { shareEn } from '../share-en';
import { editEn } from '../ui-edit-en';
import { uiEn } from '../ui-en';

/**
 * Simplified Chinese (简体中文): every part in one lazy chunk. Terms: docs/glossary-zh.md.
 * Parts still pointing at an English catalog are being translated (zh branch).
 */
export const zhCN: Messages = {
  engine: engineEn,
  ui: uiEn,
  edit: editEn,
  share: shareEn,
  realBroker: realBrokerEn,
  explorer: explorerEn,
  export: exportEn,
  lessons: lessonsEn,
};
