import { buildClient, buildScenario, buildWill, type ScenarioParts } from '../engine/script';
import type { ClientDef, Step, WillDef } from '../engine/types';
import type { Lesson } from './types';

/**
 * The guided lessons (issue #4), in teaching order. Each claim is checked against the engine's runs
 * by src/lessons/lessons.test.ts; the right answer to each question is whichever option's claims
 * hold, never a stored letter. References: docs/mqtt-will-rules.md.
 */

// The typed scenario builder (src/engine/script): each lesson names only what it teaches.
type ClientParts = Partial<ClientDef> & { name: string };
const file = (clients: ClientParts[], steps: Step[], end: number, extra: Omit<ScenarioParts, 'end'> = {}) =>
  buildScenario({ ...extra, clients: clients.map((c) => buildClient(c.name, c)), steps, end });
const will = (topic: string, more: Partial<Omit<WillDef, 'topic'>> = {}): WillDef => buildWill(topic, more);
type StepOf<A extends Step['action']> = Omit<Extract<Step, { action: A }>, 't' | 'action' | 'client'>;
const at = <A extends Step['action']>(t: number, action: A, client: string, ...more: Partial<StepOf<A>>[]): Step =>
  // Safe: `action` narrows the union and `more` holds that action's own fields.
  ({ t, action, client, ...more[0] }) as Step;

// 1 -----------------------------------------------------------------------------------------------
const nanomq = file(
  [
    {
      name: 'sensor',
      clientId: 'sensor-7',
      cleanStart: false,
      keepAlive: 30,
      will: will('plant/sensor-7/status'),
    },
  ],
  [at(0, 'connect', 'sensor'), at(20, 'drop', 'sensor')],
  120,
);

// 2 -----------------------------------------------------------------------------------------------
const meter = (name: string, delay: number): ClientParts => ({
  name,
  clientId: name,
  cleanStart: true,
  keepAlive: 60,
  will: will(`lab/${name}/status`, { delay }),
});
const seiZero = file(
  [meter('meter-0s', 0), meter('meter-30s', 30), meter('meter-1h', 3600)],
  [
    at(0, 'connect', 'meter-0s'),
    at(0, 'connect', 'meter-30s'),
    at(0, 'connect', 'meter-1h'),
    at(10, 'drop', 'meter-0s'),
    at(10, 'drop', 'meter-30s'),
    at(10, 'drop', 'meter-1h'),
  ],
  60,
);

// 3 -----------------------------------------------------------------------------------------------
const codes = file(
  [
    { name: 'tidy', clientId: 'tidy', cleanStart: true, keepAlive: 60, will: will('lab/tidy/status') },
    { name: 'leaving', clientId: 'leaving', cleanStart: true, keepAlive: 60, will: will('lab/leaving/status') },
  ],
  [
    at(0, 'connect', 'tidy'),
    at(0, 'connect', 'leaving'),
    at(10, 'disconnect', 'tidy', { reason: 0 }),
    at(10, 'disconnect', 'leaving', { reason: 4 }),
  ],
  30,
);

// 4 -----------------------------------------------------------------------------------------------
const silence = file(
  [{ name: 'tracker', clientId: 'tracker', cleanStart: true, keepAlive: 10, will: will('fleet/tracker/status') }],
  [at(0, 'connect', 'tracker'), at(23, 'silence', 'tracker')],
  60,
);

// 5 -----------------------------------------------------------------------------------------------
const shorter = file(
  [
    {
      name: 'gateway',
      clientId: 'gateway',
      cleanStart: false,
      sessionExpiry: 60,
      keepAlive: 30,
      will: will('site/gateway/status', { delay: 10 }),
    },
  ],
  [at(0, 'connect', 'gateway'), at(5, 'drop', 'gateway')],
  90,
);

// 6 -----------------------------------------------------------------------------------------------
const worker = {
  name: 'worker',
  clientId: 'worker-1',
  cleanStart: false,
  sessionExpiry: 10,
  keepAlive: 30,
  will: will('jobs/worker-1/session', { payload: 'session expired', delay: 60 }),
};
const longerA = file([worker], [at(0, 'connect', 'worker'), at(5, 'disconnect', 'worker', { reason: 4 })], 90);
const longerB = file(
  [worker],
  [
    at(0, 'connect', 'worker'),
    at(5, 'disconnect', 'worker', { reason: 4 }),
    at(12, 'reconnect', 'worker', { cleanStart: false }),
  ],
  90,
);

