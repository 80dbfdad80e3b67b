import { useId, useState } from 'react';
import { PROFILE_LIST } from '../../engine/profile-list';
import { type Axes, END_KINDS, LIMITS, NEXT_KINDS, normalizeAxes, QOS_VALUES, SEI_KINDS } from '../../explorer/axes';
import type { ExplorerCatalog } from '../../i18n/explorer';
import { useMessages } from '../../i18n/react';
import { profileName } from '../../i18n/render';

/** The axis pickers: a group of checkboxes per axis, a text field per numeric axis. */
export function AxisPickers({
  axes,
  onChange,
  cat,
}: {
  axes: Axes;
  onChange: (axes: Axes) => void;
  cat: ExplorerCatalog;
}) {
  const words = useMessages('engine');
  const set = <K extends keyof Axes>(key: K, values: Axes[K]) => onChange(normalizeAxes({ ...axes, [key]: values }));
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Checks
        legend={cat.axis.protocol}
        options={[4, 5] as const}
        selected={axes.protocol}
        label={cat.option.protocol}
        onChange={(v) => set('protocol', v)}
      />
      <Checks
        legend={cat.axis.cleanStart}
        options={[false, true]}
        selected={axes.cleanStart}
        label={cat.option.cleanStart}
        onChange={(v) => set('cleanStart', v)}
      />
      <NumberList
        legend={cat.axis.willDelay}
        label={cat.numbers.label('willDelay')}
        hint={cat.numbers.hint(LIMITS.willDelayMax, LIMITS.numericValues)}
        invalid={cat.numbers.invalid}
        max={LIMITS.willDelayMax}
        values={axes.willDelay}
        onChange={(v) => set('willDelay', v)}
      />
      <Checks
        legend={cat.axis.sessionExpiry}
        options={SEI_KINDS}
        selected={axes.sessionExpiry}
        label={cat.option.sessionExpiry}
        onChange={(v) => set('sessionExpiry', v)}
      />
      <NumberList
        legend={cat.axis.keepAlive}
        label={cat.numbers.label('keepAlive')}
        hint={cat.numbers.hint(LIMITS.keepAliveMax, LIMITS.numericValues)}
        invalid={cat.numbers.invalid}
        max={LIMITS.keepAliveMax}
        values={axes.keepAlive}
        onChange={(v) => set('keepAlive', v)}
      />
      <Checks
        legend={cat.axis.willQos}
        options={QOS_VALUES}
        selected={axes.willQos}
        label={cat.option.willQos}
        onChange={(v) => set('willQos', v)}
      />
      <Checks
        legend={cat.axis.profile}
        options={PROFILE_LIST.map((p) => p.id)}
        selected={axes.profile}
        label={(id) => profileName(id, words)}
        onChange={(v) => set('profile', v)}
      />
      <Checks
        legend={cat.axis.next}
        options={NEXT_KINDS}
        selected={axes.next}
        label={cat.option.next}
        onChange={(v) => set('next', v)}
      />
      <Checks
        className="sm:col-span-2 lg:col-span-4"
        columns
        legend={cat.axis.end}
        options={END_KINDS}
        selected={axes.end}
        label={cat.option.end}
        onChange={(v) => set('end', v)}
      />
    </div>
  );
}

function Checks<T extends string | number | boolean>({
  legend,
  options,
  selected,
  label,
  onChange,
  className = '',
  columns = false,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  label: (v: T) => string;
  onChange: (v: T[]) => void;
  className?: string;
  columns?: boolean;
}) {
  return (
    <fieldset className={`rounded border border-slate-300 p-2 dark:border-slate-600 ${className}`}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className={columns ? 'grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3' : ''}>
        {options.map((o) => (
          <label key={String(o)} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...selected, o] : selected.filter((x) => x !== o))}
            />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Whole seconds separated by commas (or spaces); null if the text is not such a list. */
export function parseSeconds(text: string, max: number, count: number): number[] | null {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > count) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,7}$/.test(p)) return null;
    const n = Number(p);
    if (n > max) return null;
    out.push(n);
  }
  return out;
}

function NumberList({
  legend,
  label,
  hint,
  invalid,
  max,
  values,
  onChange,
}: {
  legend: string;
  label: string;
  hint: string;
  invalid: (text: string) => string;
  max: number;
  values: readonly number[];
  onChange: (v: number[]) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(values.join(', '));
  const [error, setError] = useState<string | null>(null);
  return (
    <fieldset className="rounded border border-slate-300 p-2 dark:border-slate-600">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <label htmlFor={id} className="block text-sm">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="w-full rounded border border-slate-400 px-1 text-sm dark:bg-slate-900"
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const parsed = parseSeconds(text, max, LIMITS.numericValues);
          setError(parsed ? null : invalid(text));
          if (parsed) onChange(parsed);
        }}
      />
      <span id={`${id}-help`} className="block text-xs">
        {error ? <span className="block text-rose-700 dark:text-rose-300">{error}</span> : null}
        <span className="block text-slate-600 dark:text-slate-400">{hint}</span>
      </span>
    </fieldset>
  );
}
