import type { ProtocolLevel } from '../engine/types';

/** "MQTT 5.0 [MQTT-3.1.2-8], §3.1.2.11.2": clause IDs of one protocol version, as cited. */
export function formatClauses(v: ProtocolLevel, clauses: readonly string[]): string {
  if (clauses.length === 0) return '';
  const ids = clauses.map((c) => (c.startsWith('§') ? c : `[${c}]`)).join(', ');
  return `${v === 5 ? 'MQTT 5.0' : 'MQTT 3.1.1'} ${ids}`;
}
