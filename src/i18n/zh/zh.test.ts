import { describe, expect, it } from 'vitest';
import { RULES, type WhyCode } from '../../engine/rules';
import type { CloseCause, ProtocolLevel, StepAction, TraceEntry } from '../../engine/types';
import { AXIS_IDS, type CellSpec, END_KINDS, NEXT_KINDS, SEI_KINDS, seiSeconds } from '../../explorer/axes';
import type { Category } from '../../explorer/cell';
import { STEP_ACTIONS } from '../../scenario/schema';
import type { Catalog, P } from '../catalog';
import type { CliCatalog } from '../cli';
import { cliEn } from '../cli-en';
import { en } from '../en';
import type { ExplorerCatalog, LinkProblem } from '../explorer';
import { explorerEn } from '../explorer-en';
import type { ExportCatalog } from '../export';
import { exportEn } from '../export-en';
import { lessonsEn } from '../lessons-en';
import { zhCli } from './cli';
import { zhEngine } from './engine';
import { zhExplorer } from './explorer';
import { zhExport } from './export';
import { zhLessons } from './lessons';

/**
 * The Simplified Chinese catalogs, checked the way a reader meets them: every function-valued entry
 * is called with representative parameters (taken from how the engine and the validators fill
 * them) and must give Chinese text with no English left outside what stays as in the spec, and
 * must show every parameter the English sentence shows.
 */

/** What may stay in Latin letters (docs/glossary-zh.md): packet and field names, flags, names. */
const KEPT = [
  'CONNECT',
  'CONNACK',
  'PUBLISH',
  'PUBACK',
  'SUBSCRIBE',
  'SUBACK',
  'UNSUBSCRIBE',
  'PINGREQ',
  'DISCONNECT',
  'Clean Start',
  'CleanSession',
  'Session Present',
  'Session Expiry',
  'Keep Alive',
  'Will Retain',
  'Maximum QoS',
  'Payload Format Indicator',
  'Content Type',
  'Response Topic',
  'Correlation Data',
  'User Properties',
  'Server Keep Alive',
  'Retain Available',
  'DUP',
  'UTF-8',
  'UTF-16',
  'QoS',
  'RETAIN',
  'MQTT',
  'TCP RST',
  'TCP',
  'NanoMQ',
  'Mosquitto',
  'ejabberd',
  'mod_mqtt',
  'JSON',
  'FORMAT.md',
  'ID',
  'U+0000',
  'true',
  'false',
];

