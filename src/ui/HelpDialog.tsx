import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n/react';
import { viewStore } from '../store/view';
import { SHORTCUTS } from './shortcuts';

/** Keyboard shortcuts, from the same table the key handler uses. Loaded on demand. */
export default function HelpDialog() {
  const t = useMessages('ui');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const close = () => viewStore.getState().helpToggled(false);
  const keyName = (k: string) =>
    k
      .split('+')
      .map((p) => t.help.keys[p] ?? (p.length === 1 ? p.toUpperCase() : p))
      .join(' + ');
  return (
    <dialog
      ref={ref}
      aria-labelledby="help-title"
      onClose={close}
      onCancel={close}
      className="m-auto max-w-lg rounded-lg border border-slate-300 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="help-title" className="text-lg font-semibold">
        {t.help.title}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t.help.intro}</p>
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr>
            <th scope="col" className="text-left">
              {t.help.key}
            </th>
            <th scope="col" className="text-left">
              {t.help.action}
            </th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-1 pr-3">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">
                      {keyName(k)}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1">{t.help.shortcuts[s.id]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="mt-3 text-right">
        <button type="submit" className="btn">
          {t.help.close}
        </button>
      </form>
    </dialog>
  );
}
