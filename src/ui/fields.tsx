import { type ReactNode, useId, useState } from 'react';

/**
 * Labelled form controls. Half-typed values live in the field (a draft); a value reaches the store
 * only once it is valid, so the scenario is never invalid and every valid keystroke re-simulates.
 */

interface Base {
  label: string;
  disabled?: boolean;
  /** One line saying why the field is disabled (shown and linked with aria-describedby). */
  reason?: string | undefined;
  hint?: string | undefined;
  className?: string;
}

function Help({
  id,
  hint,
  reason,
  error,
}: {
  id: string;
  hint?: string | undefined;
  reason?: string | undefined;
  error?: string | null;
}) {
  if (!hint && !reason && !error) return null;
  return (
    <span id={id} className="block text-xs">
      {error && <span className="block text-rose-700 dark:text-rose-300">{error}</span>}
      {reason && <span className="block text-slate-600 dark:text-slate-400">{reason}</span>}
      {hint && !reason && <span className="block text-slate-600 dark:text-slate-400">{hint}</span>}
    </span>
  );
}

export function TextField(
  props: Base & {
    value: string;
    onCommit: (v: string) => void;
    /** Returns a problem, or null when the text may be committed. */
    validate?: (v: string) => string | null;
    /** Commit on blur / Enter only (for names that other data refers to). */
    commitOnBlur?: boolean;
    multiline?: boolean;
  },
) {
  const id = useId();
  const helpId = `${id}-help`;
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? props.value;
  const error = draft !== null ? (props.validate?.(draft) ?? null) : null;
  const change = (v: string) => {
    setDraft(v);
    if (!props.commitOnBlur && !props.validate?.(v)) props.onCommit(v);
  };
  const blur = () => {
    if (draft !== null && props.commitOnBlur && !props.validate?.(draft)) props.onCommit(draft);
    if (draft !== null && !props.validate?.(draft)) setDraft(null);
  };
  const common = {
    id,
    value,
    disabled: props.disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': props.hint || props.reason || error ? helpId : undefined,
    onBlur: blur,
    className: 'field w-full',
  };
  return (
    <div className={props.className}>
      <label htmlFor={id} className="label">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') blur();
          }}
        />
      )}
      <Help id={helpId} hint={props.hint} reason={props.reason} error={error} />
    </div>
  );
}

export function NumberField(
  props: Base & {
    value: number | null;
    onCommit: (v: number | null) => void;
    min: number;
    max: number;
    /** Blank means "absent" (null). */
    allowBlank?: boolean;
    badNumber: (min: number, max: number) => string;
  },
) {
  const id = useId();
  const helpId = `${id}-help`;
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (s: string): number | null | undefined => {
    const x = s.trim();
    if (x === '') return props.allowBlank ? null : undefined;
    if (!/^\d+$/.test(x)) return undefined;
    const n = Number(x);
    return n >= props.min && n <= props.max ? n : undefined;
  };
  const error = draft !== null && parse(draft) === undefined ? props.badNumber(props.min, props.max) : null;
  return (
    <div className={props.className}>
      <label htmlFor={id} className="label">
        {props.label}
      </label>
      <input
        id={id}
        inputMode="numeric"
        className="field w-full tabular-nums"
        disabled={props.disabled}
        value={draft ?? (props.value === null ? '' : String(props.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={props.hint || props.reason || error ? helpId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = parse(e.target.value);
          if (n !== undefined) props.onCommit(n);
        }}
        onBlur={() => {
          if (draft !== null && parse(draft) !== undefined) setDraft(null);
        }}
      />
      <Help id={helpId} hint={props.hint} reason={props.reason} error={error} />
    </div>
  );
}

export function SelectField<T extends string | number>(
  props: Base & { value: T; options: { value: T; label: string }[]; onChange: (v: T) => void },
) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={props.className}>
      <label htmlFor={id} className="label">
        {props.label}
      </label>
      <select
        id={id}
        className="field w-full"
        disabled={props.disabled}
        value={String(props.value)}
        aria-describedby={props.hint || props.reason ? helpId : undefined}
        onChange={(e) => {
          const o = props.options.find((x) => String(x.value) === e.target.value);
          if (o) props.onChange(o.value);
        }}
      >
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={helpId} hint={props.hint} reason={props.reason} />
    </div>
  );
}

export function CheckField(props: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={props.className}>
      <span className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="h-4 w-4 accent-sky-700"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.hint || props.reason ? helpId : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <label htmlFor={id} className="text-sm">
          {props.label}
        </label>
      </span>
      <Help id={helpId} hint={props.hint} reason={props.reason} />
    </div>
  );
}

/** An inline warning next to the fields it is about. */
export function Warning({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div
      role="note"
      className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span aria-hidden="true">⚠ </span>
      {children}
      {action}
    </div>
  );
}

/**
 * An ordered list of name/value pairs (a name may repeat): one row per pair with labelled fields,
 * move-up and remove buttons, and an add button. Order is meaningful, so nothing sorts it.
 */
export function PairListField(props: {
  legend: string;
  hint?: string;
  pairs: readonly { name: string; value: string }[];
  onChange: (pairs: { name: string; value: string }[]) => void;
  max: number;
  /** Problems of a name or a value as the loader words them (null: fine), as for any text field. */
  validateName?: (v: string) => string | null;
  validateValue?: (v: string) => string | null;
  labels: {
    name: (n: number) => string;
    value: (n: number) => string;
    add: string;
    remove: (n: number) => string;
    moveUp: (n: number) => string;
    full: (max: number) => string;
  };
}) {
  const hintId = useId();
  const { pairs, labels } = props;
  const set = (i: number, patch: Partial<{ name: string; value: string }>) =>
    props.onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : { ...p })));
  const full = pairs.length >= props.max;
  return (
    <fieldset className="grid gap-2" aria-describedby={props.hint ? hintId : undefined}>
      <legend className="label">{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {props.hint}
        </p>
      )}
      {pairs.map((p, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in an ordered list; names may repeat.
          <div key={i} className="grid grid-cols-[1fr_1fr_auto_auto] items-end gap-1">
            <TextField
              label={labels.name(n)}
              value={p.name}
              {...(props.validateName ? { validate: props.validateName } : {})}
              onCommit={(v) => set(i, { name: v })}
            />
            <TextField
              label={labels.value(n)}
              value={p.value}
              {...(props.validateValue ? { validate: props.validateValue } : {})}
              onCommit={(v) => set(i, { value: v })}
            />
            <button
              type="button"
              className="btn text-xs"
              aria-label={labels.moveUp(n)}
              disabled={i === 0}
              onClick={() => {
                const next = pairs.map((x) => ({ ...x }));
                const [row] = next.splice(i, 1);
                if (row) next.splice(i - 1, 0, row);
                props.onChange(next);
              }}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="btn text-xs"
              aria-label={labels.remove(n)}
              onClick={() => props.onChange(pairs.filter((_, j) => j !== i).map((x) => ({ ...x })))}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn justify-self-start text-xs"
        disabled={full}
        onClick={() => props.onChange([...pairs.map((x) => ({ ...x })), { name: '', value: '' }])}
      >
        {labels.add}
      </button>
      {full && <p className="text-xs text-slate-600 dark:text-slate-400">{labels.full(props.max)}</p>}
    </fieldset>
  );
}