// 7 -----------------------------------------------------------------------------------------------
const phone = {
  name: 'phone',
  clientId: 'phone-42',
  cleanStart: false,
  sessionExpiry: 300,
  keepAlive: 60,
  will: will('chat/phone-42/presence', { delay: 30 }),
};
const reconnect = (cleanStart: boolean) =>
  file([phone], [at(0, 'connect', 'phone'), at(10, 'drop', 'phone'), at(20, 'reconnect', 'phone', { cleanStart })], 60);

// 8 -----------------------------------------------------------------------------------------------
const takeover = (delay: number) =>
  file(
    [
      {
        name: 'tablet',
        clientId: 'tablet-1',
        cleanStart: false,
        sessionExpiry: 300,
        keepAlive: 60,
        will: will('ward/tablet-1/status', { delay }),
      },
      { name: 'tablet-again', clientId: 'tablet-1', cleanStart: false, sessionExpiry: 300, keepAlive: 60 },
    ],
    [at(0, 'connect', 'tablet'), at(10, 'takeover', 'tablet-again', { of: 'tablet' })],
    60,
  );

// 9 -----------------------------------------------------------------------------------------------
const raised = (sessionExpiry: number | null) =>
  file(
    [
      {
        name: 'probe',
        clientId: 'probe-5',
        cleanStart: true,
        ...(sessionExpiry === null ? {} : { sessionExpiry }),
        keepAlive: 60,
        will: will('lab/probe-5/status'),
      },
    ],
    [at(0, 'connect', 'probe'), at(10, 'disconnect', 'probe', { reason: 0, sessionExpiry: 600 })],
    30,
  );

// 10 ----------------------------------------------------------------------------------------------
const lampWill = will('home/lamp/status', { retain: true });
const lamp = (birthAgain: boolean) =>
  file(
    [{ name: 'lamp', clientId: 'lamp', cleanStart: true, keepAlive: 30, will: lampWill }],
    [
      at(0, 'connect', 'lamp'),
      at(1, 'publish', 'lamp', { topicOf: 'lamp', payload: 'online', qos: 1, retain: true }),
      at(10, 'drop', 'lamp'),
      at(20, 'reconnect', 'lamp', { will: lampWill }),
      ...(birthAgain ? [at(21, 'publish', 'lamp', { topicOf: 'lamp', payload: 'online', qos: 1, retain: true })] : []),
    ],
    120,
  );

// 11 ----------------------------------------------------------------------------------------------
const valve = (end: number) =>
  file(
    [
      {
        name: 'valve',
        clientId: 'valve-3',
        cleanStart: false,
        sessionExpiry: 300,
        keepAlive: 60,
        will: will('plant/valve-3/status', { delay: 30, messageExpiry: 60 }),
      },
    ],
    [at(0, 'connect', 'valve'), at(10, 'drop', 'valve')],
    end,
    { offlineSubscriber: true },
  );

// 12 ----------------------------------------------------------------------------------------------
const versions = (protocol: 4 | 5) =>
  file(
    [
      {
        name: 'meter',
        clientId: 'meter-9',
        protocol,
        cleanStart: false,
        ...(protocol === 5 ? { sessionExpiry: 300 } : {}),
        keepAlive: 60,
        will: will('grid/meter-9/status', protocol === 5 ? { delay: 60 } : {}),
      },
    ],
    [at(0, 'connect', 'meter'), at(10, 'drop', 'meter'), at(30, 'reconnect', 'meter', { cleanStart: false })],
    90,
  );

