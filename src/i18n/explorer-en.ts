import type { ProtocolLevel } from '../engine/types';
import type { EndKind, NextKind, RowSpec, SeiKind } from '../explorer/axes';
import type { Category } from '../explorer/cell';
import type { ExplorerCatalog } from './explorer-catalog';

/** English words of the parameter explorer. */

const num = (n: number) => n.toLocaleString('en');
/** Seconds from ms without trailing zeros: 30000 -> "30", 2500 -> "2.5". */
const secs = (ms: number) => String(Math.round(ms) / 1000);
const proto = (v: ProtocolLevel) => (v === 5 ? 'MQTT 5.0' : 'MQTT 3.1.1');

const END: Record<EndKind, string> = {
  drop: 'network drop (no DISCONNECT)',
  silence: 'silence (keep-alive timeout)',
  disconnect00: 'DISCONNECT 0x00 (normal)',
  disconnect04: 'DISCONNECT 0x04 (with will)',
  disconnectError: 'DISCONNECT 0x80 (error)',
  disconnect04Sei0: 'DISCONNECT 0x04 setting Session Expiry to 0',
  disconnect04SeiLong: 'DISCONNECT 0x04 setting Session Expiry longer',
  takeoverCs0: 'takeover with Clean Start 0',
  takeoverCs1: 'takeover with Clean Start 1',
  protocolError: 'protocol error (second CONNECT)',
};

const NEXT: Record<NextKind, string> = {
  none: 'no reconnect',
  beforeCs0: 'reconnect before the Will Delay, Clean Start 0',
  beforeCs1: 'reconnect before the Will Delay, Clean Start 1',
  afterCs0: 'reconnect after the Will Delay, Clean Start 0',
  afterCs1: 'reconnect after the Will Delay, Clean Start 1',
};

const NEXT_SHORT: Record<NextKind, string> = {
  none: 'No reconnect',
  beforeCs0: 'Before WD, CS 0',
  beforeCs1: 'Before WD, CS 1',
  afterCs0: 'After WD, CS 0',
  afterCs1: 'After WD, CS 1',
};

const SEI: Record<SeiKind, string> = {
  absent: 'absent (= 0)',
  short: 'shorter than the Will Delay',
  long: 'longer than the Will Delay',
  never: 'never expires',
};

const CATEGORY: Record<Category, string> = {
  atClose: 'published at the close',
  later: 'published after the close (seconds after it)',
  deleted: 'deleted: never published',
  cancelled: 'cancelled by a resumed session: never published',
  withheld: 'withheld by the broker: not published by the end of the run',
  notClosed: 'the broker never noticed the connection was gone',
  pending: 'still waiting at the end of the run',
};

const seiValue = (k: SeiKind | null, s: number | null) => {
  if (k === null) return '—';
  if (k === 'absent') return 'absent';
  if (k === 'never') return 'never';
  return `${k === 'short' ? 'short' : 'long'} (${s} s)`;
};

const mainText = (c: Category, after: number | null) => {
  switch (c) {
    case 'atClose':
      return 'at close';
    case 'later':
      return `+${secs(after ?? 0)} s`;
    case 'deleted':
      return 'deleted';
    case 'cancelled':
      return 'cancelled';
    case 'withheld':
      return 'withheld';
    case 'notClosed':
      return 'not closed';
    case 'pending':
      return 'pending';
  }
};

const endValue = (e: EndKind, v: ProtocolLevel) => (v === 4 && e === 'disconnect00' ? 'DISCONNECT' : END[e]);
const rowText = (r: RowSpec, seiSeconds: number | null) =>
  [
    proto(r.protocol),
    `Clean Start ${r.cleanStart ? 1 : 0}`,
    r.protocol === 5 ? `Will Delay ${r.willDelay ?? 0} s` : null,
    r.protocol === 5 ? `Session Expiry ${seiValue(r.sessionExpiry, seiSeconds)}` : null,
    `Keep Alive ${r.keepAlive} s`,
    `will QoS ${r.willQos}`,
    endValue(r.end, r.protocol),
  ]
    .filter((x) => x !== null)
    .join(', ');

