import type { Messages } from '../parts';
import { zhEdit } from './edit';
import { zhEngine } from './engine';
import { zhExplorer } from './explorer';
import { zhExport } from './export';
import { zhLessons } from './lessons';
import { zhRealBroker } from './realbroker';
import { zhShare } from './share';
import { zhUi } from './ui';

/**
 * Simplified Chinese (简体中文): every part but the CLI's (src/i18n/zh/cli.ts) in one lazy chunk. Terms: docs/glossary-zh.md.
 */
export const zhCN: Omit<Messages, 'cli'> = {
  engine: zhEngine,
  ui: zhUi,
  edit: zhEdit,
  share: zhShare,
  realBroker: zhRealBroker,
  explorer: zhExplorer,
  export: zhExport,
  lessons: zhLessons,
};
