import type { ProtocolLevel } from '../engine/script/names';

/**
 * Client presets: what a real client sends when it goes away, as data (no DOM, no Node, no
 * sentences: the words live in src/i18n once a view shows them). Each preset cites the function in
 * the client's source at the version installed here, and says whether a test recorded it against
 * that client (src/clients/presets.test.ts, docs/clients.md) or it was read from source only.
 */

export type ClientName = 'mqtt.js' | 'paho-mqtt-python' | 'mosquitto_sub' | 'mosquitto_pub';

/** How the client went away. */
export type GoingAway =
  /** The library's own close call (MQTT.js `end()`, Paho `disconnect()`). */
  | 'library-close'
  /** The library's forced close (MQTT.js `end(true)`). */
  | 'library-close-forced'
  /** The process exits without calling the close function (`process.exit()`). */
  | 'process-exit'
  /** The process is killed (SIGKILL). */
  | 'process-killed'
  /** Ctrl-C in a terminal (SIGINT). */
  | 'ctrl-c';

export interface SourceRef {
  /** GitHub owner/name. */
  repo: string;
  /** The tag read (the version installed here). */
  tag: string;
  file: string;
  /** Function (or functions, outermost first) that decide what is sent. */
  fn: string;
}

export interface ClientPreset {
  id: string;
  client: ClientName;
  /** The version installed here and recorded against. */
  clientVersion: string;
  goingAway: GoingAway;
  /** The call or action, as code (not prose): e.g. `client.end()`, `SIGINT`. */
  action: string;
  protocol: ProtocolLevel;
  /** What reaches the broker: a DISCONNECT (or none), then how the TCP connection closes. */
  sends: {
    /** null: no DISCONNECT. reasonCode null: 3.1.1 (no Reason Code); 5.0 without a body is 0x00. */
    disconnect: { reasonCode: number | null; hex: string } | null;
    /** A FIN (orderly close) or an RST. */
    close: 'fin' | 'rst';
  };
  source: SourceRef[];
  /** 'recorded': checked by a test against the installed client; 'source-only': read, not run. */
  evidence: 'recorded' | 'source-only';
}

const MQTTJS: SourceRef[] = [
  // Read in the installed package (node_modules/mqtt/build/lib/client.js is its build).
  { repo: 'mqttjs/MQTT.js', tag: 'v5.16.0', file: 'src/lib/client.ts', fn: 'MqttClient.end -> MqttClient._cleanUp' },
  // 5.0: always writes the Reason Code byte (absent: 0x00) and a Property Length (0): e0 02 00 00.
  { repo: 'mqttjs/mqtt-packet', tag: 'v9.0.2', file: 'writeToStream.js', fn: 'disconnect' },
];
// No client code runs: the kernel closes the socket when the process ends.
const MQTTJS_EXIT: SourceRef[] = [
  { repo: 'mqttjs/MQTT.js', tag: 'v5.16.0', file: 'src/lib/client.ts', fn: '(none: the OS closes the socket)' },
];
const PAHO: SourceRef[] = [
  // Debian's python3-paho-mqtt 1.6.1-1 ships this file unchanged (diffed against the tag).
  {
    repo: 'eclipse/paho.mqtt.python',
    tag: 'v1.6.1',
    file: 'src/paho/mqtt/client.py',
    fn: 'Client.disconnect -> Client._send_disconnect; Client._packet_write (closes the socket after DISCONNECT)',
  },
];
const PAHO_KILL: SourceRef[] = [
  {
    repo: 'eclipse/paho.mqtt.python',
    tag: 'v1.6.1',
    file: 'src/paho/mqtt/client.py',
    fn: '(none: the OS closes the socket)',
  },
];
const MOSQ_SUB: SourceRef[] = [
  // SIGINT after CONNACK: mosquitto_disconnect_v5(g_mosq, MQTT_RC_DISCONNECT_WITH_WILL_MSG, ...).
  {
    repo: 'eclipse-mosquitto/mosquitto',
    tag: 'v2.0.11',
    file: 'client/sub_client.c',
    fn: 'my_signal_handler (installed in main with sigaction(SIGINT))',
  },
  // 5.0 with a non-zero reason writes it; 3.1.1 (or 5.0 with 0 and no properties) sends no body.
  { repo: 'eclipse-mosquitto/mosquitto', tag: 'v2.0.11', file: 'lib/send_disconnect.c', fn: 'send__disconnect' },
];
const MOSQ_PUB: SourceRef[] = [
  // No signal handler: SIGINT's default action ends the process and the OS closes the socket.
  {
    repo: 'eclipse-mosquitto/mosquitto',
    tag: 'v2.0.11',
    file: 'client/pub_client.c',
    fn: 'main (installs no SIGINT handler)',
  },
];

