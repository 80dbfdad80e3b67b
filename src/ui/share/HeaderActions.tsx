import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/react';
import { loadScenario, resetScenario } from '../../store/loading';
import { useScenario } from '../../store/scenario';
import { useCurrentRun } from '../run-context';
import { ExportMenu } from './ExportMenu';
import { ImportControl } from './ImportControl';
import { ShareMenu } from './ShareMenu';

/** A modal dialog (focus kept inside, Escape closes) around one of the share components. */
function ActionDialog({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  const t = useMessages('share');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      onClose={onClose}
      onCancel={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-300 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    >
      {children}
      <form method="dialog" className="mt-3 text-right">
        <button type="submit" className="btn">
          {t.actions.close}
        </button>
      </form>
    </dialog>
  );
}

function ShareSlot() {
  const scenario = useScenario((s) => s.scenario);
  return <ShareMenu scenario={scenario} baseUrl={location.href} />;
}

function ExportSlot() {
  const scenario = useScenario((s) => s.scenario);
  const run = useCurrentRun();
  // The run on screen, when it is the scenario's (otherwise the menu simulates it itself).
  return <ExportMenu scenario={scenario} run={run?.scenario === scenario ? run.result : undefined} />;
}

type Open = 'share' | 'open' | 'export' | null;

/**
 * The header's share actions (a slot of src/app/extensions.ts, loaded after the first paint): Share
 * (copy link, size meter, JSON download), Open (file, paste, link, case picker), Export (JSON,
 * Mermaid, reproduction script) and Reset.
 */
export default function HeaderActions() {
  const t = useMessages('share');
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const button = (id: Exclude<Open, null>, label: string) => (
    <button type="button" className="btn" aria-haspopup="dialog" onClick={() => setOpen(id)}>
      {label}
    </button>
  );
  return (
    <>
      {button('share', t.actions.share)}
      {button('open', t.actions.open)}
      {button('export', t.actions.export)}
      <button type="button" className="btn" title={t.actions.resetHint} onClick={resetScenario}>
        {t.actions.reset}
      </button>
      {open === 'share' && (
        <ActionDialog label={t.share.heading} onClose={close}>
          <ShareSlot />
        </ActionDialog>
      )}
      {open === 'open' && (
        <ActionDialog label={t.import.heading} onClose={close}>
          <ImportControl
            onLoadScenario={(scenario) => {
              loadScenario(scenario);
              close();
            }}
          />
        </ActionDialog>
      )}
      {open === 'export' && (
        <ActionDialog label={t.export.heading} onClose={close}>
          <ExportSlot />
        </ActionDialog>
      )}
    </>
  );
}
