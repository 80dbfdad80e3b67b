/**
 * The live differential suite for Mosquitto (conformance/mosquitto-suite.json, written by
 * `npm run verify:suite`): a matrix of end modes x Session Expiry x Will Delay x reconnects x
 * takeovers x 3.1.1 and 5.0 x will QoS/retain/expiry x broker restarts with and without
 * persistence, plus keep-alive sweeps and several clients whose wills wait at once. Every case is
 * short (seconds) and uses its own Client Identifiers and topics, so cases can run side by side.
 * Steps sit on whole (or half) seconds; the player starts t = 0 mid-second on the broker's clocks.
 */

import { SEI_NEVER as NEVER } from '../engine/script/names';

type Json = Record<string, unknown>;

interface W {
  qos?: 0 | 1 | 2;
  retain?: boolean;
  delay?: number | null;
  messageExpiry?: number | null;
  payload?: string;
}

interface C {
  name?: string;
  /** Share the Client Identifier of this client (a takeover). */
  idOf?: string;
  cleanStart?: boolean;
  sessionExpiry?: number | null;
  keepAlive?: number;
  protocol?: 4 | 5;
  will?: W | null;
}

const cases: Json[] = [];
/** FORMAT.md asks for the offline subscriber through the outcome; the suite's `expect` is filled in later. */
const OFFLINE: Json = { expect: { wills: [], offlineSubscriber: { messages: [] } } };

function add(
  id: string,
  title: string,
  protocol: 4 | 5,
  clients: C[],
  steps: Json[],
  end: number,
  extra: Json = {},
): void {
  const cid = `m20-${id}`;
  cases.push({
    id: cid,
    title,
    protocol,
    ...extra,
    clients: clients.map((c) => {
      const name = c.name ?? 'dev';
      const out: Json = {
        name,
        clientId: `${cid}.${c.idOf ?? name}`,
        cleanStart: c.cleanStart ?? true,
        keepAlive: c.keepAlive ?? 60,
      };
      if (c.protocol !== undefined) out.protocol = c.protocol;
      if ((c.protocol ?? protocol) === 5 && c.sessionExpiry !== undefined) out.sessionExpiry = c.sessionExpiry;
      if (c.will !== null) out.will = willOf(cid, name, c.will ?? {}, c.protocol ?? protocol);
      return out;
    }),
    steps,
    end,
  });
}

function willOf(cid: string, name: string, w: W, protocol: 4 | 5, conn = 1): Json {
  const out: Json = {
    topic: `mwl/${cid}/${name}`,
    payload: w.payload ?? `${name}#${conn}`,
    qos: w.qos ?? 1,
    retain: w.retain ?? false,
  };
  if (protocol === 5) {
    out.delay = w.delay ?? 0;
    if (w.messageExpiry !== undefined) out.messageExpiry = w.messageExpiry;
  }
  return out;
}

const s = (t: number, action: string, more: Json = {}, client: string | null = 'dev'): Json => ({
  t,
  client,
  action,
  ...more,
});
const seiName = (x: number | null) => (x === null ? 'abs' : x === NEVER ? 'inf' : String(x));

