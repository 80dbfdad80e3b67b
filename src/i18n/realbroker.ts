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
};