const MQTTJS_VERSION = '5.16.0';
const PAHO_VERSION = '1.6.1';
const MOSQUITTO_VERSION = '2.0.11';

const FIN = 'fin' as const;

export const CLIENT_PRESETS: readonly ClientPreset[] = [
  // MQTT.js: end() sends DISCONNECT, then stream.end() (FIN).
  ...([5, 4] as const).flatMap((protocol): ClientPreset[] => [
    {
      id: `mqttjs-end-v${protocol}`,
      client: 'mqtt.js',
      clientVersion: MQTTJS_VERSION,
      goingAway: 'library-close',
      action: 'client.end()',
      protocol,
      sends: {
        disconnect: protocol === 5 ? { reasonCode: 0, hex: 'e0020000' } : { reasonCode: null, hex: 'e000' },
        close: FIN,
      },
      source: MQTTJS,
      evidence: 'recorded',
    },
    {
      // end(true): stream.destroy(), no DISCONNECT.
      id: `mqttjs-end-force-v${protocol}`,
      client: 'mqtt.js',
      clientVersion: MQTTJS_VERSION,
      goingAway: 'library-close-forced',
      action: 'client.end(true)',
      protocol,
      sends: { disconnect: null, close: FIN },
      source: MQTTJS,
      evidence: 'recorded',
    },
    {
      id: `mqttjs-exit-v${protocol}`,
      client: 'mqtt.js',
      clientVersion: MQTTJS_VERSION,
      goingAway: 'process-exit',
      action: 'process.exit(0)',
      protocol,
      sends: { disconnect: null, close: FIN },
      source: MQTTJS_EXIT,
      evidence: 'recorded',
    },
  ]),
  // Paho for Python: disconnect() without a reason code sends a DISCONNECT with no body.
  ...([5, 4] as const).flatMap((protocol): ClientPreset[] => [
    {
      id: `paho-disconnect-v${protocol}`,
      client: 'paho-mqtt-python',
      clientVersion: PAHO_VERSION,
      goingAway: 'library-close',
      action: 'client.disconnect()',
      protocol,
      sends: { disconnect: { reasonCode: protocol === 5 ? 0 : null, hex: 'e000' }, close: FIN },
      source: PAHO,
      evidence: 'recorded',
    },
    {
      id: `paho-killed-v${protocol}`,
      client: 'paho-mqtt-python',
      clientVersion: PAHO_VERSION,
      goingAway: 'process-killed',
      action: 'SIGKILL',
      protocol,
      sends: { disconnect: null, close: FIN },
      source: PAHO_KILL,
      evidence: 'recorded',
    },
  ]),
  // mosquitto_sub: Ctrl-C sends DISCONNECT 0x04 (Disconnect with Will Message) under 5.0; 3.1.1
  // has no Reason Code, so the same call sends a plain DISCONNECT (the will is discarded).
  ...([5, 4] as const).map(
    (protocol): ClientPreset => ({
      id: `mosquitto-sub-ctrl-c-v${protocol}`,
      client: 'mosquitto_sub',
      clientVersion: MOSQUITTO_VERSION,
      goingAway: 'ctrl-c',
      action: 'SIGINT',
      protocol,
      sends: {
        disconnect: protocol === 5 ? { reasonCode: 0x04, hex: 'e00104' } : { reasonCode: null, hex: 'e000' },
        close: FIN,
      },
      source: MOSQ_SUB,
      evidence: 'recorded',
    }),
  ),
  // mosquitto_pub (-l, waiting on stdin): Ctrl-C ends the process; no DISCONNECT.
  ...([5, 4] as const).map(
    (protocol): ClientPreset => ({
      id: `mosquitto-pub-ctrl-c-v${protocol}`,
      client: 'mosquitto_pub',
      clientVersion: MOSQUITTO_VERSION,
      goingAway: 'ctrl-c',
      action: 'SIGINT',
      protocol,
      sends: { disconnect: null, close: FIN },
      source: MOSQ_PUB,
      evidence: 'recorded',
    }),
  ),
];

export function clientPresetById(id: string): ClientPreset | undefined {
  return CLIENT_PRESETS.find((p) => p.id === id);
}
