import { useId } from 'react';
import { willFates } from '../engine/trace';
import { OBSERVER, OFFLINE_SUBSCRIBER, type Why } from '../engine/types';
import { useMessages } from '../i18n/react';
import { renderEntry, renderWhy } from '../i18n/render';
import { useView, viewStore } from '../store/view';
import { useCurrentRun } from './run-context';

function WhyText({ why }: { why: Why }) {
  const cat = useMessages('engine');
  const t = useMessages('ui');
  const r = renderWhy(why, cat);
  return (
    <>
      <p>{r.sentence}</p>
      {r.clauses && (
        <p className="mt-1 text-xs">
          <span className="sr-only">{t.explain.clauses}: </span>
          <span className="font-mono text-slate-700 dark:text-slate-300">{r.clauses}</span>
        </p>
      )}
      {r.deviation && (
        <p className="mt-1 rounded border border-rose-300 bg-rose-50 px-2 py-1 text-xs text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          <span className="sr-only">{t.explain.deviation}: </span>
          {r.deviation}
        </p>
      )}
    </>
  );
}

/** Why the selected event happened, in a sentence, with the clause IDs of the client's protocol version. */
export function Explanation() {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const run = useCurrentRun();
  const selected = useView((s) => s.selectedEntry);
  const headingId = useId();
  const e = selected !== null ? run?.result.trace[selected] : undefined;
  const r = e ? renderEntry(e, cat) : null;
  return (
    <section aria-labelledby={headingId} className="panel" aria-live="polite">
      <h2 id={headingId} className="panel-title">
        {t.explain.heading}
      </h2>
      {!r ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.explain.none}</p>
      ) : (
        <div className="mt-1 text-sm">
          <p className="text-xs text-slate-600 dark:text-slate-400">{t.explain.at(r.time, r.actor)}</p>
          <p className="font-semibold">{r.what}</p>
          {e && 'why' in e && e.why && <WhyText why={e.why} />}
        </div>
      )}
    </section>
  );
}

/** One card per client with a will: what became of it, why, and the clauses. */
export function Outcomes() {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const run = useCurrentRun();
  const headingId = useId();
  if (!run) return null;
  const fates = willFates(run.result.trace);
  const names = run.scenario.clients
    .filter(
      (c) =>
        c.will !== null ||
        fates.some((f) => f.from === c.name) ||
        run.scenario.steps.some((s) => s.client === c.name && s.action === 'reconnect' && s.will),
    )
    .map((c) => c.name)
    .filter((n) => n !== OBSERVER && n !== OFFLINE_SUBSCRIBER);
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId} className="panel-title">
        {t.outcome.heading}
      </h2>
      {names.length === 0 && <p className="mt-1 text-sm">{t.outcome.none}</p>}
      <ul className="mt-2 grid gap-2">
        {names.map((name) => {
          const mine = fates.filter((f) => f.from === name);
          return (
            <li
              key={name}
              aria-label={name}
              className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
            >
              <h3 className="font-semibold">{name}</h3>
              {mine.length === 0 && <p>{t.outcome.noWill}</p>}
              {mine.map((f) => {
                const at = cat.seconds(f.at);
                const v5 = f.why?.v === 5;
                const reason = f.why?.params?.reason;
                let head: string;
                switch (f.fate) {
                  case 'published':
                    head = t.outcome.published(at);
                    break;
                  case 'deleted':
                    head = t.outcome.deleted(
                      at,
                      f.why?.code.startsWith('will.deleted.') && f.why.code !== 'will.deleted.quirkTakeover'
                        ? v5 && typeof reason === 'number'
                          ? `DISCONNECT 0x${reason.toString(16).toUpperCase().padStart(2, '0')}`
                          : 'DISCONNECT'
                        : null,
                    );
                    break;
                  case 'cancelled':
                    head = t.outcome.cancelled(at);
                    break;
                  case 'withheld':
                    head = t.outcome.withheld(at);
                    break;
                  case 'pending':
                    head = t.outcome.pending(cat.seconds(f.due ?? f.at));
                    break;
                  default:
                    head = t.outcome.stored;
                }
                const good = f.fate === 'published';
                // What happened to this will on the way (e.g. withheld, then published by a quirk's timer).
                const before = f.history.slice(0, -1).filter((h) => h.op !== 'scheduled');
                return (
                  <div
                    key={f.conn}
                    className="mt-1 border-t border-slate-200 pt-1 first:border-0 dark:border-slate-700"
                  >
                    {mine.length > 1 && (
                      <p className="text-xs text-slate-600 dark:text-slate-400">{t.outcome.conn(f.conn)}</p>
                    )}
                    <p
                      className={`font-semibold ${good ? 'text-amber-800 dark:text-amber-300' : 'text-rose-800 dark:text-rose-300'}`}
                    >
                      {head}
                      {f.why && f.fate !== 'stored' ? ':' : ''}
                    </p>
                    {f.why && f.fate !== 'stored' && <WhyText why={f.why} />}
                    {before.map((h) => (
                      <div
                        key={`${h.at}-${h.op}`}
                        className="mt-1 border-l-2 border-slate-300 pl-2 text-xs dark:border-slate-600"
                      >
                        <p className="font-semibold">
                          {t.outcome.earlier(
                            cat.entry.will(
                              {
                                t: h.at,
                                kind: 'will',
                                op: h.op,
                                clientId: f.clientId,
                                from: f.from,
                                conn: f.conn,
                                topic: f.topic,
                                payload: f.payload,
                                why: h.why,
                              },
                              cat.clientLabel(f.from),
                            ),
                            cat.seconds(h.at),
                          )}
                        </p>
                        <WhyText why={h.why} />
                      </div>
                    ))}
                    {f.fate !== 'stored' && (
                      <button
                        type="button"
                        className="btn mt-1 text-xs"
                        onClick={() => {
                          const op = f.fate === 'pending' ? 'scheduled' : f.fate;
                          const i = run.result.trace.findIndex(
                            (x) => x.kind === 'will' && x.from === f.from && x.conn === f.conn && x.op === op,
                          );
                          viewStore.getState().entrySelected(i < 0 ? null : i, f.at);
                        }}
                      >
                        {t.outcome.go(at)}
                      </button>
                    )}
                  </div>
                );
              })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
