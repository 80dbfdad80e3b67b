import type { ReceivedMessage } from '../engine/types';
import type { PlayerProblem } from '../realbroker/player';
import type { Difference, MessageId, WillId } from '../scenario/compare';

/**
 * Words of the "Run on a real broker" panel (src/ui/realbroker). Kept beside the main catalog so
 * the panel can load lazily; a translation implements `RealBrokerCatalog` too.
 */
export interface RealBrokerCatalog {
  heading: string;
  intro: (profileLabel: string) => string;
  urlLabel: string;
  urlHint: string;
  usernameLabel: string;
  passwordLabel: string;
  credentialsHint: string;
  run: string;
  running: string;
  stop: string;
  badUrl: string;
  cannotPlay: string;
  failed: (message: string) => string;
  playing: (t: string) => string;
  agree: (tolerance: number) => string;
  differ: (n: number, tolerance: number) => string;
  differencesHeading: string;
  timelineLabel: string;
  predictedLane: (profileLabel: string) => string;
  observedLane: (version: string | null) => string;
  willsHeading: string;
  will: string;
  predictedCol: string;
  observedCol: string;
  none: string;
  seconds: (s: number) => string;
  problems: string;
  /** One line per difference between an outcome and the one wanted (real broker, conformance). */
  difference: (d: Difference) => string;
  /** What went wrong while playing on the broker. */
  problem: (p: PlayerProblem) => string;
}

export const realBrokerEn: RealBrokerCatalog = {
  heading: 'Run on a real broker',
  intro: (label) =>
    `Plays this scenario against an MQTT broker over WebSocket, in real time, and compares what it does with the prediction of the ${label} profile.`,
  urlLabel: 'WebSocket URL of the broker',
  urlHint: 'For example ws://127.0.0.1:9001 (Mosquitto: "listener 9001" and "protocol websockets").',
  usernameLabel: 'User name (optional)',
  passwordLabel: 'Password (optional)',
  credentialsHint:
    'Sent in every CONNECT of the run. Some brokers refuse a CONNECT without them (ejabberd: any name and password with anonymous login).',
  run: 'Run on this broker',
  running: 'Running…',
  stop: 'Stop',
  badUrl: 'Give a ws:// or wss:// URL.',
  cannotPlay: 'This scenario cannot be played against a real broker from the browser:',
  failed: (m) => `The run failed: ${m}`,
  playing: (t) => `Playing… ${t}`,
  agree: (tol) => `The broker did what the profile predicts (times within ± ${tol} s).`,
  differ: (n, tol) => `${n} difference${n === 1 ? '' : 's'} between the prediction and the broker (± ${tol} s):`,
  differencesHeading: 'Differences ("wanted" is what the broker did)',
  timelineLabel: 'Wills over time: predicted above, observed below',
  predictedLane: (label) => `predicted (${label})`,
  observedLane: (v) => (v ? `observed (${v})` : 'observed'),
  willsHeading: 'Wills',
  will: 'Will',
  predictedCol: 'Predicted',
  observedCol: 'Observed',
  none: '—',
  seconds: (s) => `${s.toFixed(1)} s`,
  problems: 'Problems during the run:',
  problem: (p) => {
    switch (p.code) {
      case 'unreadablePacket':
        return `${p.client}#${p.conn}: unreadable packet from the broker (${p.detail})`;
      case 'noConnack':
        return `${p.client}#${p.conn}: no CONNACK within ${p.ms} ms`;
      case 'willPropsDiffer':
        return `${p.client}#${p.conn}: the will arrived with ${p.detail}`;
      case 'closedBeforeConnack':
        return `${p.client}#${p.conn}: the broker closed the connection before a CONNACK`;
      case 'connectFailed':
        return `${p.client}: could not connect (${p.detail})`;
      case 'restartFailed':
        return `the broker did not restart (${p.detail})`;
      case 'observerLost':
        return 'the observer could not reconnect after the restart';
      case 'observerClosed':
        return `the broker closed the observer's connection at ${p.atS} s; wills after that cannot be seen`;
      case 'brokerDied':
        return `the broker process died during the case (${p.detail}); nothing after that was recorded`;
    }
  },
  difference: (d) => {
    const t = (s: number) => `${s.toFixed(3)} s`;
    const will = (w: WillId) =>
      `${w.from}#${w.conn} ${w.topic} "${w.payload}" qos ${w.qos}${w.retain ? ' retained' : ''}`;
    const msg = (m: MessageId) =>
      `${m.topic} "${m.payload}"${m.qos !== undefined ? ` qos ${m.qos}` : ''}${m.retain ? ' retained' : ''}`;
    const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
    switch (d.what) {
      case 'will':
        return d.kind === 'time'
          ? `will ${will(d.will)} at ${t(d.at)}, wanted ${t(d.wanted)}${d.tolerance ? ` (± ${d.tolerance} s)` : ''}`
          : `${d.kind} will ${will(d.will)} at ${t(d.at)}`;
      case 'sessionPresent':
        return d.kind === 'noConnack'
          ? `no CONNACK for ${d.client} at step ${d.step} (wanted Session Present ${d.wanted ? 1 : 0})`
          : `Session Present ${d.got ? 1 : 0} for ${d.client} at step ${d.step}, wanted ${d.wanted ? 1 : 0}`;
      case 'disconnectReason':
        return `${d.kind} broker DISCONNECT ${hex(d.reason)} to ${d.client}${d.at !== undefined ? ` at ${t(d.at)}` : ''}`;
      case 'retained':
        return `retained at the end: ${d.kind} ${msg(d.message)}`;
      case 'offlineSubscriber':
        return `offline subscriber: ${d.kind} ${msg(d.message)}`;
      case 'received': {
        const got = (m: ReceivedMessage) =>
          `${msg(m)}${m.dup ? ' DUP' : ''} at ${t(m.t)}${m.props ? ` with properties ${JSON.stringify(m.props)}` : ''}`;
        return d.kind === 'differs'
          ? `${d.client}: delivery ${d.index} is ${got(d.got)}, wanted ${got(d.wanted)}`
          : `${d.client}: ${d.kind} delivery ${d.index}, ${got(d.message)}`;
      }
    }
  },
};
