// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of CSS-grid rows: <table> boxes cannot take content-visibility (see MatrixTable)
// biome-ignore-all lint/a11y/useFocusableInteractive: rows, headers and cells are not focusable themselves; one cell's button at a time is (roving tabindex)
import { type KeyboardEvent, memo, useEffect, useId, useRef } from 'react';
import { type CellSpec, seiSeconds } from '../../explorer/axes';
import type { Category, CellOutcome } from '../../explorer/cell';
import type { Layout } from '../../explorer/matrix';
import { CATEGORIES, presentCell, SYMBOL } from '../../explorer/present';
import type { ExplorerCatalog } from '../../i18n/explorer';
import { useMessages } from '../../i18n/react';
import { profileName } from '../../i18n/render';

/** Colour of each category; never the only cue (every cell also shows a symbol and words). */
export const CATEGORY_CLASS: Record<Category, string> = {
  atClose: 'bg-rose-100 text-rose-950 dark:bg-rose-950 dark:text-rose-100',
  later: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  deleted: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  cancelled: 'bg-emerald-100 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100',
  withheld: 'bg-violet-100 text-violet-950 dark:bg-violet-950 dark:text-violet-100',
  notClosed: 'bg-sky-100 text-sky-950 dark:bg-sky-950 dark:text-sky-100',
  pending: 'bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100',
};

/** A cell the filter does not keep: neutral colours, still readable. */
const DIMMED_CLASS = 'bg-white text-slate-600 dark:bg-slate-900 dark:text-slate-400';

export interface TableProps {
  cat: ExplorerCatalog;
  layout: Layout;
  cells: readonly CellSpec[];
  outcomes: readonly (CellOutcome | undefined)[];
  /** Cells the filter keeps (null: no filter). Rows without one are hidden. */
  matches: ((i: number) => boolean) | null;
  /** Cells where the two compared profiles differ (marked "≠"). */
  differs: ReadonlySet<number>;
  showQos: boolean;
  onOpen: (spec: CellSpec) => void;
}

/**
 * Arrow-key movement in the grid (WAI-ARIA grid pattern): the grid is a single Tab stop and the
 * arrow keys, Home/End and Page Up/Down move the focus between the cells' buttons.
 */
function moveFocus(e: KeyboardEvent<HTMLDivElement>): void {
  const from = (e.target as HTMLElement).closest('[role="gridcell"]');
  const row = from?.parentElement;
  if (!from || !row || !(e.target instanceof HTMLButtonElement)) return;
  const rows = [...(row.parentElement?.children ?? [])];
  const r = rows.indexOf(row);
  const c = [...row.children].indexOf(from);
  const cellAt = (ri: number, ci: number) => rows[ri]?.children[ci]?.querySelector('button') ?? null;
  const buttonsIn = (ri: number) => [...(rows[ri]?.querySelectorAll('button') ?? [])];
  let target: HTMLButtonElement | null = null;
  const step = (dr: number) => {
    for (let ri = r + dr; ri >= 0 && ri < rows.length; ri += Math.sign(dr)) {
      const b = cellAt(ri, c);
      if (b) return b;
    }
    return null;
  };
  switch (e.key) {
    case 'ArrowRight':
      target = from.nextElementSibling?.querySelector('button') ?? null;
      break;
    case 'ArrowLeft':
      target = from.previousElementSibling?.querySelector('button') ?? null;
      break;
    case 'ArrowDown':
      target = step(1);
      break;
    case 'ArrowUp':
      target = step(-1);
      break;
    case 'PageDown':
      target = cellAt(Math.min(rows.length - 1, r + 10), c) ?? step(1);
      break;
    case 'PageUp':
      target = cellAt(Math.max(0, r - 10), c) ?? step(-1);
      break;
    case 'Home':
      target = (e.ctrlKey ? buttonsIn(0) : buttonsIn(r))[0] ?? null;
      break;
    case 'End':
      target = (e.ctrlKey ? buttonsIn(rows.length - 1) : buttonsIn(r)).at(-1) ?? null;
      break;
    default:
      return;
  }
  e.preventDefault();
  if (!target) return;
  e.target.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
}

/**
 * The matrix as an ARIA grid of CSS-grid rows. Each body row has `content-visibility: auto`, so
 * the browser lays out and paints only the rows on screen, while every cell stays in the DOM (for
 * find-in-page, assistive technology and tests). A <table> cannot do that: internal table boxes
 * take no containment.
 */