/** Latin words left after removing user data, code terms, clause IDs and hex numbers. */
function englishWords(text: string, extra: readonly string[] = []): string[] {
  let s = text.replace(/“[^”]*”/g, ' ').replace(/"[^"]*"/g, ' ');
  // Clause IDs, hex numbers, issue references (nanomq#1989) and CLI options stay as they are.
  s = s.replace(/\[MQTT-[\d.-]+\]|§[\d.]+|0x[0-9A-F]+|\b[a-z]+#\d+|--[a-z-]+/g, ' ');
  for (const k of [...extra, ...KEPT].sort((a, b) => b.length - a.length)) s = s.split(k).join(' ');
  return s.match(/[A-Za-z]{2,}/g) ?? [];
}

const CJK = /[\u4e00-\u9fff]/;

function expectChinese(text: string, where: string, extra: readonly string[] = []) {
  expect(text.trim(), where).not.toBe('');
  expect(CJK.test(text), `${where}: no Chinese in ${JSON.stringify(text)}`).toBe(true);
  expect(englishWords(text, extra), `${where}: ${text}`).toEqual([]);
}

/** Numbers and quoted values the English text shows must be shown by the Chinese text too. */
function expectSameValues(enRaw: string, zhRaw: string, where: string, translated: readonly string[] = []) {
  // Digit grouping (100,000) is the number formatter's business, not the translation's.
  const enText = enRaw.replace(/(\d),(\d)/g, '$1$2');
  const zhText = zhRaw.replace(/(\d),(\d)/g, '$1$2');
  const values = (s: string) => [
    ...(s.match(/\d+(\.\d+)?/g) ?? []),
    // Quoted values (names, topics, payloads); a quoted sentence of the spec is translated.
    ...(s.match(/"[^"]*"/g) ?? []).map((x) => x.slice(1, -1)).filter((x) => x.split(' ').length <= 3),
  ];
  for (const v of values(enText))
    if (translated.includes(v)) continue;
    else if (v !== '4294967295' || !zhText.includes('0xFFFFFFFF'))
      expect(zhText, `${where}: ${v} missing`).toContain(v);
}

// Distinct values, so that a parameter dropped by a translation is noticed.
const BASE: P = {
  sessionPresent: true,
  clientId: 'dev-auto-7',
  sweep: 6,
  factor: 1.25,
  keepAlive: 17,
  reason: 0x81,
  disconnect: 0x8e,
  cause: 'network',
  sessionExpiry: 60,
  from: 300,
  to: 0,
  granted: 120,
  requested: 600,
  delay: 23,
  closedAt: 12345,
  until: 45678,
  sessionEnd: 72345,
  messageExpiry: 41,
  expiry: 59,
  of: 'tablet',
  filter: 'home/+/status',
  persistence: 'persist',
  events: 100000,
  qos: 2,
  maximumQos: 1,
};

const CAUSES: CloseCause[] = [
  'network',
  'reset',
  'keepAlive',
  'clientDisconnect',
  'protocolError',
  'malformed',
  'takeover',
  'adminKick',
  'shutdown',
];

/** Every branch the English sentences take: absent values, nulls, each close cause. */
const VARIANTS: P[] = [
  BASE,
  { ...BASE, sweep: undefined, factor: undefined, disconnect: null, sessionEnd: null, messageExpiry: null },
  { ...BASE, disconnect: undefined, reason: undefined, sessionExpiry: undefined, persistence: 'volatile' },
  { ...BASE, sessionExpiry: 4294967295, from: 4294967295, to: 1, sessionPresent: false, granted: 4294967295 },
  { ...BASE, delay: 60, sessionExpiry: 60, serverKeepAlive: true },
  { ...BASE, cause: 'clientDisconnect', reason: 0 },
  ...CAUSES.map((cause) => ({ ...BASE, cause })),
];

describe('zh engine catalog: explanations', () => {
  const codes = Object.keys(RULES) as WhyCode[];

  it('has a sentence for every decision code', () => {
    expect(Object.keys(zhEngine.why).sort()).toEqual(codes.slice().sort());
  });

  it('words every decision in Chinese, with every value the English shows', () => {
    for (const code of codes)
      for (const v of [4, 5] as ProtocolLevel[])
        VARIANTS.forEach((p, i) => {
          const zh = zhEngine.why[code](p, v);
          const where = `${code} v${v} variant ${i}`;
          expectChinese(zh, where, ['PINGREQ']);
          expectSameValues(en.why[code](p, v), zh, where);
        });
  });

  it('names the 3.1.1 flag CleanSession, never the 5.0 Clean Start, in a 3.1.1 explanation', () => {
    for (const code of codes)
      for (const p of VARIANTS) expect(zhEngine.why[code](p, 4), code).not.toContain('Clean Start');
  });

  it('says what the spec does instead at every departure, and a summary of every profile', () => {
    expect(Object.keys(zhEngine.specInstead).sort()).toEqual(Object.keys(en.specInstead).sort());
    for (const [code, text] of Object.entries(zhEngine.specInstead)) expectChinese(text, code);
    for (const id of Object.keys(en.profileSummary)) expectChinese(zhEngine.profileSummary[id] ?? '', id);
    const line = zhEngine.deviation('NanoMQ 0.23.2', 'nanomq#1989', zhEngine.specInstead['session.kept.cached']);
    expect(line).toContain('nanomq#1989');
    expectChinese(line, 'deviation', ['nanomq']);
    expectChinese(zhEngine.deviation('Mosquitto 2.0', 'mosquitto#3505', undefined), 'deviation', ['mosquitto']);
  });

  it('names every step action, client label and time in Chinese', () => {
    for (const a of STEP_ACTIONS as readonly StepAction[])
      if (a === 'disconnect') expect(zhEngine.action(a)).toBe('DISCONNECT');
      else expectChinese(zhEngine.action(a), a);
    expectChinese(zhEngine.clientLabel('$observer'), 'observer');
    expectChinese(zhEngine.clientLabel('$offline'), 'offline');
    expect(zhEngine.clientLabel('sensor-7')).toBe('sensor-7');
    expect(zhEngine.seconds(1500)).toBe('1.500 秒');
    expectChinese(zhEngine.broker, 'broker');
  });
});

// ---------------------------------------------------------------------------------------------
// Trace entries

type Of<K extends TraceEntry['kind']> = Extract<TraceEntry, { kind: K }>;
const why = { code: 'will.stored' as WhyCode, v: 5 as ProtocolLevel, clauses: [] };

function entries(): TraceEntry[] {
  const out: TraceEntry[] = [];
  STEP_ACTIONS.forEach((action, index) => {
    out.push({ t: 0, kind: 'step', index, action, client: 'dev' });
  });
  const packet = (type: Of<'packet'>['type'], detail: Of<'packet'>['detail'], dir: 'in' | 'out' = 'in') =>
    out.push({ t: 0, kind: 'packet', dir, client: 'dev', conn: 1, type, detail });
  packet('CONNECT', { cleanStart: true, keepAlive: 17, hasWill: true, sessionExpiry: 60 });
  packet('CONNECT', { cleanStart: false, keepAlive: 0, hasWill: false, sessionExpiry: null });
  packet('CONNECT', { cleanStart: false, keepAlive: 0, hasWill: false });
  packet('CONNACK', { sessionPresent: true }, 'out');
  packet('CONNACK', { reason: 0x9b }, 'out');
  packet('DISCONNECT', { reason: 0x04, sessionExpiry: 600 });
  packet('DISCONNECT', {});
  packet('PUBLISH', { topic: 'plant/status', qos: 1, retain: true }, 'out');
  packet('PUBLISH', { topic: 'plant/status', qos: 0, retain: false });
  packet('SUBSCRIBE', { filter: 'plant/#' });
  packet('UNSUBSCRIBE', { filter: 'plant/#' });
  packet('PINGREQ', {});
  for (const timer of ['keepAlive', 'willDelay', 'sessionExpiry', 'ping'] as const)
    for (const op of ['armed', 'cancelled', 'fired'] as const)
      for (const due of [25000, null])
        out.push({ t: 0, kind: 'timer', op, timer, client: 'dev', conn: 2, clientId: 'dev', due });
  for (const op of ['opened', 'closed', 'refused'] as const)
    out.push({ t: 0, kind: 'connection', op, client: 'dev', conn: 3, clientId: 'dev', why });
  for (const op of ['created', 'resumed', 'kept', 'ended'] as const)
    for (const clientId of ['dev-id', '__observer'])
      out.push({ t: 0, kind: 'session', op, clientId, session: 1, client: 'dev', why });
  for (const op of ['stored', 'deleted', 'scheduled', 'cancelled', 'published', 'withheld'] as const)
    for (const due of [40000, null, undefined])
      out.push({
        t: 0,
        kind: 'will',
        op,
        clientId: 'dev',
        from: 'dev',
        conn: 4,
        topic: 'plant/status',
        payload: 'offline',
        due,
        why,
      });
  for (const op of ['delivered', 'queued', 'expired', 'retained', 'retainCleared', 'discarded'] as const)
    for (const to of ['dash', null])
      for (const willOf of [{ from: 'dev', conn: 5 }, undefined])
        for (const retain of [true, false])
          out.push({
            t: 0,
            kind: 'message',
            op,
            to,
            topic: 'plant/status',
            payload: 'offline',
            qos: 2,
            retain,
            willOf,
          });
  const props = {
    payloadFormatIndicator: true,
    contentType: 'text/plain',
    responseTopic: 'plant/reply',
    correlationData: 'c-17',
    userProperties: [
      { name: 'site', value: 'north' },
      { name: 'line', value: '4' },
    ],
  };
  for (const p of [props, { contentType: 'application/json' }])
    out.push({
      t: 0,
      kind: 'message',
      op: 'delivered',
      to: 'dash',
      topic: 't/1',
      payload: 'bye',
      qos: 1,
      retain: false,
      props: p,
    });
  for (const machine of ['client', 'connection', 'session'] as const)
    out.push({ t: 0, kind: 'state', machine, id: 'dev', value: 'connected' });
  out.push({ t: 0, kind: 'note', client: 'dev', why });
  out.push({ t: 0, kind: 'note', client: null, why });
  return out;
}

function renderWith(cat: Catalog, e: TraceEntry): string {
  const who = 'dev';
  switch (e.kind) {
    case 'step':
      return cat.entry.step(e);
    case 'packet':
      return cat.entry.packet(e, who);
    case 'timer':
      return cat.entry.timer(e, who);
    case 'connection':
      return cat.entry.connection(e, who);
    case 'session':
      return cat.entry.session(e, who);
    case 'will':
      return cat.entry.will(e, who);
    case 'message':
      return cat.entry.message(e, e.to ? 'dash' : '');
    case 'state':
      return cat.entry.state(e);
    case 'note':
      return e.client ? cat.entry.note(e, who) : cat.entry.note(e, '');
  }
}

describe('zh engine catalog: trace entries', () => {
  it('words every kind of entry in Chinese, with every value the English shows', () => {
    for (const e of entries()) {
      const zh = renderWith(zhEngine, e);
      const where = JSON.stringify(e);
      // State values are machine state names, shown as they are.
      expectChinese(zh, where, ['dev', 'dash', 'connected', 'PINGREQ']);
      expectSameValues(renderWith(en, e), zh, where);
    }
  });

  it('words the outcome lines in Chinese', () => {
    const o = zhEngine.outcome;
    for (const text of [
      o.published('5.000 秒'),
      o.notPublished,
      o.pending('9.000 秒'),
      o.noWill,
      o.deletedBy('1.000 秒'),
    ])
      expectChinese(text, 'outcome');
  });
});

// ---------------------------------------------------------------------------------------------
// Validation problems

/** Parameters as src/scenario/validate.ts, cases.ts and load.ts fill them. */
const PROBLEM_PARAMS: Record<string, Record<string, string | number>[]> = {
  missing: [{ expected: 'number' }, { expected: 'int' }, { expected: 'boolean' }],
  type: [
    { expected: 'string', gotKind: 'literal', got: '"abc"' },
    { expected: 'object', gotKind: 'array' },
    { expected: 'array', gotKind: 'longText', gotLength: 52 },
    { expected: 'number', gotKind: 'nothing' },
    { expected: 'int', gotKind: 'literal', got: '2.5' },
  ],
  tooBig: [
    { max: 65535, unit: '' },
    { max: 256, unit: 'characters' },
    { max: 64, unit: 'items' },
  ],
  tooSmall: [
    { min: 0, unit: '' },
    { min: 1, unit: 'characters' },
    { min: 1, unit: 'items' },
  ],
  notAllowed: [
    { allowed: '[4,5]', gotKind: 'literal', got: '3' },
    { allowed: '["volatile","persist"]', gotKind: 'literal', got: '"a text or other"' },
    { allowed: '[0,1,2]', gotKind: 'object' },
  ],
  unknownAction: [{ allowed: STEP_ACTIONS.join(', ') }],
  userProperties: [{ max: 32 }],
  duplicateName: [{ name: 'sensor' }],
  unknownClient: [{ known: 'sensor, dash' }, { known: '' }],
  takeoverClientId: [{ of: 'a', ofId: 'dev-a', id: 'dev-b' }],
  afterEnd: [{ end: 120 }],
  topicOfNoWill: [{ name: 'dash' }],
  duplicateId: [{ id: 'case-1' }],
  tooLong: [{ length: 1234567, max: 1000000 }],
  tooDeep: [{ max: 64, line: 3, column: 17 }],
  tooManyBytes: [{ bytes: 2345678, max: 1000000 }],
  json: [{ detail: 'Unexpected token' }],
  formatWrong: [
    { expected: 'mqtt-will-lab/scenario', got: '"other"' },
    { expected: 'mqtt-will-lab/scenario', got: '7' },
  ],
  formatMissing: [{ expected: 'mqtt-will-lab/scenario' }],
  versionUnknown: [{ gotKind: 'literal', got: '2' }, { gotKind: 'nothing' }],
  willInvalid: [{ problem: 'willQos3' }, { problem: 'topic.wildcard' }, { problem: 'topic.empty' }],
};

describe('zh engine catalog: validation problems', () => {
  it('words every problem in Chinese, with every value the English shows', () => {
    for (const code of Object.keys(en.problem) as (keyof Catalog['problem'])[]) {
      if (code === 'custom') continue; // the validator's own English text, passed through
      for (const p of PROBLEM_PARAMS[code] ?? [{}]) {
        const zh = zhEngine.problem[code](p);
        const where = `${code} ${JSON.stringify(p)}`;
        // Field names of the scenario format and the validator's JSON detail stay as they are.
        // The allowed step actions are keywords of the scenario format.
        const kept = [
          'topicOf',
          'topic',
          'format',
          'allowInvalid',
          'Unexpected token',
          'sensor',
          'dash',
          ...STEP_ACTIONS,
        ];
        expectChinese(zh, where, kept);
        expectSameValues(en.problem[code](p), zh, where);
      }
    }
  });

  it('translates the value descriptions the validator records', () => {
    expect(zhEngine.problem.type({ expected: 'array', gotKind: 'longText', gotLength: 52 })).toBe(
      '应为列表，而不是长度为 52 个字符的文本',
    );
    expect(zhEngine.problem.notAllowed({ allowed: '["a or b","c"]', gotKind: 'literal', got: '3' })).toBe(
      '应为 "a or b" 或 "c"，而不是 3',
    );
  });
});

describe('the check itself', () => {
  it('finds the English words of the English catalog', () => {
    expect(englishWords(en.why['will.published.noDelay']({ cause: 'network' }, 5)).length).toBeGreaterThan(5);
    expect(englishWords(en.problem.missing({ expected: 'number' }))).toContain('missing');
    expect(() => expectSameValues('after 23 s', '之后', 'x')).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Lessons

describe('zh lessons', () => {
  it('has the words of every lesson, beat, option and run of the English text', () => {
    expect(Object.keys(zhLessons.lessons)).toEqual(Object.keys(lessonsEn.lessons));
    for (const [id, e] of Object.entries(lessonsEn.lessons)) {
      const z = zhLessons.lessons[id as keyof typeof lessonsEn.lessons];
      expect(z.beats.length, id).toBe(e.beats.length);
      expect(Object.keys(z.options).sort(), id).toEqual(Object.keys(e.options).sort());
      expect(Object.keys(z.runs).sort(), id).toEqual(Object.keys(e.runs).sort());
    }
  });

  it('words every text in Chinese, with every number and quoted value the English shows', () => {
    for (const [id, e] of Object.entries(lessonsEn.lessons)) {
      const z = zhLessons.lessons[id as keyof typeof lessonsEn.lessons];
      const pairs: [string, string, string][] = [
        [e.title, z.title, 'title'],
        [e.summary, z.summary, 'summary'],
        [e.question, z.question, 'question'],
        [e.takeaway, z.takeaway, 'takeaway'],
        ...e.beats.map((b, i): [string, string, string] => [b, z.beats[i] ?? '', `beat ${i}`]),
        ...Object.entries(e.options).map(([k, o]): [string, string, string] => [o, z.options[k] ?? '', k]),
        ...Object.entries(e.runs).map(([k, r]): [string, string, string] => [
          r ?? '',
          z.runs[k as 'a'] ?? '',
          `run ${k}`,
        ]),
      ];
      for (const [enText, zhText, what] of pairs) {
        const where = `${id} ${what}`;
        // A run label may be only names and flags ("NanoMQ 0.23.2", "MQTT 3.1.1，CleanSession 0").
        if (what.startsWith('run ') && zhText !== '' && englishWords(zhText).length === 0) continue;
        expectChinese(zhText, where);
        // Quoted words of the story, not user data: the Chinese text quotes their translation.
        const translated = ['caches', ...(what === 'title' || what === 'takeaway' ? ['session expired'] : [])];
        expectSameValues(enText, zhText, where, translated);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Explorer

describe('zh explorer catalog', () => {
  const cats: Category[] = ['atClose', 'later', 'deleted', 'cancelled', 'withheld', 'notClosed', 'pending'];
  const cells: CellSpec[] = [];
  for (const protocol of [4, 5] as ProtocolLevel[])
    for (const end of END_KINDS)
      for (const sessionExpiry of protocol === 5 ? SEI_KINDS : [null])
        for (const next of NEXT_KINDS)
          cells.push({
            protocol,
            cleanStart: end === 'drop',
            willDelay: protocol === 5 ? 37 : null,
            sessionExpiry,
            keepAlive: end === 'silence' ? 0 : 19,
            willQos: 2,
            end,
            next,
            profile: 'nanomq-0.23.2',
          });

  /** Every function-valued entry, called with representative parameters: [English, Chinese, where]. */
  function pairs(): [string, string, string][] {
    const out: [string, string, string][] = [];
    const add = (where: string, f: (c: ExplorerCatalog) => string) => out.push([f(explorerEn), f(zhExplorer), where]);
    for (const v of [4, 5] as ProtocolLevel[]) {
      add(`option.protocol ${v}`, (c) => c.option.protocol(v));
      add(`value.protocol ${v}`, (c) => c.value.protocol(v));
      for (const e of END_KINDS) add(`value.end ${e} ${v}`, (c) => c.value.end(e, v));
    }
    for (const cs of [true, false]) {
      add(`option.cleanStart ${cs}`, (c) => c.option.cleanStart(cs));
      add(`value.cleanStart ${cs}`, (c) => c.value.cleanStart(cs));
    }
    for (const k of SEI_KINDS) {
      add(`option.sessionExpiry ${k}`, (c) => c.option.sessionExpiry(k));
      add(`value.sessionExpiry ${k}`, (c) => c.value.sessionExpiry(k, 12));
    }
    add('value.sessionExpiry null', (c) => c.value.sessionExpiry(null, null));
    for (const q of [0, 1, 2]) {
      add(`option.willQos ${q}`, (c) => c.option.willQos(q));
      add(`value.willQos ${q}`, (c) => c.value.willQos(q));
    }
    for (const e of END_KINDS) add(`option.end ${e}`, (c) => c.option.end(e));
    for (const n of NEXT_KINDS) {
      add(`option.next ${n}`, (c) => c.option.next(n));
      add(`value.next ${n}`, (c) => c.value.next(n));
      add(`columnText ${n}`, (c) => c.columnText(n, 'NanoMQ 0.23.2'));
    }
    for (const axis of ['willDelay', 'keepAlive'] as const) {
      add(`numbers.label ${axis}`, (c) => c.numbers.label(axis));
      add(`problem range ${axis}`, (c) => c.problem({ kind: 'range', axis, value: 70000, max: 65535 }));
      add(`problem tooManyValues ${axis}`, (c) => c.problem({ kind: 'tooManyValues', axis, max: 12 }));
    }
    add('numbers.hint', (c) => c.numbers.hint(65535, 12));
    add('numbers.invalid', (c) => c.numbers.invalid('5,x'));
    add('value.willDelay', (c) => c.value.willDelay(37));
    add('value.willDelay null', (c) => c.value.willDelay(null));
    add('value.keepAlive', (c) => c.value.keepAlive(19));
    add('value.keepAlive 0', (c) => c.value.keepAlive(0));
    for (const axis of AXIS_IDS) add(`problem empty ${axis}`, (c) => c.problem({ kind: 'empty', axis }));
    add('problem tooManyCells', (c) => c.problem({ kind: 'tooManyCells', cells: 123456, max: 100000 }));
    add('problem noCells', (c) => c.problem({ kind: 'noCells' }));
    const links: LinkProblem[] = [
      { kind: 'format' },
      { kind: 'version', version: '9' },
      { kind: 'unknownKey', key: 'zz' },
      { kind: 'badValue', key: 'wd', value: 'abc' },
      { kind: 'tooLong', max: 4000 },
    ];
    for (const l of links) add(`linkProblem ${l.kind}`, (c) => c.linkProblem(l));
    add('run.progress', (c) => c.run.progress(1234, 5678));
    add('run.done', (c) => c.run.done(5678, 1234, 2345));
    add('run.done undrawn', (c) => c.run.done(5678, 1234, null));
    add('run.cancelled', (c) => c.run.cancelled(1234, 5678));
    add('run.failed', (c) => c.run.failed('out of memory'));
    add('filter.count', (c) => c.filter.count(1234, 5678));
    for (const cat of cats)
      for (const after of [30000, 2500, null]) {
        add(`cell.main ${cat} ${after}`, (c) => c.cell.main(cat, after));
        for (const sp of [true, false, null])
          for (const offline of [[], [1], [0, 2]])
            add(`cell.outcome ${cat} ${after} ${sp} ${offline}`, (c) =>
              c.cell.outcome(cat, after, c.reason['will.scheduled'], sp, offline),
            );
      }
    add('cell.sessionPresent', (c) => c.cell.sessionPresent(true));
    add('cell.offline', (c) => c.cell.offline([1, 2]));
    add('cell.label', (c) =>
      c.cell.label(c.rowText(cells[0] as CellSpec, 90), c.columnText('none', 'Mosquitto 2.0'), '…'),
    );
    for (const cell of cells) {
      const s = seiSeconds(cell.sessionExpiry, cell.willDelay);
      add(`rowText ${JSON.stringify(cell)}`, (c) => c.rowText(cell, s));
      add(`scenarioTitle ${JSON.stringify(cell)}`, (c) => c.scenarioTitle(cell, 'NanoMQ 0.23.2', s));
    }
    add('cli.summary', (c) => c.cli.summary(5678, 1234, 321, c.filter.kind.never));
    add('cli.summary all', (c) => c.cli.summary(5678, 1234, null, c.filter.kind.all));
    add('cli.bench', (c) => c.cli.bench(5678, 1234, 4601.4, 321));
    add('cli.error.unexpected', (c) => c.cli.error.unexpected('extra'));
    add('cli.error.unknownOption', (c) => c.cli.error.unknownOption('colour'));
    add('cli.error.needsValue', (c) => c.cli.error.needsValue('end'));
    add('cli.error.notOneOf', (c) => c.cli.error.notOneOf('end', 'boom', 'drop, silence'));
    add('cli.error.filter', (c) => c.cli.error.filter('all, differ'));
    add('cli.error.compare', (c) => c.cli.error.compare('spec,nanomq-0.23.2'));
    add('cli.error.link', (c) => c.cli.error.link(c.linkProblem({ kind: 'format' })));
    return out;
  }

  // Kept as they are: the matrix's own abbreviation (SP), keyboard keys, and names.
  const kept = ['SP', 'Web Worker', 'Tab', 'Home', 'End', 'Page Up', 'Page Down', 'Enter', 'CSV'];
  // The CLI's messages also show option names, the values given and the allowed values.
  const cliKept = [
    ...kept,
    ...['extra', 'colour', 'end', 'boom', 'drop', 'silence', 'all', 'differ', 'later', 'spec', 'nanomq'],
  ];

  it('words every entry in Chinese, with every value the English shows', () => {
    for (const [enText, zhText, where] of pairs()) {
      // Values that are only numbers, flags and names are the same in both languages.
      if (englishWords(zhText, kept).length === 0 && !CJK.test(zhText)) {
        expect(zhText.trim() === '' ? enText.trim() : zhText, where).not.toBe('');
        continue;
      }
      const allowed = where.startsWith('cli.') ? cliKept : where === 'run.failed' ? [...kept, 'out of memory'] : kept;
      expectChinese(zhText, where, allowed);
      expectSameValues(enText, zhText, where);
    }
  });

  it('words every constant, reason and legend in Chinese', () => {
    const texts: [string, string][] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'string') texts.push([path, v]);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    const { locale: _locale, cli, cell, ...rest } = zhExplorer;
    walk(rest, 'explorer');
    walk(cli.allowed, 'cli.allowed');
    for (const [path, text] of texts)
      if (CJK.test(text) || englishWords(text, kept).length > 0) expectChinese(text, path, kept);
      else expect(text.trim(), path).not.toBe(''); // a flag or a symbol ("Clean Start", "⚑")
    expect(Object.keys(zhExplorer.reason).sort()).toEqual(Object.keys(explorerEn.reason).sort());
    expect(cell.deviation).toBe(explorerEn.cell.deviation);
    // The usage keeps every option of the English one.
    for (const option of explorerEn.cli.usage.match(/--[a-z-]+/g) ?? []) expect(cli.usage).toContain(option);
    expectChinese(cli.usage, 'cli.usage', [
      ...cliKept,
      ...END_KINDS,
      ...NEXT_KINDS,
      ...SEI_KINDS,
      'npm run matrix',
      'explore',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Exports

describe('zh export catalog', () => {
  // Commands, signals and option names of mosquitto-clients stay as they are.
  const kept = [
    'MQTT Will Lab',
    'mosquitto_sub',
    'mosquitto_pub',
    'mosquitto-clients',
    'kill',
    'STOP',
    'CONT',
    'SIGINT',
    'SIGTERM',
    'bash repro.sh',
    'sudo systemctl restart mosquitto',
    'sleep',
    'No Local',
    'Retain Handling',
    'dev',
    'dash',
  ];

  function pairs(): [string, string, string][] {
    const out: [string, string, string][] = [];
    const add = (where: string, f: (c: ExportCatalog) => string | string[]) => {
      const [e, z] = [f(exportEn), f(zhExport)];
      out.push([[e].flat().join('\n'), [z].flat().join('\n'), where]);
    };
    add('mermaid.header', (c) => c.mermaid.header('传感器断线', 'NanoMQ 0.23.2'));
    add('mermaid.header untitled', (c) => c.mermaid.header('', 'Mosquitto 2.0'));
    for (const e of entries())
      if (e.kind === 'packet') add(`mermaid.packet ${JSON.stringify(e)}`, (c) => c.mermaid.packet(e));
      else if (e.kind === 'message' && e.op === 'delivered')
        for (const willOf of ['dev#5', null])
          add(`mermaid.delivery ${JSON.stringify(e)} ${willOf}`, (c) => c.mermaid.delivery(e, willOf));
    for (const cause of CAUSES)
      add(`mermaid.closed ${cause}`, (c) => c.mermaid.closed('dev#3', c.mermaid.cause[cause] ?? ''));
    add('repro.header', (c) => c.repro.header('传感器断线', 'NanoMQ 0.23.2'));
    add('repro.header untitled', (c) => c.repro.header('', 'Mosquitto 2.0'));
    add('repro.stepLine', (c) => c.repro.stepLine('12.5', 'dev', c.repro.drop));
    add('repro.disconnectOther', (c) => c.repro.disconnectOther('0x80'));
    add('repro.takeover', (c) => c.repro.takeover('dev'));
    add('repro.cannot', (c) => c.repro.cannot(c.repro.kick));
    add('repro.afterClose', (c) => c.repro.afterClose(7.5));
    add('repro.keepAliveRange', (c) => c.repro.keepAliveRange(2, 5));
    add('repro.mixedQos', (c) => c.repro.mixedQos(1));
    return out;
  }

  it('words every function-valued entry in Chinese, with every value the English shows', () => {
    for (const [enText, zhText, where] of pairs()) {
      if (/^mermaid\.(packet|delivery)/.test(where) && !CJK.test(zhText)) {
        // An arrow with nothing but a packet and flags ("PINGREQ", "DISCONNECT（0x04）") has no words.
        expect(englishWords(zhText, kept), where).toEqual([]);
        expectSameValues(enText, zhText, where);
        continue;
      }
      expectChinese(zhText, where, kept);
      // The quoted default title is words, not user data.
      expectSameValues(enText, zhText, where, ['untitled scenario']);
    }
  });

  it('words every comment of the reproduction script in Chinese', () => {
    const { locale: _locale, mermaid, repro } = zhExport;
    const texts: [string, string][] = [
      ['mermaid.truncated', mermaid.truncated],
      ...Object.entries(mermaid.cause).map(([k, v]): [string, string] => [`mermaid.cause.${k}`, v]),
      ...repro.limits.map((l, i): [string, string] => [`repro.limits ${i}`, l]),
    ];
    for (const [k, v] of Object.entries(repro)) if (typeof v === 'string') texts.push([`repro.${k}`, v]);
    expect(repro.limits).toHaveLength(exportEn.repro.limits.length);
    expect(Object.keys(mermaid.cause).sort()).toEqual(Object.keys(exportEn.mermaid.cause).sort());
    for (const [where, text] of texts) expectChinese(text, where, kept);
    exportEn.repro.limits.forEach((l, i) => {
      expectSameValues(l, repro.limits[i] ?? '', `repro.limits ${i}`);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Command-line tools

describe('zh CLI catalog', () => {
  // Option names, placeholders, paths and commands stay as they are.
  const kept = [
    'npm run',
    'scenario.json',
    'cases.json',
    'out.json',
    'mosquitto',
    'WebSocket',
    'Debian',
    'PASS',
    'FAIL',
    'observed',
    'expect',
    'PORT',
    'URL',
    'ENOENT',
    'EISDIR',
    'sim',
    'conformance',
    'verify',
    'suite',
    'spec',
    'bench',
    'matrix',
    'share',
    'mqtt',
    'ws',
    'http',
    'json',
    'CSV',
    'ID',
    'file.json',
    'bad token',
    'boom',
  ];

  it('words every entry in Chinese, with every value the English shows', () => {
    const out: [string, string, string][] = [];
    const add = (where: string, f: (c: CliCatalog) => string) => out.push([f(cliEn), f(zhCli), where]);
    add('unknownOption', (c) => c.args.unknownOption('--colour', '--color'));
    add('unknownOption none', (c) => c.args.unknownOption('--colour', null));
    add('takesNoValue', (c) => c.args.takesNoValue('--json'));
    add('needsValue', (c) => c.args.needsValue('--profile', 'P'));
    add('unexpected', (c) => c.args.unexpected('boom'));
    add('missing', (c) => c.args.missing('<scenario.json>'));
    add('eitherOr', (c) => c.args.eitherOr('<scenario.json>', '--link'));
    add('tooMany 1', (c) => c.args.tooMany(1).replace('one', '1'));
    add('tooMany 3', (c) => c.args.tooMany(3));
    add('validOptions', (c) => c.args.validOptions('--profile, --json'));
    add('seeHelp', (c) => c.args.seeHelp('sim'));
    add('other', (c) => c.args.other('bad token'));
    add('cannotRead', (c) => c.input.cannotRead('file.json', 'ENOENT'));
    add('tooBig', (c) => c.input.tooBig('file.json', 1234567, 1000000));
    add('tooBig unknown', (c) => c.input.tooBig('file.json', null, 1000000));
    add('notFile', (c) => c.input.notFile('file.json'));
    add('internal', (c) => c.input.internal('boom'));
    add('problems 1', (c) => c.input.problems('file.json', 1));
    add('problems 3', (c) => c.input.problems('file.json', 3));
    add('notCount', (c) => c.input.notCount('--count', 1, 1000000));
    add('fuzz.summary', (c) => c.fuzz.summary(100000, 40000, 35000, 25000, 61234, 87.25));
    add('fuzz.slowest', (c) => c.fuzz.slowest(123.45));
    add('fuzz.findings 1', (c) => c.fuzz.findings(1));
    add('fuzz.findings 3', (c) => c.fuzz.findings(3));
    const { locale: _l, args: _a, input: _i, commands, ...consts } = zhCli;
    for (const [k, v] of Object.entries(consts.help)) out.push(['', v, `help.${k}`]);
    for (const [k, v] of Object.entries(consts.exit)) out.push(['', v, `exit.${k}`]);
    for (const [id, c] of Object.entries(commands)) {
      const e = cliEn.commands[id as keyof typeof cliEn.commands];
      out.push([e.summary, c.summary, `${id}.summary`]);
      expect(Object.keys(c.options).sort(), id).toEqual(Object.keys(e.options).sort());
      expect(c.usage.length, id).toBe(e.usage.length);
      for (const [k, v] of Object.entries(c.options)) out.push([e.options[k] ?? '', v, `${id}.options.${k}`]);
    }
    expect(Object.keys(commands).sort()).toEqual(Object.keys(cliEn.commands).sort());
    for (const [enText, zhText, where] of out) {
      expectChinese(zhText, where, kept);
      expectSameValues(enText, zhText, where);
    }
  });
});
