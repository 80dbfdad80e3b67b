import { useId } from 'react';
import type { AnyStateMachine } from 'xstate';
import { clientMachine } from '../engine/machines/client.machine';
import { sessionMachine } from '../engine/machines/session.machine';
import { useMessages } from '../i18n/react';
import { useView } from '../store/view';
import { sessionAt, stateAt } from './model';
import { useCurrentRun } from './run-context';

/**
 * The selected client's machines, drawn from their XState definitions (not a copy of them): the
 * client itself and its session at the broker, each with the state at the playhead lit. Loaded on
 * demand (it brings XState's machine definitions with it).
 */

interface Node {
  key: string;
  path: string[];
  states: Record<string, Node>;
  on: Record<string, { guard?: unknown; target?: { path: string[] }[] }[]>;
}

function Machine({ machine, active, title }: { machine: AnyStateMachine; active: string | null; title: string }) {
  const t = useMessages('ui');
  const captionId = useId();
  const s = t.statechart;
  const label = (path: string) => {
    const parts = path.split('.');
    const own = s.states[`${machine.id}:${path}`] ?? s.states[path] ?? parts[parts.length - 1] ?? path;
    return parts.length > 1
      ? `${s.states[`${machine.id}:${parts[0]}`] ?? s.states[parts[0] as string] ?? parts[0]} › ${own}`
      : own;
  };
  const box = (n: Node, depth: number) => {
    const path = n.path.join('.');
    const lit = active !== null && (active === path || active.startsWith(`${path}.`));
    const lines: string[] = [];
    for (const [ev, list] of Object.entries(n.on ?? {})) {
      for (const tr of list) {
        const target = tr.target?.[0]?.path.join('.');
        if (!target) continue;
        const guard = typeof tr.guard === 'string' ? (s.guards[tr.guard] ?? tr.guard) : null;
        lines.push(`${s.events[ev] ?? ev}${guard ? ` [${guard}]` : ''} → ${label(target)}`);
      }
    }
    const children = Object.values(n.states ?? {});
    return (
      <li
        key={path}
        aria-current={lit ? 'true' : undefined}
        className={`rounded-md border p-1.5 ${depth === 0 ? 'min-w-40 flex-1' : ''} ${lit ? 'border-amber-500 bg-amber-50 ring-2 ring-amber-400 dark:bg-amber-950' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <p className="text-xs font-semibold">
          {s.states[`${machine.id}:${path}`] ?? s.states[path] ?? n.key}
          {lit && <span className="ml-1 rounded bg-amber-800 px-1 text-[10px] text-white uppercase">{s.active}</span>}
        </p>
        {lines.length > 0 && (
          <ul className="mt-0.5 text-[11px] leading-tight text-slate-700 dark:text-slate-300">
            {[...new Set(lines)].map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
        {children.length > 0 && <ul className="mt-1 grid gap-1">{children.map((c) => box(c, depth + 1))}</ul>}
      </li>
    );
  };
  const root = machine.root as unknown as Node;
  return (
    <figure className="mt-2" aria-labelledby={captionId}>
      <figcaption id={captionId} className="text-sm font-semibold">
        {title}
      </figcaption>
      <ul className="mt-1 flex flex-wrap gap-2">{Object.values(root.states).map((n) => box(n, 0))}</ul>
    </figure>
  );
}

export default function Statechart({ client }: { client: string }) {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const run = useCurrentRun();
  const playhead = useView((s) => s.playhead);
  if (!run) return null;
  const clientState = stateAt(run.model, `client:${client}`, playhead) ?? 'offline';
  const session = sessionAt(run.model, client, playhead);
  const sessionState = session ? stateAt(run.model, `session:${session}`, playhead) : null;
  return (
    <div aria-live="off">
      <h3 className="mt-2 text-sm font-semibold">{t.statechart.heading}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {cat.seconds(playhead)} —{' '}
        {session && sessionState ? t.statechart.session(session, sessionState) : t.statechart.none(client)}
      </p>
      <Machine machine={clientMachine} active={clientState} title={t.statechart.clientMachine(client)} />
      <Machine machine={sessionMachine} active={sessionState} title={t.statechart.sessionMachine(session ?? '—')} />
    </div>
  );
}
