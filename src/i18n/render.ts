import type { TraceEntry, Why } from '../engine/types';
import type { Catalog } from './catalog';
import { formatClauses } from './clauses';

/**
 * The one place where trace entries become words, for the CLI and the UI alike, in the language of
 * the catalog given (`useMessages('engine')`, `loadMessages(locale, 'engine')`).
 */

/** A profile's name in the catalog's language (an unknown id, from a newer file, as it is). */
export function profileName(id: string, cat: Catalog): string {
  return (cat.profileLabel as Record<string, string>)[id] ?? id;
}

export interface RenderedWhy {
  sentence: string;
  clauses: string;
  deviation: string | null;
}

export function renderWhy(w: Why, cat: Catalog): RenderedWhy {
  const fn = cat.why[w.code as keyof Catalog['why']];
  const sentence = fn ? fn(w.params ?? {}, w.v) : w.code;
  const dev = w.deviation;
  const deviation = dev
    ? cat.deviation(profileName(dev.profile, cat), dev.source, cat.specInstead[w.code as keyof Catalog['why']])
    : null;
  return { sentence, clauses: formatClauses(w.v, w.clauses), deviation };
}

export interface RenderedEntry {
  time: string;
  actor: string;
  what: string;
  why: RenderedWhy | null;
}

/** Who an entry is about, for the "actor" column. */
export function entryActor(e: TraceEntry, cat: Catalog): string {
  switch (e.kind) {
    case 'packet':
      return e.dir === 'in' ? cat.clientLabel(e.client) : cat.broker;
    case 'step':
      return e.client === null ? cat.broker : cat.clientLabel(e.client);
    case 'state':
      return e.machine === 'client' ? cat.clientLabel(e.id) : cat.broker;
    case 'note':
      return e.client === null ? cat.broker : cat.clientLabel(e.client);
    default:
      return cat.broker;
  }
}

export function renderEntry(e: TraceEntry, cat: Catalog): RenderedEntry {
  const time = cat.seconds(e.t);
  const actor = entryActor(e, cat);
  let what: string;
  let why: Why | undefined;
  switch (e.kind) {
    case 'step':
      what = cat.entry.step(e);
      break;
    case 'packet':
      what = cat.entry.packet(e, cat.clientLabel(e.client));
      break;
    case 'timer':
      what = cat.entry.timer(e, cat.clientLabel(e.client));
      break;
    case 'connection':
      what = cat.entry.connection(e, cat.clientLabel(e.client));
      why = e.why;
      break;
    case 'session':
      what = cat.entry.session(e, cat.clientLabel(e.client));
      why = e.why;
      break;
    case 'will':
      what = cat.entry.will(e, cat.clientLabel(e.from));
      why = e.why;
      break;
    case 'message':
      what = cat.entry.message(e, cat.clientLabel(e.to ?? ''));
      why = e.why;
      break;
    case 'state':
      what = cat.entry.state(e);
      break;
    case 'note':
      what = cat.entry.note(e, cat.clientLabel(e.client ?? ''));
      why = e.why;
      break;
  }
  return { time, actor, what, why: why ? renderWhy(why, cat) : null };
}

/** One readable line: "5.000 s  broker  will of dev#1 published ("t")  — why. MQTT 5.0 [..]" */
export function entryLine(e: TraceEntry, cat: Catalog): string {
  const r = renderEntry(e, cat);
  let line = `${r.time.padStart(12)}  ${r.actor.padEnd(10)}  ${r.what}`;
  if (r.why) {
    line += ` — ${r.why.sentence}`;
    if (r.why.clauses) line += ` ${r.why.clauses}`;
    if (r.why.deviation) line += ` ${r.why.deviation}`;
  }
  return line;
}