const OBS = '$observer';
const OFF = '$offline';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'nanomq-1989',
    runs: [
      { id: 'a', scenario: nanomq },
      { id: 'b', scenario: { ...nanomq, profile: 'nanomq-0.23.2' } },
      // Both NanoMQ profiles are measured; this very scenario is recorded as
      // nmq-lesson1-cs0-se0-drop20 in golden/nanomq-0.23.2 and golden/nanomq-0.23.3.
      { id: 'c', scenario: { ...nanomq, profile: 'nanomq-0.23.3' } },
    ],
    beats: [
      { atS: 0, claims: [{ kind: 'sessionPresent', client: 'sensor', value: false }] },
      {
        atS: 20,
        claims: [
          { kind: 'closed', client: 'sensor', atS: 20, cause: 'network' },
          { kind: 'closed', run: 'b', client: 'sensor', atS: 20, cause: 'network' },
        ],
      },
      {
        atS: 20,
        claims: [
          { kind: 'will', from: 'sensor', fate: 'published', atS: 20 },
          { kind: 'delivered', to: OBS, topic: 'plant/sensor-7/status', payload: 'offline', atS: 20 },
          { kind: 'sessionEnded', client: 'sensor', atS: 20 },
        ],
      },
      { atS: 20, run: 'b', claims: [{ kind: 'will', run: 'b', from: 'sensor', fate: 'withheld', atS: 20 }] },
      {
        atS: 25,
        run: 'c',
        claims: [
          { kind: 'will', run: 'c', from: 'sensor', fate: 'published', atS: 25 },
          { kind: 'delivered', run: 'c', to: OBS, topic: 'plant/sensor-7/status', payload: 'offline', atS: 25 },
          { kind: 'sessionEnded', run: 'c', client: 'sensor', atS: 25 },
        ],
      },
      {
        atS: 120,
        run: 'b',
        claims: [{ kind: 'delivered', run: 'b', to: OBS, topic: 'plant/sensor-7/status', happens: false }],
      },
    ],
    question: {
      revealAt: 2,
      options: [
        {
          id: 'both-at-drop',
          claims: [
            { kind: 'will', from: 'sensor', fate: 'published', atS: 20 },
            { kind: 'will', run: 'b', from: 'sensor', fate: 'published', atS: 20 },
          ],
        },
        {
          id: 'spec-only',
          claims: [
            { kind: 'will', from: 'sensor', fate: 'published', atS: 20 },
            { kind: 'delivered', run: 'b', to: OBS, happens: false },
          ],
        },
        {
          id: 'after-keepalive',
          claims: [
            { kind: 'will', from: 'sensor', fate: 'published', atS: 65 },
            { kind: 'will', run: 'b', from: 'sensor', fate: 'published', atS: 65 },
          ],
        },
        {
          id: 'neither',
          claims: [
            { kind: 'delivered', to: OBS, happens: false },
            { kind: 'delivered', run: 'b', to: OBS, happens: false },
          ],
        },
      ],
    },
  },
  {
    id: 'sei0-any-delay',
    runs: [{ id: 'a', scenario: seiZero }],
    beats: [
      { atS: 0, claims: [{ kind: 'sessionPresent', client: 'meter-1h', value: false }] },
      {
        atS: 10,
        claims: ['meter-0s', 'meter-30s', 'meter-1h'].map((c) => ({
          kind: 'closed' as const,
          client: c,
          atS: 10,
          cause: 'network' as const,
        })),
      },
      {
        atS: 10,
        claims: ['meter-0s', 'meter-30s', 'meter-1h'].map((c) => ({
          kind: 'delivered' as const,
          to: OBS,
          topic: `lab/${c}/status`,
          atS: 10,
        })),
      },
      {
        atS: 60,
        claims: ['meter-0s', 'meter-30s', 'meter-1h'].map((c) => ({
          kind: 'sessionEnded' as const,
          client: c,
          atS: 10,
        })),
      },
    ],
    question: {
      revealAt: 2,
      options: [
        {
          id: 'all-at-drop',
          claims: ['meter-0s', 'meter-30s', 'meter-1h'].map((c) => ({
            kind: 'will' as const,
            from: c,
            fate: 'published' as const,
            atS: 10,
          })),
        },
        {
          id: 'after-each-delay',
          claims: [
            { kind: 'will', from: 'meter-0s', fate: 'published', atS: 10 },
            { kind: 'will', from: 'meter-30s', fate: 'published', atS: 40 },
          ],
        },
        {
          id: 'only-no-delay',
          claims: [
            { kind: 'will', from: 'meter-0s', fate: 'published', atS: 10 },
            { kind: 'will', from: 'meter-30s', fate: 'notPublished' },
            { kind: 'will', from: 'meter-1h', fate: 'notPublished' },
          ],
        },
      ],
    },
  },
  {
    id: 'disconnect-00-vs-04',
    runs: [{ id: 'a', scenario: codes }],
    beats: [
      { atS: 0, claims: [{ kind: 'sessionPresent', client: 'tidy', value: false }] },
      {
        atS: 10,
        claims: [
          { kind: 'packet', client: 'tidy', dir: 'in', type: 'DISCONNECT', atS: 10, reason: 0 },
          { kind: 'packet', client: 'leaving', dir: 'in', type: 'DISCONNECT', atS: 10, reason: 4 },
          { kind: 'closed', client: 'tidy', atS: 10, cause: 'clientDisconnect' },
          { kind: 'closed', client: 'leaving', atS: 10, cause: 'clientDisconnect' },
        ],
      },
      {
        atS: 10,
        claims: [
          { kind: 'will', from: 'tidy', fate: 'deleted', atS: 10 },
          { kind: 'will', from: 'leaving', fate: 'published', atS: 10 },
        ],
      },
      {
        atS: 30,
        claims: [
          { kind: 'delivered', to: OBS, topic: 'lab/leaving/status', atS: 10 },
          { kind: 'delivered', to: OBS, topic: 'lab/tidy/status', happens: false },
        ],
      },
    ],
    question: {
      revealAt: 2,
      options: [
        {
          id: 'both',
          claims: [
            { kind: 'delivered', to: OBS, topic: 'lab/tidy/status' },
            { kind: 'delivered', to: OBS, topic: 'lab/leaving/status' },
          ],
        },
        {
          id: 'only-04',
          claims: [
            { kind: 'delivered', to: OBS, topic: 'lab/tidy/status', happens: false },
            { kind: 'delivered', to: OBS, topic: 'lab/leaving/status' },
          ],
        },
        {
          id: 'only-00',
          claims: [
            { kind: 'delivered', to: OBS, topic: 'lab/tidy/status' },
            { kind: 'delivered', to: OBS, topic: 'lab/leaving/status', happens: false },
          ],
        },
        {
          id: 'neither',
          claims: [
            { kind: 'delivered', to: OBS, topic: 'lab/tidy/status', happens: false },
            { kind: 'delivered', to: OBS, topic: 'lab/leaving/status', happens: false },
          ],
        },
      ],
    },
  },
  {
    id: 'keepalive-silence',
    runs: [{ id: 'a', scenario: silence }],
    beats: [
      { atS: 0, claims: [{ kind: 'packet', client: 'tracker', dir: 'in', type: 'CONNECT', atS: 0 }] },
      {
        atS: 20,
        claims: [
          { kind: 'packet', client: 'tracker', dir: 'in', type: 'PINGREQ', atS: 10 },
          { kind: 'packet', client: 'tracker', dir: 'in', type: 'PINGREQ', atS: 20 },
        ],
      },
      { atS: 23, claims: [{ kind: 'delivered', to: OBS, topic: 'fleet/tracker/status', atS: 23, happens: false }] },
      {
        atS: 35,
        claims: [
          { kind: 'closed', client: 'tracker', atS: 35, cause: 'keepAlive' },
          { kind: 'will', from: 'tracker', fate: 'published', atS: 35 },
          { kind: 'delivered', to: OBS, topic: 'fleet/tracker/status', atS: 35 },
        ],
      },
      { atS: 35, claims: [{ kind: 'delivered', to: OBS, topic: 'fleet/tracker/status', atS: 38, happens: false }] },
    ],
    question: {
      revealAt: 3,
      options: [23, 30, 35, 38].map((t) => ({
        id: `at-${t}`,
        claims: [{ kind: 'will' as const, from: 'tracker', fate: 'published' as const, atS: t }],
      })),
    },
  },
  {
    id: 'delay-shorter-than-expiry',
    runs: [{ id: 'a', scenario: shorter }],
    beats: [
      { atS: 0, claims: [{ kind: 'packet', client: 'gateway', dir: 'in', type: 'CONNECT', atS: 0 }] },
      { atS: 5, claims: [{ kind: 'willScheduled', from: 'gateway', atS: 5, dueS: 15 }] },
      {
        atS: 15,
        claims: [
          { kind: 'will', from: 'gateway', fate: 'published', atS: 15 },
          { kind: 'delivered', to: OBS, topic: 'site/gateway/status', atS: 15 },
        ],
      },
      { atS: 65, claims: [{ kind: 'sessionEnded', client: 'gateway', atS: 65 }] },
    ],
    question: {
      revealAt: 2,
      options: [
        { id: 'at-drop', claims: [{ kind: 'will', from: 'gateway', fate: 'published', atS: 5 }] },
        { id: 'after-delay', claims: [{ kind: 'will', from: 'gateway', fate: 'published', atS: 15 }] },
        { id: 'at-session-end', claims: [{ kind: 'will', from: 'gateway', fate: 'published', atS: 65 }] },
        { id: 'never', claims: [{ kind: 'will', from: 'gateway', fate: 'notPublished' }] },
      ],
    },
  },
  {
    id: 'delay-longer-than-expiry',
    runs: [
      { id: 'a', scenario: longerA },
      { id: 'b', scenario: longerB },
    ],
    beats: [
      { atS: 0, claims: [{ kind: 'packet', client: 'worker', dir: 'in', type: 'CONNECT', atS: 0 }] },
      {
        atS: 5,
        claims: [
          { kind: 'packet', client: 'worker', dir: 'in', type: 'DISCONNECT', atS: 5, reason: 4 },
          { kind: 'willScheduled', from: 'worker', atS: 5, dueS: 15 },
        ],
      },
      {
        atS: 15,
        claims: [
          { kind: 'sessionEnded', client: 'worker', atS: 15 },
          { kind: 'will', from: 'worker', fate: 'published', atS: 15 },
          { kind: 'delivered', to: OBS, topic: 'jobs/worker-1/session', payload: 'session expired', atS: 15 },
        ],
      },
      {
        atS: 12,
        run: 'b',
        claims: [
          { kind: 'sessionPresent', run: 'b', client: 'worker', value: true },
          { kind: 'will', run: 'b', from: 'worker', fate: 'cancelled', atS: 12 },
          { kind: 'delivered', run: 'b', to: OBS, happens: false },
        ],
      },
    ],
    question: {
      revealAt: 2,
      options: [
        { id: 'at-disconnect', claims: [{ kind: 'will', from: 'worker', fate: 'published', atS: 5 }] },
        { id: 'at-session-end', claims: [{ kind: 'will', from: 'worker', fate: 'published', atS: 15 }] },
        { id: 'after-delay', claims: [{ kind: 'will', from: 'worker', fate: 'published', atS: 65 }] },
        { id: 'never', claims: [{ kind: 'will', from: 'worker', fate: 'notPublished' }] },
      ],
    },
  },
  {
    id: 'reconnect-within-delay',
    runs: [
      { id: 'a', scenario: reconnect(false) },
      { id: 'b', scenario: reconnect(true) },
    ],
    beats: [
      { atS: 0, claims: [{ kind: 'sessionPresent', client: 'phone', value: false, step: 0 }] },
      {
        atS: 10,
        claims: [
          { kind: 'willScheduled', from: 'phone', atS: 10, dueS: 40 },
          { kind: 'willScheduled', run: 'b', from: 'phone', atS: 10, dueS: 40 },
        ],
      },
      {
        atS: 20,
        claims: [
          { kind: 'packet', client: 'phone', dir: 'in', type: 'CONNECT', atS: 20 },
          { kind: 'packet', run: 'b', client: 'phone', dir: 'in', type: 'CONNECT', atS: 20 },
        ],
      },
      {
        atS: 20,
        claims: [
          { kind: 'sessionPresent', client: 'phone', value: true, step: 2 },
          { kind: 'will', from: 'phone', fate: 'cancelled', atS: 20 },
          { kind: 'sessionPresent', run: 'b', client: 'phone', value: false, step: 2 },
          { kind: 'will', run: 'b', from: 'phone', fate: 'published', atS: 20 },
        ],
      },
    ],
    question: {
      revealAt: 3,
      options: [
        {
          id: 'both-cancel',
          claims: [
            { kind: 'will', from: 'phone', fate: 'cancelled' },
            { kind: 'will', run: 'b', from: 'phone', fate: 'cancelled' },
          ],
        },
        {
          id: 'cs0-cancels-cs1-publishes',
          claims: [
            { kind: 'will', from: 'phone', fate: 'cancelled', atS: 20 },
            { kind: 'will', run: 'b', from: 'phone', fate: 'published', atS: 20 },
          ],
        },
        {
          id: 'both-publish-at-40',
          claims: [
            { kind: 'will', from: 'phone', fate: 'published', atS: 40 },
            { kind: 'will', run: 'b', from: 'phone', fate: 'published', atS: 40 },
          ],
        },
      ],
    },
  },
  {
    id: 'takeover',
    runs: [
      { id: 'a', scenario: takeover(0) },
      { id: 'b', scenario: takeover(30) },
    ],
    beats: [
      { atS: 0, claims: [{ kind: 'sessionPresent', client: 'tablet', value: false }] },
      {
        atS: 10,
        claims: [
          { kind: 'packet', client: 'tablet', dir: 'out', type: 'DISCONNECT', atS: 10, reason: 0x8e },
          { kind: 'packet', run: 'b', client: 'tablet', dir: 'out', type: 'DISCONNECT', atS: 10, reason: 0x8e },
          { kind: 'closed', client: 'tablet', atS: 10, cause: 'takeover' },
          { kind: 'closed', run: 'b', client: 'tablet', atS: 10, cause: 'takeover' },
          { kind: 'sessionPresent', client: 'tablet-again', value: true },
          { kind: 'sessionPresent', run: 'b', client: 'tablet-again', value: true },
        ],
      },
      {
        atS: 10,
        claims: [
          { kind: 'will', from: 'tablet', fate: 'published', atS: 10 },
          { kind: 'delivered', to: OBS, topic: 'ward/tablet-1/status', atS: 10 },
          { kind: 'will', run: 'b', from: 'tablet', fate: 'cancelled', atS: 10 },
        ],
      },
      { atS: 60, run: 'b', claims: [{ kind: 'delivered', run: 'b', to: OBS, happens: false }] },
    ],
    question: {
      revealAt: 2,
      options: [
        {
          id: 'neither',
          claims: [
            { kind: 'delivered', to: OBS, happens: false },
            { kind: 'delivered', run: 'b', to: OBS, happens: false },
          ],
        },
        {
          id: 'no-delay-only',
          claims: [
            { kind: 'will', from: 'tablet', fate: 'published', atS: 10 },
            { kind: 'will', run: 'b', from: 'tablet', fate: 'notPublished' },
          ],
        },
        {
          id: 'both',
          claims: [
            { kind: 'will', from: 'tablet', fate: 'published' },
            { kind: 'will', run: 'b', from: 'tablet', fate: 'published' },
          ],
        },
      ],
    },
  },
  {
    id: 'sei-raised-at-disconnect',
    runs: [
      { id: 'a', scenario: raised(null) },
      { id: 'b', scenario: raised(60) },
    ],
    beats: [
      {
        atS: 0,
        claims: [
          { kind: 'packet', client: 'probe', dir: 'in', type: 'CONNECT', atS: 0 },
          { kind: 'packet', run: 'b', client: 'probe', dir: 'in', type: 'CONNECT', atS: 0 },
        ],
      },
      {
        atS: 10,
        claims: [
          { kind: 'packet', client: 'probe', dir: 'in', type: 'DISCONNECT', atS: 10, reason: 0 },
          { kind: 'packet', run: 'b', client: 'probe', dir: 'in', type: 'DISCONNECT', atS: 10, reason: 0 },
        ],
      },
      {
        atS: 10,
        claims: [
          { kind: 'disconnectReason', client: 'probe', reason: 0x82 },
          { kind: 'closed', client: 'probe', atS: 10, cause: 'protocolError' },
          { kind: 'will', from: 'probe', fate: 'published', atS: 10 },
          { kind: 'sessionEnded', client: 'probe', atS: 10 },
        ],
      },
      { atS: 10, run: 'b', claims: [{ kind: 'will', run: 'b', from: 'probe', fate: 'deleted', atS: 10 }] },
    ],
    question: {
      revealAt: 2,
      options: [
        { id: 'deleted', claims: [{ kind: 'will', from: 'probe', fate: 'deleted' }] },
        { id: 'published-now', claims: [{ kind: 'will', from: 'probe', fate: 'published', atS: 10 }] },
        { id: 'published-later', claims: [{ kind: 'will', from: 'probe', fate: 'published', atS: 610 }] },
      ],
    },
  },
  {
    id: 'retained-will-no-birth',
    runs: [
      { id: 'a', scenario: lamp(false) },
      { id: 'b', scenario: lamp(true) },
    ],
    beats: [
      { atS: 1, claims: [{ kind: 'delivered', to: OBS, topic: 'home/lamp/status', payload: 'online', atS: 1 }] },
      {
        atS: 10,
        claims: [
          { kind: 'will', from: 'lamp', fate: 'published', atS: 10 },
          { kind: 'delivered', to: OBS, topic: 'home/lamp/status', payload: 'offline', atS: 10, retain: true },
        ],
      },
      {
        atS: 21,
        claims: [
          { kind: 'sessionPresent', client: 'lamp', value: false, step: 3 },
          { kind: 'delivered', run: 'b', to: OBS, topic: 'home/lamp/status', payload: 'online', atS: 21 },
        ],
      },
      {
        atS: 120,
        claims: [
          { kind: 'retainedAfter', topic: 'home/lamp/status', payload: 'offline' },
          { kind: 'retainedAfter', run: 'b', topic: 'home/lamp/status', payload: 'online' },
        ],
      },
    ],
    question: {
      revealAt: 3,
      options: [
        { id: 'offline', claims: [{ kind: 'retainedAfter', topic: 'home/lamp/status', payload: 'offline' }] },
        { id: 'online', claims: [{ kind: 'retainedAfter', topic: 'home/lamp/status', payload: 'online' }] },
        { id: 'nothing', claims: [{ kind: 'retainedAfter', topic: 'home/lamp/status', payload: null }] },
      ],
    },
  },
  {
    id: 'offline-subscriber-expiry',
    runs: [
      { id: 'a', scenario: valve(90) },
      { id: 'b', scenario: valve(110) },
    ],
    beats: [
      { atS: 0, claims: [{ kind: 'packet', client: OFF, dir: 'in', type: 'SUBSCRIBE', atS: 0 }] },
      { atS: 10, claims: [{ kind: 'willScheduled', from: 'valve', atS: 10, dueS: 40 }] },
      {
        atS: 40,
        claims: [
          { kind: 'will', from: 'valve', fate: 'published', atS: 40 },
          { kind: 'queued', to: OFF, topic: 'plant/valve-3/status', atS: 40 },
        ],
      },
      { atS: 90, claims: [{ kind: 'offlineReceives', topic: 'plant/valve-3/status', payload: 'offline' }] },
      {
        atS: 100,
        run: 'b',
        claims: [
          { kind: 'messageExpired', run: 'b', to: OFF, topic: 'plant/valve-3/status', atS: 100 },
          { kind: 'offlineReceives', run: 'b', topic: 'plant/valve-3/status', payload: 'offline', happens: false },
        ],
      },
    ],
    question: {
      revealAt: 3,
      options: [
        {
          id: 'delivered',
          claims: [{ kind: 'offlineReceives', topic: 'plant/valve-3/status', payload: 'offline' }],
        },
        {
          id: 'expired-from-drop',
          claims: [{ kind: 'messageExpired', to: OFF, topic: 'plant/valve-3/status', atS: 70 }],
        },
        {
          id: 'expired-from-connect',
          claims: [{ kind: 'messageExpired', to: OFF, topic: 'plant/valve-3/status', atS: 60 }],
        },
      ],
    },
  },
  {
    id: 'v311-vs-v5',
    runs: [
      { id: 'a', scenario: versions(4) },
      { id: 'b', scenario: versions(5) },
    ],
    beats: [
      {
        atS: 0,
        claims: [
          { kind: 'packet', client: 'meter', dir: 'in', type: 'CONNECT', atS: 0 },
          { kind: 'packet', run: 'b', client: 'meter', dir: 'in', type: 'CONNECT', atS: 0 },
        ],
      },
      {
        atS: 10,
        claims: [
          { kind: 'closed', client: 'meter', atS: 10, cause: 'network' },
          { kind: 'closed', run: 'b', client: 'meter', atS: 10, cause: 'network' },
        ],
      },
      {
        atS: 10,
        claims: [
          { kind: 'will', from: 'meter', fate: 'published', atS: 10 },
          { kind: 'delivered', to: OBS, topic: 'grid/meter-9/status', atS: 10 },
          { kind: 'willScheduled', run: 'b', from: 'meter', atS: 10, dueS: 70 },
        ],
      },
      {
        atS: 30,
        claims: [
          { kind: 'sessionPresent', client: 'meter', value: true, step: 2 },
          { kind: 'sessionPresent', run: 'b', client: 'meter', value: true, step: 2 },
          { kind: 'will', run: 'b', from: 'meter', fate: 'cancelled', atS: 30 },
        ],
      },
    ],
    question: {
      revealAt: 2,
      options: [
        { id: 'at-drop', claims: [{ kind: 'will', from: 'meter', fate: 'published', atS: 10 }] },
        { id: 'held-by-session', claims: [{ kind: 'will', from: 'meter', fate: 'notPublished' }] },
        { id: 'at-reconnect', claims: [{ kind: 'will', from: 'meter', fate: 'published', atS: 30 }] },
      ],
    },
  },
];
