import { useEffect, useState } from 'react';
import { useMessages } from '../i18n/react';
import { fullSimulatorUrl } from '../share/embed';
import { useScenario } from '../store/scenario';
import { EventLog } from '../ui/EventLog';
import { Outcomes } from '../ui/Explain';
import { Timeline } from '../ui/Timeline';
import { Transport } from '../ui/Transport';

/**
 * The embedded player (`?embed=1`): a compact, read-only view for an iframe in a course page (the
 * transport, the timeline, what became of each will, the event log) and a link that opens the full
 * simulator on the same scenario. It uses only parts the shell already loads; no editing panel.
 */
export default function Embed() {
  const t = useMessages('ui');
  const scenario = useScenario((s) => s.scenario);
  // The page's own link until the codec is here; then the scenario's canonical link, which opens
  // the same scenario even when this page was opened without a fragment or with a bad one.
  const [href, setHref] = useState(() => fullSimulatorUrl(location.href));
  useEffect(() => {
    let live = true;
    import('../share/codec').then(
      (m) => live && setHref(m.shareLink(scenario, fullSimulatorUrl(location.href))),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [scenario]);
  return (
    <main className="grid grid-cols-1 gap-2 p-2">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-base font-semibold">{scenario.title || t.app.title}</h1>
        <a className="btn ml-auto" href={href} target="_blank" rel="noopener">
          {t.app.openFull}
        </a>
      </div>
      <Transport />
      <Timeline />
      <div className="grid grid-cols-1 items-start gap-2 md:grid-cols-2">
        <Outcomes />
        <EventLog />
      </div>
    </main>
  );
}