export const explorerEn: ExplorerCatalog = {
  locale: 'en',
  title: 'Parameter explorer',
  intro:
    'Every combination of the chosen values at once: what becomes of the will of a device whose connection ends, for each broker profile. Select a cell to open its scenario in the simulator.',
  axis: {
    protocol: 'Protocol',
    cleanStart: 'Clean Start',
    willDelay: 'Will Delay',
    sessionExpiry: 'Session Expiry',
    keepAlive: 'Keep Alive',
    willQos: 'Will QoS',
    end: 'How the connection ends',
    next: 'What happens next',
    profile: 'Broker profile',
  },
  option: {
    protocol: proto,
    cleanStart: (cs) => (cs ? 'Clean Start 1' : 'Clean Start 0'),
    sessionExpiry: (k) => SEI[k],
    willQos: (q) => `QoS ${q}`,
    end: (e) => END[e],
    next: (n) => NEXT[n],
  },
  numbers: {
    label: (axis) => (axis === 'willDelay' ? 'Will Delay values (seconds)' : 'Keep Alive values (seconds)'),
    hint: (max, count) => `Whole seconds from 0 to ${num(max)}, separated by commas; at most ${count} values.`,
    invalid: (text) => `"${text}" is not a list of whole seconds in range.`,
  },
  value: {
    protocol: (v) => (v === 5 ? '5.0' : '3.1.1'),
    cleanStart: (cs) => (cs ? '1' : '0'),
    willDelay: (d) => (d === null ? '—' : `${d} s`),
    sessionExpiry: seiValue,
    keepAlive: (ka) => (ka === 0 ? '0 (off)' : `${ka} s`),
    willQos: (q) => String(q),
    end: endValue,
    next: (n) => NEXT_SHORT[n],
    notApplicable: 'does not exist',
  },
  problem: (p) => {
    switch (p.kind) {
      case 'empty':
        return `Pick at least one value for ${explorerEn.axis[p.axis]}.`;
      case 'range':
        return `${explorerEn.axis[p.axis]}: ${p.value} is out of range (0 to ${num(p.max)} s, whole seconds).`;
      case 'tooManyValues':
        return `${explorerEn.axis[p.axis]}: at most ${p.max} values.`;
      case 'tooManyCells':
        return `These values make ${num(p.cells)} cells; the explorer computes at most ${num(p.max)}. Remove some values.`;
      case 'noCells':
        return 'No combination of these values exists (see the notes on skipped combinations).';
    }
  },
  linkProblem: (p) => {
    switch (p.kind) {
      case 'format':
        return 'the link does not hold explorer settings';
      case 'version':
        return `settings version "${p.version}" is not known to this build`;
      case 'unknownKey':
        return `"${p.key}" is not a setting`;
      case 'badValue':
        return `"${p.value}" is not a value of "${p.key}"`;
      case 'tooLong':
        return `the settings are longer than ${num(p.max)} characters`;
    }
  },
  linkProblemsIntro: 'Some settings in the link were not understood; defaults are used instead:',
  resetDefaults: 'Reset to defaults',
  run: {
    progressLabel: 'Filling the matrix',
    progress: (done, total) => `${num(done)} of ${num(total)} cells`,
    cancel: 'Cancel',
    restart: 'Fill the matrix',
    done: (cells, ms, drawnMs) =>
      `${num(cells)} cells filled in ${(ms / 1000).toFixed(2)} s${drawnMs === null ? '' : `, on screen after ${(drawnMs / 1000).toFixed(2)} s`}.`,
    cancelled: (done, total) => `Cancelled after ${num(done)} of ${num(total)} cells.`,
    failed: (message) => `The matrix could not be computed: ${message}`,
    noWorker: 'The matrix is computed in a Web Worker, and this browser could not start one.',
    waiting: 'Waiting to start…',
  },
  filter: {
    legend: 'Filter and highlight',
    kind: {
      all: 'All cells',
      differ: 'Cells where two profiles differ',
      never: 'Cells where the will never fires',
      later: 'Cells where the will fires later than the close',
    },
    profileA: 'First profile',
    profileB: 'Second profile',
    count: (matching, total) => `${num(matching)} of ${num(total)} cells match.`,
    none: 'No cell matches this filter.',
  },
  table: {
    caption: 'What becomes of the will, for each combination',
    openHint: 'Each cell opens its scenario in the simulator.',
    keysHint:
      'The matrix is one stop for the Tab key: move between cells with the arrow keys, Home, End, Page Up and Page Down; Enter opens a cell.',
    notComputed: 'not computed yet',
  },
  cell: {
    main: mainText,
    sessionPresent: (sp) => (sp === null ? '' : `SP ${sp ? 1 : 0}`),
    offline: (qos) => (qos.length === 0 ? '' : `✉ QoS ${qos.join(', ')}`),
    deviation: '⚑',
    differs: '≠',
    label: (row, column, outcome) => `${row}; ${column}: ${outcome}`,
    outcome: (c, after, reason, sp, offline) => {
      const will =
        c === 'atClose'
          ? 'will published at the close'
          : c === 'later'
            ? `will published ${secs(after ?? 0)} s after the close`
            : c === 'notClosed'
              ? 'will not published: the connection is never closed'
              : `will ${mainText(c, after)}, not published`;
      const parts = [`${will} (${reason})`];
      if (sp !== null) parts.push(`Session Present ${sp ? 1 : 0} on the reconnect`);
      parts.push(
        offline.length === 0
          ? 'the offline subscriber receives nothing'
          : `the offline subscriber receives the will at QoS ${offline.join(', ')}`,
      );
      return parts.join('; ');
    },
    differsNote: 'the two compared profiles differ here',
  },
  legend: {
    title: 'Legend',
    category: CATEGORY,
    sessionPresent: 'SP 1 / SP 0: Session Present on the reconnect or takeover',
    offline: '✉ QoS n: the offline subscriber receives the will when it comes back',
    deviation: '⚑ the deciding rule is a departure of this broker from the spec',
    differs: '≠ the two compared profiles differ here (highlighted with a frame)',
    notApplicable: '— this combination does not exist',
  },
  reason: {
    'will.stored': 'stored; the connection is still open',
    'will.deleted.normalDisconnect': 'a normal DISCONNECT deletes it',
    'will.deleted.quirkAnyDisconnect': 'this broker deletes it on any DISCONNECT',
    'will.deleted.quirkTakeover': 'this broker drops it when a takeover keeps the session',
    'will.deleted.quirkSecondConnect': 'this broker discards it with the failed second CONNECT',
    'will.deleted.quirkNewConnection': 'this broker drops a waiting will when a new connection arrives',
    'will.deleted.quirkShutdown': 'this broker delivers no will while it stops',
    'will.published.seiZeroDelayed': 'this broker waits for the Will Delay although the session ended',
    'will.published.flushedAtShutdown': 'the broker published every will as it stopped, Will Delay or not',
    'will.heldBehind': "held behind another will in the broker's delay list",
    'will.published.v4Closed': 'MQTT 3.1.1: published when the connection closes',
    'will.published.sessionEndsAtClose': 'the session ended at the close',
    'will.published.noDelay': 'no Will Delay',
    'will.published.delayElapsed': 'the Will Delay passed',
    'will.published.sessionExpired': 'the session expired before the Will Delay',
    'will.published.cleanStart': 'Clean Start 1 ended the waiting session',
    'will.published.adminDiscard': 'an administrator discarded the session',
    'will.published.brokerStopped': 'the broker stopped and lost the session',
    'will.published.cachedSessionClosed': "published when the broker's timer closed its cached session",
    'will.published.cleanStartNotKept': 'this broker does not keep Clean Start 1 sessions',
    'will.scheduled': 'waiting for the Will Delay',
    'will.cancelled.resumed': 'the session was resumed in time',
    'will.withheld.cachedSession': 'withheld with the cached session',
    'will.retainIgnored': 'Will Retain ignored',
    'will.retainNotStored': 'delivered with RETAIN 1 but not stored as retained',
    'will.messageExpiryDropped': 'published without its Message Expiry',
    notClosed: 'Keep Alive 0: the silence is never detected',
    noWill: 'no will was stored',
  },
  exportCsv: 'Export CSV',
  link: {
    label: 'Link to these settings',
    copy: 'Copy link',
    copied: 'Link copied.',
  },
  scenarioTitle: (c, profileLabel, seiSeconds) => `${rowText(c, seiSeconds)}; ${NEXT[c.next]} (${profileLabel})`,
  rowText,
  columnText: (next, profileLabel) => `${NEXT[next]}, ${profileLabel}`,
  cli: {
    header: {
      protocol: 'proto',
      cleanStart: 'CS',
      willDelay: 'WD',
      sessionExpiry: 'SE',
      keepAlive: 'KA',
      willQos: 'QoS',
      end: 'connection ends',
      next: 'next',
      profile: 'profile',
      will: 'will',
      why: 'why',
      sessionPresent: 'SP',
      offline: 'offline',
    },
    summary: (cells, ms, matching, filter) =>
      `${num(cells)} cells in ${(ms / 1000).toFixed(2)} s${matching === null ? '' : `; ${num(matching)} match: ${filter}`}`,
    bench: (cells, ms, perSecond, coldMs) =>
      `matrix: ${num(cells)} cells in ${ms.toFixed(0)} ms = ${num(Math.round(perSecond))} cells/s (headless engine, warm; first cold pass ${coldMs.toFixed(0)} ms)`,
    usage: [
      'usage: npm run matrix -- [axes options] [--filter F] [--csv] [--bench]',
      '',
      'Axes (comma-separated values; omitted axes keep their defaults):',
      '  --protocol 4,5              MQTT 3.1.1 (4) and/or 5.0 (5)',
      '  --clean-start 0,1',
      '  --will-delay 0,5,30         seconds (5.0 only)',
      '  --session-expiry absent,short,long,never   relative to the Will Delay',
      '  --keep-alive 0,10           seconds (0 = off)',
      '  --will-qos 1',
      '  --end drop,silence,disconnect00,disconnect04,disconnectError,disconnect04Sei0,',
      '        disconnect04SeiLong,takeoverCs0,takeoverCs1,protocolError',
      '  --next none,beforeCs0,beforeCs1,afterCs0,afterCs1',
      '  --profile spec,nanomq-0.23.2',
      '  --link "#explore=..."       start from the settings of an explorer link',
      '',
      'Output:',
      '  --filter all|differ|never|later   keep only matching cells (differ: --compare A,B)',
      '  --compare spec,nanomq-0.23.2      the two profiles of --filter differ',
      '  --csv                             CSV instead of the readable table',
      '  --bench                           measure the headless engine on these axes',
    ].join('\n'),
    allowed: { protocol: '4 (3.1.1), 5 (5.0)', seconds: 'whole seconds' },
    error: {
      unexpected: (arg) => `unexpected argument "${arg}"`,
      unknownOption: (option) => `unknown option --${option}`,
      needsValue: (option) => `--${option} needs a value`,
      notOneOf: (option, value, allowed) => `--${option}: "${value}" is not one of ${allowed}`,
      filter: (kinds) => `--filter: one of ${kinds}`,
      compare: (example) => `--compare: two profile ids, e.g. ${example}`,
      link: (problem) => `--link: ${problem}`,
    },
  },
};
