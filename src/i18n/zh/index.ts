import type { Messages } from '../messages';
import { zhEdit } from './edit';
import { zhEngine } from './engine';
import { zhExplorer } from './explorer';
import { zhExport } from './export';
import { zhLessons } from './lessons';
import { zhRealBroker } from './realbroker';
import { zhShare } from './share';
import { zhUi } from './ui';

/**
 * Simplified Chinese (简体中文): every part in one lazy chunk. Terms: docs/glossary-zh.md.
 */
export const zhCN: Messages = {
  engine: zhEngine,
  ui: zhUi,
  edit: zhEdit,
  share: zhShare,
  realBroker: zhRealBroker,
  explorer: zhExplorer,
  export: zhExport,
  lessons: zhLessons,
};
