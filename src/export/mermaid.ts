import { OBSERVER, OFFLINE_SUBSCRIBER, type RunResult, type Scenario, type TraceEntry } from '../engine/types';
import type { Catalog } from '../i18n/catalog';
import type { ExportCatalog } from '../i18n/export';
import { profileName, renderWhy } from '../i18n/render';

/**
 * The run as a Mermaid `sequenceDiagram` (https://mermaid.js.org/syntax/sequenceDiagram.html):
 * participants are the clients, the broker and the implicit subscribers; packets are arrows; will,
 * session, timer and connection decisions are notes over the broker. Every piece of user text
 * (names, topics, payloads) is entity-encoded, so no scenario can change the diagram's structure.
 * Framework-free; load it lazily (`import('./mermaid')`).
 */
export interface MermaidOptions {
  /** The words, in the reader's language. */
  cat: Catalog;
  ex: ExportCatalog;
  /** Draw PINGREQ/PINGRESP (off: a long keep-alive run has hundreds). */
  pings?: boolean;
  /** Draw PUBACK/PUBREC/PUBREL/PUBCOMP/SUBACK/UNSUBACK. */
  acks?: boolean;
  /** Stop after this many diagram lines (Mermaid refuses very large diagrams). */
  maxLines?: number;
}

const ACKS = new Set(['PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBACK', 'UNSUBACK']);
const PINGS = new Set(['PINGREQ', 'PINGRESP']);
const NOTE_STEPS = new Set(['drop', 'reset', 'silence', 'protoerr', 'badpacket', 'kick', 'brokerRestart']);
/**
 * Characters with a meaning in Mermaid's sequence grammar (`#` starts an entity, `;` ends a
 * statement: its lexer reads text as `[^#\n;]+`) or in the HTML it renders (`<`, `>`, `&`).
 */
const SPECIAL = new Set([...'#;<>&']);

/** Text safe anywhere in a Mermaid line: special characters become Mermaid entity codes (#59;). */
export function mermaidText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c === 10 || c === 13) out += ' ⏎ ';
    else if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) out += ' ';
    else if (SPECIAL.has(ch)) out += `#${c};`;
    else out += ch;
  }
  return out;
}

export function toMermaid(scenario: Scenario, run: RunResult, options: MermaidOptions): string {
  const { cat, ex } = options;
  const maxLines = options.maxLines ?? 2000;
  const ids = new Map<string, string>();
  const lines: string[] = [];
  const profile = profileName(scenario.profile, cat);
  lines.push(`%% ${mermaidText(ex.mermaid.header(scenario.title.trim(), profile))}`, 'sequenceDiagram');
  scenario.clients.forEach((c, i) => {
    ids.set(c.name, `C${i + 1}`);
    lines.push(`  participant C${i + 1} as ${mermaidText(cat.clientLabel(c.name))}`);
  });
  lines.push(`  participant B as ${mermaidText(cat.broker)}`);
  if (scenario.observer !== null) {
    ids.set(OBSERVER, 'O');
    lines.push(`  participant O as ${mermaidText(cat.clientLabel(OBSERVER))}`);
  }
  if (scenario.offlineSubscriber) {
    ids.set(OFFLINE_SUBSCRIBER, 'S');
    lines.push(`  participant S as ${mermaidText(cat.clientLabel(OFFLINE_SUBSCRIBER))}`);
  }

  const head = lines.length;
  const at = (t: number) => cat.seconds(t);
  const who = (name: string) => cat.clientLabel(name);
  const implicit = (name: string | null) => name === null || name.startsWith('$');
  const note = (over: string, t: number, text: string) =>
    lines.push(`  Note over ${over}: ${mermaidText(`${at(t)} — ${text}`)}`);
  const arrow = (from: string, kind: string, to: string, t: number, text: string) =>
    lines.push(`  ${from}${kind}${to}: ${mermaidText(`${at(t)} ${text}`)}`);

  for (const e of run.trace) {
    if (lines.length - head >= maxLines) {
      note('B', e.t, ex.mermaid.truncated);
      break;
    }
    entry(e);
  }
  if (run.truncated) note('B', run.endMs, ex.mermaid.truncated);
  return `${lines.join('\n')}\n`;

  function entry(e: TraceEntry): void {
    switch (e.kind) {
      case 'step': {
        if (!NOTE_STEPS.has(e.action)) return;
        const id = e.client === null ? 'B' : ids.get(e.client);
        if (id) note(id, e.t, cat.action(e.action));
        return;
      }
      case 'packet': {
        const id = ids.get(e.client);
        if (!id || implicit(e.client)) return;
        if ((PINGS.has(e.type) && !options.pings) || (ACKS.has(e.type) && !options.acks)) return;
        if (e.dir === 'in') arrow(id, '->>', 'B', e.t, ex.mermaid.packet(e));
        else arrow('B', '-->>', id, e.t, ex.mermaid.packet(e));
        return;
      }
      case 'connection':
        if (implicit(e.client) || e.op === 'opened') return;
        if (e.op === 'closed')
          note('B', e.t, ex.mermaid.closed(`${who(e.client)}#${e.conn}`, ex.mermaid.cause[e.cause ?? 'network'] ?? ''));
        else note('B', e.t, cat.entry.connection(e, who(e.client)));
        return;
      case 'session':
        if (implicit(e.client) || e.op === 'created' || e.op === 'resumed') return;
        note('B', e.t, cat.entry.session(e, who(e.client)));
        return;
      case 'will':
        note('B', e.t, cat.entry.will(e, who(e.from)));
        return;
      case 'timer':
        if (implicit(e.client) || e.timer === 'ping') return;
        if (e.timer === 'keepAlive' && e.op !== 'fired') return;
        note('B', e.t, cat.entry.timer(e, who(e.client)));
        return;
      case 'message': {
        if (e.op === 'delivered') {
          const id = e.to === null ? undefined : ids.get(e.to);
          const willOf = e.willOf ? `${who(e.willOf.from)}#${e.willOf.conn}` : null;
          if (id) arrow('B', '->>', id, e.t, ex.mermaid.delivery(e, willOf));
          return;
        }
        note('B', e.t, cat.entry.message(e, who(e.to ?? '')));
        return;
      }
      case 'note': {
        const id = e.client === null ? 'B' : (ids.get(e.client) ?? 'B');
        note(id, e.t, renderWhy(e.why, cat).sentence);
        return;
      }
      case 'state':
        return;
    }
  }
}
