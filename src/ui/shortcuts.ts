import type { ShortcutId } from '../i18n/ui-catalog';
import { scenarioStore } from '../store/scenario';
import { viewStore } from '../store/view';
import {
  changeSpeed,
  goEnd,
  goStart,
  panByQuarter,
  SPEED_STEP,
  stepNext,
  stepPrev,
  togglePlay,
  zoomBy,
  zoomToFit,
} from './commands';
import type { RunModel } from './model';

/** The keyboard shortcuts: one table for the key handler and the help dialog. */
export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.key values (with "Ctrl+" for the Control or Command key). */
  keys: string[];
  run: (model: RunModel | null) => void;
}

export const SHORTCUTS: Shortcut[] = [
  { id: 'playPause', keys: ['Space', 'k'], run: (m) => togglePlay(m) },
  { id: 'prev', keys: ['ArrowLeft', ','], run: (m) => m && stepPrev(m) },
  { id: 'next', keys: ['ArrowRight', '.'], run: (m) => m && stepNext(m) },
  { id: 'start', keys: ['Home'], run: () => goStart() },
  { id: 'end', keys: ['End'], run: (m) => m && goEnd(m) },
  { id: 'slower', keys: ['['], run: () => changeSpeed(-SPEED_STEP) },
  { id: 'faster', keys: [']'], run: () => changeSpeed(SPEED_STEP) },
  { id: 'zoomIn', keys: ['+', '='], run: (m) => m && zoomBy(m, 2) },
  { id: 'zoomOut', keys: ['-'], run: (m) => m && zoomBy(m, 0.5) },
  { id: 'fit', keys: ['0'], run: () => zoomToFit() },
  { id: 'panLeft', keys: ['Shift+ArrowLeft'], run: (m) => m && panByQuarter(m, -1) },
  { id: 'panRight', keys: ['Shift+ArrowRight'], run: (m) => m && panByQuarter(m, 1) },
  { id: 'undo', keys: ['Ctrl+z'], run: () => scenarioStore.getState().undone() },
  { id: 'redo', keys: ['Ctrl+Shift+z', 'Ctrl+y'], run: () => scenarioStore.getState().redone() },
  { id: 'help', keys: ['?'], run: () => viewStore.getState().helpToggled(true) },
];

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

/** The key of an event as written in SHORTCUTS, or null when the event belongs to the focused control. */
export function shortcutKey(e: KeyboardEvent): string | null {
  if (e.defaultPrevented || e.altKey) return null;
  const target = e.target as HTMLElement | null;
  const tag = target?.tagName ?? '';
  if (TYPING.has(tag) || target?.isContentEditable) return null;
  const key = e.key === ' ' ? 'Space' : e.key;
  // Space and Enter activate the focused button; they are not shortcuts there.
  if (key === 'Space' && (ACTIVATES.has(tag) || target?.getAttribute('role') === 'button')) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl) return `Ctrl+${e.shiftKey ? 'Shift+' : ''}${key.toLowerCase()}`;
  if (e.shiftKey && key.startsWith('Arrow')) return `Shift+${key}`;
  return key;
}

export function findShortcut(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key));
}
