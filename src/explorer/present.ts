import { type ExplorerCatalog, reasonWords } from '../i18n/explorer';
import { type Category, type CellOutcome, category, willAfterClose } from './cell';

/**
 * How a cell reads, in the page and in the CLI's table alike: a symbol per category (so the
 * colours are never the only cue), the main words, Session Present, the offline subscriber and
 * the deciding rule.
 */
export const SYMBOL: Record<Category, string> = {
  atClose: '●',
  later: '◔',
  deleted: '✕',
  cancelled: '↺',
  withheld: '⊘',
  notClosed: '∞',
  pending: '…',
};

export const CATEGORIES: readonly Category[] = [
  'atClose',
  'later',
  'deleted',
  'cancelled',
  'withheld',
  'notClosed',
  'pending',
];

export interface PresentedCell {
  category: Category;
  symbol: string;
  /** "at close", "+30 s", "deleted", ... */
  main: string;
  /** "SP 1", "SP 0" or "". */
  sessionPresent: string;
  /** "✉ QoS 1" or "". */
  offline: string;
  reason: string;
  deviation: boolean;
  /** The whole outcome in one sentence (accessible name, tooltip). */
  sentence: string;
}

export function presentCell(o: CellOutcome, cat: ExplorerCatalog): PresentedCell {
  const c = category(o);
  const after = willAfterClose(o);
  const reason = reasonWords(o.code, cat);
  return {
    category: c,
    symbol: SYMBOL[c],
    main: cat.cell.main(c, after),
    sessionPresent: cat.cell.sessionPresent(o.sessionPresent),
    offline: cat.cell.offline(o.offline),
    reason,
    deviation: o.deviation,
    sentence: cat.cell.outcome(c, after, reason, o.sessionPresent, o.offline),
  };
}