export const MatrixTable = memo(function MatrixTable({
  cat,
  layout,
  cells,
  outcomes,
  matches,
  differs,
  showQos,
  onOpen,
}: TableProps) {
  const words = useMessages('engine');
  const captionId = useId();
  const hintId = useId();
  const body = useRef<HTMLDivElement>(null);
  const profiles = [...new Set(layout.columns.map((c) => c.profile))];
  const nexts = [...new Set(layout.columns.map((c) => c.next))];
  const rows = matches ? layout.rows.filter((r) => r.cells.some((i) => i >= 0 && matches(i))) : layout.rows;
  const heads = [
    cat.axis.protocol,
    cat.axis.cleanStart,
    cat.axis.willDelay,
    cat.axis.sessionExpiry,
    cat.axis.keepAlive,
    ...(showQos ? [cat.axis.willQos] : []),
    cat.axis.end,
  ];
  // Column widths in rem: the parameters, then one per (next, profile).
  const widths = [4.5, 3.5, 4, 7, 4.5, ...(showQos ? [3] : []), 13, ...layout.columns.map(() => 7.5)];
  const grid = { display: 'grid', gridTemplateColumns: widths.map((w) => `${w}rem`).join(' ') };
  const total = `${widths.reduce((a, b) => a + b, 0)}rem`;
  const th = 'border-r border-b border-slate-300 px-1 py-0.5 text-left font-semibold dark:border-slate-600';
  const firstCell = heads.length;
  // Exactly one cell's button is in the Tab order; after a filter change it may have gone.
  useEffect(() => {
    const buttons = body.current?.querySelectorAll('button');
    if (buttons && buttons.length > 0 && ![...buttons].some((b) => b.tabIndex === 0))
      (buttons[0] as HTMLButtonElement).tabIndex = 0;
  });
  return (
    <div className="max-h-[75vh] overflow-auto">
      <p id={captionId} className="text-left text-sm font-semibold">
        {cat.table.caption}. {cat.table.openHint}
      </p>
      <p id={hintId} className="text-left text-xs">
        {cat.table.keysHint}
      </p>
      <div
        role="grid"
        aria-readonly="true"
        aria-labelledby={captionId}
        aria-describedby={hintId}
        onKeyDown={moveFocus}
        aria-rowcount={rows.length + 2}
        className="border-t border-l border-slate-300 text-xs dark:border-slate-600"
        style={{ width: total }}
      >
        <div role="rowgroup" className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-800">
          <div role="row" style={grid}>
            {heads.map((h, k) => (
              <div key={h} role="columnheader" className={th} style={{ gridColumn: k + 1, gridRow: 'span 2' }}>
                {h}
              </div>
            ))}
            {nexts.map((n, k) => (
              <div
                key={n}
                role="columnheader"
                aria-colspan={profiles.length}
                className={`${th} text-center`}
                style={{ gridColumn: `${firstCell + 1 + k * profiles.length} / span ${profiles.length}` }}
              >
                {cat.value.next(n)}
              </div>
            ))}
            {layout.columns.map((c, k) => (
              <div
                key={`${c.next}|${c.profile}`}
                role="columnheader"
                className={th}
                style={{ gridColumn: firstCell + 1 + k, gridRow: 2 }}
              >
                {profileName(c.profile, words)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={body}>
          {rows.map((r, ri) => {
            const s = r.spec;
            const rowText = cat.rowText(s, seiSeconds(s.sessionExpiry, s.willDelay));
            return (
              <div
                key={r.key}
                role="row"
                style={{ ...grid, contentVisibility: 'auto', containIntrinsicSize: 'auto 2.5rem' }}
              >
                <div role="gridcell" className={th}>
                  {cat.value.protocol(s.protocol)}
                </div>
                <div role="gridcell" className={th}>
                  {cat.value.cleanStart(s.cleanStart)}
                </div>
                <div role="gridcell" className={th}>
                  {cat.value.willDelay(s.willDelay)}
                </div>
                <div role="gridcell" className={th}>
                  {cat.value.sessionExpiry(s.sessionExpiry, seiSeconds(s.sessionExpiry, s.willDelay))}
                </div>
                <div role="gridcell" className={th}>
                  {cat.value.keepAlive(s.keepAlive)}
                </div>
                {showQos ? (
                  <div role="gridcell" className={th}>
                    {cat.value.willQos(s.willQos)}
                  </div>
                ) : null}
                <div role="rowheader" className={th}>
                  {cat.value.end(s.end, s.protocol)}
                </div>
                {r.cells.map((i, k) => {
                  const col = layout.columns[k];
                  const key = `${col?.next}|${col?.profile}`;
                  if (i < 0 || !col)
                    return (
                      <div
                        key={key}
                        role="gridcell"
                        className="border-r border-b border-slate-300 px-1 text-center text-slate-500 dark:border-slate-600"
                      >
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">{cat.value.notApplicable}</span>
                      </div>
                    );
                  return (
                    <Cell
                      key={key}
                      cat={cat}
                      spec={cells[i] as CellSpec}
                      outcome={outcomes[i]}
                      rowText={rowText}
                      columnText={cat.columnText(col.next, profileName(col.profile, words))}
                      dimmed={matches !== null && !matches(i)}
                      differs={differs.has(i)}
                      tabbable={ri === 0 && r.cells.findIndex((x) => x >= 0) === k}
                      onOpen={onOpen}
                    />
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

const Cell = memo(function Cell({
  cat,
  spec,
  outcome,
  rowText,
  columnText,
  dimmed,
  differs,
  tabbable,
  onOpen,
}: {
  cat: ExplorerCatalog;
  spec: CellSpec;
  outcome: CellOutcome | undefined;
  rowText: string;
  columnText: string;
  dimmed: boolean;
  differs: boolean;
  /** The grid's single Tab stop (the first cell); the arrow keys move it. */
  tabbable: boolean;
  onOpen: (spec: CellSpec) => void;
}) {
  if (!outcome)
    return (
      <div role="gridcell" className="border-r border-b border-slate-300 px-1 text-center text-slate-400">
        <span aria-hidden="true">·</span>
        <span className="sr-only">{cat.table.notComputed}</span>
      </div>
    );
  const p = presentCell(outcome, cat);
  const sentence = differs ? `${p.sentence}; ${cat.cell.differsNote}` : p.sentence;
  const label = cat.cell.label(rowText, columnText, sentence);
  // Cells the filter does not keep stay readable (contrast) but lose their colour.
  const colour = dimmed ? DIMMED_CLASS : CATEGORY_CLASS[p.category];
  const line1 = `${p.symbol} ${p.main}${p.deviation ? ` ${cat.cell.deviation}` : ''}`;
  const line2 = `${p.sessionPresent}${p.sessionPresent && p.offline ? ' · ' : ''}${p.offline}`;
  const visible = `${line1}${differs ? ` ${cat.cell.differs}` : ''}${line2 ? ` ${line2}` : ''}`;
  // The accessible name starts with the visible words (WCAG 2.5.3) and goes on with the
  // combination and the whole outcome in words. Few elements per cell: there are thousands.
  return (
    <div role="gridcell" className="border-r border-b border-slate-300 dark:border-slate-600">
      <button
        type="button"
        tabIndex={tabbable ? 0 : -1}
        aria-label={`${visible}; ${label}`}
        title={label}
        onClick={() => onOpen(spec)}
        className={`block h-full w-full overflow-hidden whitespace-nowrap px-1 py-0.5 text-left leading-tight hover:outline hover:outline-2 focus-visible:outline focus-visible:outline-2 ${colour} ${differs ? 'ring-2 ring-inset ring-fuchsia-700' : ''}`}
      >
        <span className="block font-medium">
          {line1}
          {differs ? <b className="text-fuchsia-800 dark:text-fuchsia-200"> {cat.cell.differs}</b> : null}
        </span>{' '}
        <span className="block">{line2}</span>
      </button>
    </div>
  );
});

export function Legend({ cat }: { cat: ExplorerCatalog }) {
  return (
    <section aria-label={cat.legend.title} className="text-xs">
      <h3 className="text-sm font-semibold">{cat.legend.title}</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {CATEGORIES.map((c) => (
          <li key={c} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block w-5 rounded text-center ${CATEGORY_CLASS[c]}`}>
              {SYMBOL[c]}
            </span>
            <span>
              <span className="sr-only">{SYMBOL[c]} </span>
              {cat.legend.category[c]}
            </span>
          </li>
        ))}
        <li>{cat.legend.sessionPresent}</li>
        <li>{cat.legend.offline}</li>
        <li>{cat.legend.deviation}</li>
        <li>{cat.legend.differs}</li>
        <li>{cat.legend.notApplicable}</li>
      </ul>
    </section>
  );
}