export function mosquittoSuite(): Json[] {
  cases.length = 0;

  // --- A. How the connection ends x Session Expiry x Will Delay (5.0, Clean Start 1) ----------
  for (const sei of [0, 2, NEVER])
    for (const wd of [0, 1, 3]) {
      add(
        `v5-se${seiName(sei)}-wd${wd}-drop`,
        `v5 SE=${seiName(sei)} WD=${wd}: network drop at 1`,
        5,
        [{ sessionExpiry: sei, will: { delay: wd } }],
        [s(0, 'connect'), s(1, 'drop')],
        wd >= 3 ? 7 : 5,
      );
      add(
        `v5-se${seiName(sei)}-wd${wd}-disc4`,
        `v5 SE=${seiName(sei)} WD=${wd}: DISCONNECT 0x04 at 1`,
        5,
        [{ sessionExpiry: sei, will: { delay: wd } }],
        [s(0, 'connect'), s(1, 'disconnect', { reason: 4 })],
        wd >= 3 ? 7 : 5,
      );
    }
  for (const [sei, wd] of [
    [0, 0],
    [NEVER, 2],
  ] as const) {
    const tag = `se${seiName(sei)}-wd${wd}`;
    add(
      `v5-${tag}-reset`,
      `v5 SE=${seiName(sei)} WD=${wd}: TCP reset at 1`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'reset')],
      5,
    );
    add(
      `v5-${tag}-disc0`,
      `v5 SE=${seiName(sei)} WD=${wd}: DISCONNECT 0x00 at 1`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'disconnect', { reason: 0 })],
      5,
    );
    add(
      `v5-${tag}-disc80`,
      `v5 SE=${seiName(sei)} WD=${wd}: DISCONNECT 0x80 (error) at 1`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'disconnect', { reason: 0x80 })],
      5,
    );
    add(
      `v5-${tag}-disc81`,
      `v5 SE=${seiName(sei)} WD=${wd}: DISCONNECT 0x81 (malformed) at 1`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'disconnect', { reason: 0x81 })],
      5,
    );
    add(
      `v5-${tag}-discff`,
      `v5 SE=${seiName(sei)} WD=${wd}: DISCONNECT with reserved code 0xFF at 1`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'disconnect', { reason: 0xff })],
      5,
    );
    add(
      `v5-${tag}-protoerr`,
      `v5 SE=${seiName(sei)} WD=${wd}: second CONNECT at 1, reconnect CS=0 at 3`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'protoerr'), s(3, 'reconnect', { cleanStart: false })],
      5,
    );
    add(
      `v5-${tag}-badpacket`,
      `v5 SE=${seiName(sei)} WD=${wd}: reserved packet type 0 at 1`,
      5,
      [{ sessionExpiry: sei, will: { delay: wd } }],
      [s(0, 'connect'), s(1, 'badpacket')],
      5,
    );
  }

  // --- B. DISCONNECT that changes the Session Expiry ----------------------------------------
  add(
    'v5-se10-wd3-disc4-se0',
    'v5 SE=10 WD=3: DISCONNECT 0x04 with SE=0 at 1 (mosquitto#3505)',
    5,
    [{ sessionExpiry: 10, will: { delay: 3 } }],
    [s(0, 'connect'), s(1, 'disconnect', { reason: 4, sessionExpiry: 0 })],
    7,
  );
  add(
    'v5-se10-wd3-disc4-se1',
    'v5 SE=10 WD=3: DISCONNECT 0x04 with SE=1 at 1: will at session end',
    5,
    [{ sessionExpiry: 10, will: { delay: 3 } }],
    [s(0, 'connect'), s(1, 'disconnect', { reason: 4, sessionExpiry: 1 })],
    6,
  );
  add(
    'v5-se0-disc0-se5',
    'v5 SE=0: DISCONNECT 0x00 raising SE to 5 (protocol error, 0x82)',
    5,
    [{ sessionExpiry: 0 }],
    [s(0, 'connect'), s(1, 'disconnect', { reason: 0, sessionExpiry: 5 }), s(3, 'reconnect', { cleanStart: false })],
    5,
  );
  add(
    'v5-se5-disc0-se0-reconn',
    'v5 SE=5: DISCONNECT 0x00 with SE=0, reconnect CS=0 at 2',
    5,
    [{ sessionExpiry: 5 }],
    [s(0, 'connect'), s(1, 'disconnect', { reason: 0, sessionExpiry: 0 }), s(2, 'reconnect', { cleanStart: false })],
    4,
  );

  // --- C. Reconnects --------------------------------------------------------------------------
  for (const cs of [false, true]) {
    const c = cs ? 'cs1' : 'cs0';
    add(
      `v5-se6-wd3-drop-reconn-${c}-before`,
      `v5 SE=6 WD=3: drop at 1, reconnect ${c.toUpperCase()} at 2`,
      5,
      [{ cleanStart: false, sessionExpiry: 6, will: { delay: 3 } }],
      [s(0, 'connect'), s(1, 'drop'), s(2, 'reconnect', { cleanStart: cs })],
      7,
    );
    add(
      `v5-se0-wd3-drop-reconn-${c}`,
      `v5 SE=0 WD=3: drop at 1, reconnect ${c.toUpperCase()} at 2 (mosquitto#3505)`,
      5,
      [{ cleanStart: false, sessionExpiry: 0, will: { delay: 3 } }],
      [s(0, 'connect'), s(1, 'drop'), s(2, 'reconnect', { cleanStart: cs })],
      7,
    );
  }
  add(
    'v5-se6-wd1-drop-reconn-cs0-after',
    'v5 SE=6 WD=1: drop at 1, will, reconnect CS=0 at 4: SP=1',
    5,
    [{ cleanStart: false, sessionExpiry: 6, will: { delay: 1 } }],
    [s(0, 'connect'), s(1, 'drop'), s(4, 'reconnect', { cleanStart: false })],
    6,
  );
  add(
    'v5-se2-drop-reconn-cs0-expired',
    'v5 SE=2: drop at 1, reconnect CS=0 at 5 after expiry: SP=0',
    5,
    [{ cleanStart: false, sessionExpiry: 2, will: { delay: 0 } }],
    [s(0, 'connect'), s(1, 'drop'), s(5, 'reconnect', { cleanStart: false })],
    6,
  );
  add(
    'v5-se3-drop-reconn-cs0-in-time',
    'v5 SE=3: drop at 1, reconnect CS=0 at 3: SP=1',
    5,
    [{ cleanStart: false, sessionExpiry: 3, will: null }],
    [s(0, 'connect'), s(1, 'drop'), s(3, 'reconnect', { cleanStart: false })],
    4,
  );
  add(
    'v5-abs-cs0-drop-reconn',
    'v5 CS=0, SE absent: drop at 1, reconnect CS=0 at 2: SP=0',
    5,
    [{ cleanStart: false, sessionExpiry: null }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'reconnect', { cleanStart: false })],
    3,
  );
  add(
    'v5-seinf-wd2-drop-reconn-newwill-drop',
    'v5 SE=inf WD=2: drop at 1, reconnect CS=0 at 2 with a new will (WD=0), drop at 4',
    5,
    [{ cleanStart: false, sessionExpiry: NEVER, will: { delay: 2 } }],
    [
      s(0, 'connect'),
      s(1, 'drop'),
      s(2, 'reconnect', {
        cleanStart: false,
        will: willOf('m20-v5-seinf-wd2-drop-reconn-newwill-drop', 'dev', { delay: 0 }, 5, 2),
      }),
      s(4, 'drop'),
    ],
    6,
  );
  add(
    'v5-se6-wd3-silence-afterclose',
    'v5 KA=2 SE=6 WD=3: silent at 1, reconnect CS=0 1 s after the keep-alive close',
    5,
    [{ cleanStart: false, sessionExpiry: 6, keepAlive: 2, will: { delay: 3 } }],
    [s(0, 'connect'), s(1, 'silence'), s(14, 'reconnect', { cleanStart: false, afterClose: 1 })],
    16,
  );

  // --- D. Takeovers (5.0 and 3.1.1) --------------------------------------------------------------
  for (const sei of [0, 5])
    for (const wd of [0, 2])
      for (const cs of [false, true]) {
        const c = cs ? 'cs1' : 'cs0';
        add(
          `v5-se${sei}-wd${wd}-takeover-${c}`,
          `v5 SE=${sei} WD=${wd}: taken over at 1 by ${c.toUpperCase()}`,
          5,
          [
            { name: 'dev', cleanStart: false, sessionExpiry: sei, will: { delay: wd } },
            { name: 'dev2', idOf: 'dev', cleanStart: cs, sessionExpiry: 5, will: null },
          ],
          [s(0, 'connect'), s(1, 'takeover', { of: 'dev' }, 'dev2')],
          wd > 0 ? 5 : 3,
        );
      }
  for (const cs1 of [false, true])
    for (const cs2 of [false, true]) {
      const a = cs1 ? 'cs1' : 'cs0';
      const b = cs2 ? 'cs1' : 'cs0';
      add(
        `v4-${a}-takeover-${b}`,
        `v3.1.1 ${a.toUpperCase()} taken over at 1 by ${b.toUpperCase()}`,
        4,
        [
          { name: 'dev', cleanStart: cs1 },
          { name: 'dev2', idOf: 'dev', cleanStart: cs2, will: null },
        ],
        [s(0, 'connect'), s(1, 'takeover', { of: 'dev' }, 'dev2')],
        3,
      );
    }
  add(
    'v4-cs0-takeover-by-v5-cs0',
    'v3.1.1 CS=0 taken over at 1 by a 5.0 CS=0 client (SE=5)',
    4,
    [
      { name: 'dev', cleanStart: false },
      { name: 'dev2', idOf: 'dev', protocol: 5, cleanStart: false, sessionExpiry: 5, will: null },
    ],
    [s(0, 'connect'), s(1, 'takeover', { of: 'dev' }, 'dev2')],
    3,
  );
  add(
    'v5-seinf-wd0-takeover-cs0-newwill-drop',
    'v5 SE=inf: taken over at 1 by CS=0 with its own will, which drops at 3',
    5,
    [
      { name: 'dev', cleanStart: false, sessionExpiry: NEVER },
      { name: 'dev2', idOf: 'dev', cleanStart: false, sessionExpiry: NEVER },
    ],
    [s(0, 'connect'), s(1, 'takeover', { of: 'dev' }, 'dev2'), s(3, 'drop', {}, 'dev2')],
    5,
  );

  // --- E. MQTT 3.1.1 ------------------------------------------------------------------------------
  for (const cs of [false, true]) {
    const c = cs ? 'cs1' : 'cs0';
    add(
      `v4-${c}-drop`,
      `v3.1.1 ${c.toUpperCase()}: drop at 1`,
      4,
      [{ cleanStart: cs }],
      [s(0, 'connect'), s(1, 'drop')],
      3,
    );
    add(
      `v4-${c}-disc`,
      `v3.1.1 ${c.toUpperCase()}: DISCONNECT at 1, reconnect CS=0 at 2`,
      4,
      [{ cleanStart: cs }],
      [s(0, 'connect'), s(1, 'disconnect'), s(2, 'reconnect', { cleanStart: false })],
      3,
    );
    add(
      `v4-${c}-protoerr`,
      `v3.1.1 ${c.toUpperCase()}: second CONNECT at 1, reconnect CS=0 at 2`,
      4,
      [{ cleanStart: cs }],
      [s(0, 'connect'), s(1, 'protoerr'), s(2, 'reconnect', { cleanStart: false })],
      3,
    );
    add(
      `v4-${c}-badpacket`,
      `v3.1.1 ${c.toUpperCase()}: reserved packet type 0 at 1`,
      4,
      [{ cleanStart: cs }],
      [s(0, 'connect'), s(1, 'badpacket')],
      3,
    );
  }
  add(
    'v4-cs0-drop-reconn-cs0',
    'v3.1.1 CS=0: drop at 1, reconnect CS=0 at 2: will at 1, SP=1',
    4,
    [{ cleanStart: false }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'reconnect', { cleanStart: false })],
    3,
  );
  add('v4-cs1-reset', 'v3.1.1 CS=1: TCP reset at 1', 4, [{ cleanStart: true }], [s(0, 'connect'), s(1, 'reset')], 3);

  // --- F. Keep-alive (the broker's sweep) ------------------------------------------------------
  for (const ka of [1, 2, 3, 5])
    add(
      `v5-ka${ka}-silence`,
      `v5 KA=${ka}: silent from 0.5 (last packet: CONNECT at 0)`,
      5,
      [{ keepAlive: ka, sessionExpiry: 0 }],
      [s(0, 'connect'), s(0.5, 'silence')],
      Math.ceil(ka * 1.5) + 9,
    );
  add(
    'v4-ka2-silence',
    'v3.1.1 KA=2: silent from 0.5',
    4,
    [{ keepAlive: 2 }],
    [s(0, 'connect'), s(0.5, 'silence')],
    12,
  );
  add(
    'v5-ka2-ping-then-silence',
    'v5 KA=2: pings until silent at 5',
    5,
    [{ keepAlive: 2, sessionExpiry: 0 }],
    [s(0, 'connect'), s(5, 'silence')],
    17,
  );
  add(
    'v5-ka2-seinf-wd1-silence',
    'v5 KA=2 SE=inf WD=1: silent from 0.5',
    5,
    [{ keepAlive: 2, sessionExpiry: NEVER, will: { delay: 1 } }],
    [s(0, 'connect'), s(0.5, 'silence')],
    13,
  );
  add(
    'v5-ka10-silence',
    'v5 KA=10: silent from 1 (spec: closed at 15)',
    5,
    [{ keepAlive: 10, sessionExpiry: 0 }],
    [s(0, 'connect'), s(1, 'silence')],
    25,
  );

  // --- G. Will QoS, retain and Message Expiry -------------------------------------------------------
  add('v5-will-qos0-drop', 'v5 will QoS 0, drop at 1', 5, [{ will: { qos: 0 } }], [s(0, 'connect'), s(1, 'drop')], 3);
  add('v5-will-qos2-drop', 'v5 will QoS 2, drop at 1', 5, [{ will: { qos: 2 } }], [s(0, 'connect'), s(1, 'drop')], 3);
  add(
    'v5-will-qos2-obsqos1',
    'v5 will QoS 2, observer subscribed at QoS 1',
    5,
    [{ will: { qos: 2 } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
    { observer: { subscriptionQos: 1 } },
  );
  add(
    'v5-will-retain-drop',
    'v5 retained will, drop at 1: retained at the end',
    5,
    [{ will: { retain: true } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
  );
  add(
    'v5-will-retain-obs-norap',
    'v5 retained will, observer without Retain As Published',
    5,
    [{ will: { retain: true } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
    { observer: { retainAsPublished: false } },
  );
  add(
    'v5-will-retain-obsv4',
    'v5 retained will, 3.1.1 observer',
    5,
    [{ will: { retain: true } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
    { observer: { protocol: 4 } },
  );
  add(
    'v5-will-retain-msgexp2',
    'v5 retained will with Message Expiry 2: gone at the end (6)',
    5,
    [{ will: { retain: true, messageExpiry: 2 } }],
    [s(0, 'connect'), s(1, 'drop')],
    6,
  );
  add(
    'v5-will-retain-empty-clears',
    'v5 birth message retained, then a retained will with an empty payload clears it',
    5,
    [{ will: { retain: true, payload: '' } }],
    [s(0, 'connect'), s(0.5, 'publish', { topicOf: 'dev', payload: 'online', qos: 1, retain: true }), s(1, 'drop')],
    3,
  );
  add(
    'v5-will-retain-seinf-wd2',
    'v5 retained will, SE=inf WD=2, drop at 1',
    5,
    [{ sessionExpiry: NEVER, will: { retain: true, delay: 2 } }],
    [s(0, 'connect'), s(1, 'drop')],
    5,
  );
  add(
    'v4-will-retain-qos2',
    'v3.1.1 retained will QoS 2, drop at 1',
    4,
    [{ will: { retain: true, qos: 2 } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
  );
  add(
    'v5-will-msgexp60-offline',
    'v5 will with Message Expiry 60 queued for an offline subscriber',
    5,
    [{ will: { messageExpiry: 60 } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
    OFFLINE,
  );
  add(
    'v5-will-qos0-offline',
    'v5 will QoS 0 is not queued for an offline subscriber',
    5,
    [{ will: { qos: 0 } }],
    [s(0, 'connect'), s(1, 'drop')],
    3,
    OFFLINE,
  );

  // --- H. Several wills waiting at once (the broker's will-delay list) -------------------------------
  const two = (a: C, b: C): C[] => [
    { name: 'a', sessionExpiry: NEVER, ...a },
    { name: 'b', sessionExpiry: NEVER, ...b },
  ];
  add(
    'multi-shorter-later-holds',
    'a WD=3 drops at 1, b WD=2 drops at 3: b is ahead of a in the list',
    5,
    two({ will: { delay: 3 } }, { will: { delay: 2 } }),
    [s(0, 'connect', {}, 'a'), s(0, 'connect', {}, 'b'), s(1, 'drop', {}, 'a'), s(3, 'drop', {}, 'b')],
    8,
  );
  add(
    'multi-equal-newer-first',
    'a and b WD=2, a drops at 1, b at 2: the newer one is ahead',
    5,
    two({ will: { delay: 2 } }, { will: { delay: 2 } }),
    [s(0, 'connect', {}, 'a'), s(0, 'connect', {}, 'b'), s(1, 'drop', {}, 'a'), s(2, 'drop', {}, 'b')],
    6,
  );
  add(
    'multi-shorter-first-free',
    'a WD=1 drops at 1, b WD=3 drops at 2: no hold',
    5,
    two({ will: { delay: 1 } }, { will: { delay: 3 } }),
    [s(0, 'connect', {}, 'a'), s(0, 'connect', {}, 'b'), s(1, 'drop', {}, 'a'), s(2, 'drop', {}, 'b')],
    7,
  );
  add(
    'multi-blocker-cancelled',
    'a and b WD=4: a drops at 1, b at 3 (ahead of a) and reconnects at 6, which frees a',
    5,
    two({ will: { delay: 4 } }, { cleanStart: false, will: { delay: 4 } }),
    [
      s(0, 'connect', {}, 'a'),
      s(0, 'connect', {}, 'b'),
      s(1, 'drop', {}, 'a'),
      s(3, 'drop', {}, 'b'),
      s(6, 'reconnect', { cleanStart: false }, 'b'),
    ],
    10,
  );
  add(
    'multi-blocker-expires',
    'a WD=3 drops at 1, b SE=1 WD=2 drops at 3: b goes at its session end, a with it',
    5,
    two({ will: { delay: 3 } }, { sessionExpiry: 1, will: { delay: 2 } }),
    [s(0, 'connect', {}, 'a'), s(0, 'connect', {}, 'b'), s(1, 'drop', {}, 'a'), s(3, 'drop', {}, 'b')],
    7,
  );
  add(
    'multi-three-chain',
    'a WD=4 drops at 1, b WD=3 at 2, c WD=1 at 5',
    5,
    [...two({ will: { delay: 4 } }, { will: { delay: 3 } }), { name: 'c', sessionExpiry: NEVER, will: { delay: 1 } }],
    [
      s(0, 'connect', {}, 'a'),
      s(0, 'connect', {}, 'b'),
      s(0, 'connect', {}, 'c'),
      s(1, 'drop', {}, 'a'),
      s(2, 'drop', {}, 'b'),
      s(5, 'drop', {}, 'c'),
    ],
    9,
  );
  add(
    'multi-same-topic-retained',
    'a and b share a retained will topic; b replaces a',
    5,
    [
      { name: 'a', sessionExpiry: 0, will: { retain: true, payload: 'a-off' } },
      { name: 'b', sessionExpiry: 0, will: { retain: true, payload: 'b-off', qos: 2 } },
    ],
    [s(0, 'connect', {}, 'a'), s(0, 'connect', {}, 'b'), s(1, 'drop', {}, 'a'), s(2, 'drop', {}, 'b')],
    4,
  );

  // --- I. Broker restarts, with and without persistence ---------------------------------------------
  add(
    'restart-persist-connected-wd3',
    'persist: v5 CS=0 SE=60 WD=3 connected at the restart at 1; reconnect CS=0 at 2',
    5,
    [{ cleanStart: false, sessionExpiry: 60, will: { delay: 3 } }],
    [s(0, 'connect'), s(1, 'brokerRestart', {}, null), s(2, 'reconnect', { cleanStart: false })],
    6,
    { broker: 'persist' },
  );
  add(
    'restart-persist-waiting-wd5',
    'persist: v5 CS=0 SE=60 WD=5 drops at 1, restart at 2',
    5,
    [{ cleanStart: false, sessionExpiry: 60, will: { delay: 5 } }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'brokerRestart', {}, null), s(3, 'reconnect', { cleanStart: false })],
    8,
    { broker: 'persist' },
  );
  add(
    'restart-persist-cs1-se60',
    'persist: v5 CS=1 SE=60 drops at 1, restart at 2, reconnect CS=0 at 3',
    5,
    [{ cleanStart: true, sessionExpiry: 60, will: { delay: 0 } }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'brokerRestart', {}, null), s(3, 'reconnect', { cleanStart: false })],
    4,
    { broker: 'persist' },
  );
  add(
    'restart-persist-se3-no-expiry',
    'persist: v5 CS=0 SE=3 drops at 1, restart at 2, reconnect CS=0 at 6',
    5,
    [{ cleanStart: false, sessionExpiry: 3, will: null }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'brokerRestart', {}, null), s(6, 'reconnect', { cleanStart: false })],
    7,
    { broker: 'persist' },
  );
  add(
    'restart-persist-retained-will',
    'persist: retained will at 1 survives a restart at 2',
    5,
    [{ will: { retain: true } }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'brokerRestart', {}, null)],
    4,
    { broker: 'persist' },
  );
  add(
    'restart-persist-v4-cs0-connected',
    'persist: v3.1.1 CS=0 connected at the restart at 1; reconnect CS=0 at 2',
    4,
    [{ cleanStart: false }],
    [s(0, 'connect'), s(1, 'brokerRestart', {}, null), s(2, 'reconnect', { cleanStart: false })],
    3,
    { broker: 'persist' },
  );
  // Connected at a persistent restart: Mosquitto 2.0.11 publishes every will at shutdown (issue 9,
  // item 10), for 3.1.1 and 5.0, Clean Start 0 and 1, Will Delay 0 and 3.
  for (const cs of [false, true])
    for (const wd of [0, 3]) {
      if (!cs && wd === 3) continue; // restart-persist-connected-wd3 above
      add(
        `restart-persist-connected-v5-cs${cs ? 1 : 0}-wd${wd}`,
        `persist: v5 CS=${cs ? 1 : 0} SE=60 WD=${wd} connected at the restart at 1; reconnect CS=0 at 2`,
        5,
        [{ cleanStart: cs, sessionExpiry: 60, will: { delay: wd } }],
        [s(0, 'connect'), s(1, 'brokerRestart', {}, null), s(2, 'reconnect', { cleanStart: false })],
        6,
        { broker: 'persist' },
      );
    }
  add(
    'restart-persist-v4-cs1-connected',
    'persist: v3.1.1 CS=1 connected at the restart at 1; reconnect CS=0 at 2',
    4,
    [{ cleanStart: true }],
    [s(0, 'connect'), s(1, 'brokerRestart', {}, null), s(2, 'reconnect', { cleanStart: false })],
    3,
    { broker: 'persist' },
  );
  add(
    'restart-persist-connected-v5-wd3-late',
    'persist: v5 CS=0 SE=60 WD=3 connected at the restart at 1; reconnect CS=0 at 5, after the Will Delay',
    5,
    [{ cleanStart: false, sessionExpiry: 60, will: { delay: 3 } }],
    [s(0, 'connect'), s(1, 'brokerRestart', {}, null), s(5, 'reconnect', { cleanStart: false })],
    7,
    { broker: 'persist' },
  );
  add(
    'restart-volatile-waiting-wd5',
    'volatile: v5 CS=0 SE=60 WD=5 drops at 1, restart at 2, reconnect CS=0 at 3',
    5,
    [{ cleanStart: false, sessionExpiry: 60, will: { delay: 5 } }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'brokerRestart', {}, null), s(3, 'reconnect', { cleanStart: false })],
    5,
  );
  add(
    'restart-volatile-connected-wd0',
    'volatile: v5 SE=0 WD=0 connected at the restart at 1',
    5,
    [{ sessionExpiry: 0, will: { delay: 0 } }],
    [s(0, 'connect'), s(1, 'brokerRestart', {}, null)],
    3,
  );
  add(
    'restart-volatile-retained-lost',
    'volatile: a retained will at 1 is lost at the restart at 2',
    5,
    [{ will: { retain: true } }],
    [s(0, 'connect'), s(1, 'drop'), s(2, 'brokerRestart', {}, null)],
    4,
  );

  return cases.map((c) => ({ ...c }));
}
