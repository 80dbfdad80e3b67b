import type { ExportCatalog } from './export';

const hex = (n: unknown) =>
  `0x${Number(n ?? 0)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0')}`;
const clip = (s: string, max = 48) => (s.length > max ? `${s.slice(0, max)}…` : s);

export const exportEn: ExportCatalog = {
  locale: 'en',
  mermaid: {
    header: (title, profile) => `${title || 'MQTT Will Lab scenario'}, broker profile ${profile}`,
    packet: (e) => {
      const d = e.detail;
      const extra: string[] = [];
      switch (e.type) {
        case 'CONNECT':
          extra.push(
            `Clean Start ${d.cleanStart ? 1 : 0}`,
            `Keep Alive ${d.keepAlive}`,
            d.hasWill ? 'will' : 'no will',
          );
          if (d.sessionExpiry !== undefined)
            extra.push(`Session Expiry ${d.sessionExpiry === null ? 'absent' : d.sessionExpiry}`);
          break;
        case 'CONNACK':
          extra.push(d.reason ? `refused ${hex(d.reason)}` : `Session Present ${d.sessionPresent ? 1 : 0}`);
          break;
        case 'DISCONNECT':
          if (d.reason !== undefined) extra.push(hex(d.reason));
          if (d.sessionExpiry !== undefined) extra.push(`Session Expiry ${d.sessionExpiry}`);
          break;
        case 'PUBLISH':
          extra.push(`"${clip(d.topic ?? '')}"`, `"${clip(d.payload ?? '')}"`, `QoS ${d.qos}`);
          if (d.retain) extra.push('retained');
          break;
        case 'SUBSCRIBE':
        case 'UNSUBSCRIBE':
          extra.push(`"${clip(d.filter ?? '')}"`);
          break;
        default:
          break;
      }
      return extra.length > 0 ? `${e.type} (${extra.join(', ')})` : e.type;
    },
    delivery: (e, willOf) =>
      `PUBLISH "${clip(e.topic)}" "${clip(e.payload)}" QoS ${e.qos}${e.retain ? ', RETAIN 1' : ''}${willOf ? ` (will of ${willOf})` : ''}`,
    closed: (conn, cause) => `connection ${conn} closed: ${cause}`,
    cause: {
      network: 'network drop',
      reset: 'connection reset',
      keepAlive: 'keep-alive timeout',
      clientDisconnect: 'client DISCONNECT',
      protocolError: 'protocol error',
      malformed: 'malformed packet',
      takeover: 'taken over',
      adminKick: 'kicked',
      shutdown: 'broker shutdown',
    },
    truncated: 'the run was truncated here (too many events)',
  },
  repro: {
    header: (title, profile) => [
      `MQTT Will Lab: reproduction script for "${title || 'untitled scenario'}"`,
      `(simulated with broker profile ${profile}).`,
      'It replays the scenario against a real broker with mosquitto_sub and mosquitto_pub',
      '(mosquitto-clients 2.0 or later) and prints what the observer receives, with times,',
      "so you can compare the broker with the simulator's timeline.",
    ],
    usage: 'Usage: bash repro.sh [host] [port]   (default: 127.0.0.1 1883)',
    limitsHeading: 'What a command-line client cannot do, and what this script does instead:',
    limits: [
      'A network drop is "kill -9" of the client process: the kernel closes the TCP connection without a DISCONNECT. A TCP RST cannot be forced this way; MQTT treats both alike.',
      'Keep-alive silence is "kill -STOP": the process freezes with its socket open, so the broker can only notice it through keep-alive (after 1.5 x Keep Alive).',
      'mosquitto_sub sends DISCONNECT 0x04 (Disconnect with Will Message) only when it receives a signal (SIGINT or SIGTERM) under MQTT 5.0. Under MQTT 3.1.1 the same signal sends a plain DISCONNECT, which deletes the will.',
      'DISCONNECT 0x00 is sent when mosquitto_sub exits after receiving its message count (-C 1): the script publishes one message to a private topic of that client.',
      'No other DISCONNECT Reason Code can be chosen; a second CONNECT (protocol error), a malformed packet, an administrator kick and subscribing on a live connection cannot be produced either. Those steps are comments below.',
      "A client's own PUBLISH goes out on a separate mosquitto_pub connection, so it does not reset that client's keep-alive timer.",
      'mosquitto_sub reconnects by itself when the broker closes its connection: before a takeover the script freezes the old process (kill -STOP) and kills it afterwards, so it cannot take the Client Identifier back.',
      'Times are approximate: the script sleeps between steps, and brokers check their timers on whole seconds.',
    ],
    testBroker:
      'Use a test broker: the script uses the Client Identifiers and topics of the scenario as they are, and clears the retained messages of its topics first.',
    clearRetained: 'Clear retained messages left on these topics by earlier runs (the simulated broker starts empty).',
    observer: 'The observer: subscribes to every will topic before t = 0 and prints what it receives.',
    observerV4: 'The observer uses MQTT 3.1.1, so it sees RETAIN 0 on live deliveries.',
    offlineSubscriber:
      'The offline subscriber: a persistent session (Clean Start 0, Session Expiry 3600) that subscribes, then goes offline at once.',
    offlineReconnect:
      'The offline subscriber comes back after the end and prints the messages its session queued (a new subscription may also bring retained messages again).',
    start: 'Start of the run (t = 0).',
    end: 'End of the run: the observer stops first, then the remaining clients are killed.',
    stepLine: (t, who, what) => `t = ${t} s, ${who}: ${what}`,
    connect: 'connect',
    drop: 'network drop (kill -9)',
    reset: 'connection reset (kill -9: a TCP RST cannot be forced; MQTT treats it like a drop)',
    silence: 'keep-alive silence (kill -STOP: the broker closes after 1.5 x Keep Alive)',
    disconnect0: 'DISCONNECT 0x00 (exits after one message on its private topic)',
    disconnect4: 'DISCONNECT 0x04 (SIGTERM: mosquitto_sub sends 0x04 under MQTT 5.0)',
    disconnectV4: 'DISCONNECT (SIGTERM: under MQTT 3.1.1 mosquitto_sub sends a plain DISCONNECT)',
    disconnectOther: (code) =>
      `DISCONNECT ${code} cannot be sent by mosquitto_sub; SIGTERM sends 0x04 instead. The spec publishes the will after both, but brokers that discard the will on error codes (Mosquitto, NanoMQ) will differ from the simulator.`,
    disconnect0WithSubscriptions:
      'DISCONNECT 0x00 needs the -C 1 exit trick, which this client cannot use because it has subscriptions of its own; SIGTERM sends 0x04 instead, so the will is published here, unlike in the simulator.',
    disconnectSeiV4: 'Session Expiry in DISCONNECT is MQTT 5.0 only; ignored for this 3.1.1 client.',
    takeover: (of) => `takeover of ${of}: the old process is frozen first, then killed once the broker closed it`,
    publish: 'publish (from a separate mosquitto_pub connection)',
    publishV4Expiry: 'Message Expiry is MQTT 5.0 only; not sent by this 3.1.1 publisher.',
    cannot: (what) => `CANNOT: ${what}`,
    protoerr: 'a second CONNECT on the open connection (protocol error) cannot be sent by mosquitto_sub.',
    badpacket: 'a malformed packet cannot be sent by mosquitto_sub.',
    kick: "an administrator kick needs the broker's own admin tools; do it by hand now if you can.",
    subscribe: 'mosquitto_sub cannot subscribe on a connection that is already open.',
    unsubscribe: 'mosquitto_sub cannot unsubscribe on a connection that is already open.',
    brokerRestart: 'Restart the broker now (for example: sudo systemctl restart mosquitto).',
    afterClose: (s) =>
      `In the scenario this reconnect happens ${s} s after the broker closed the previous connection; the script uses the step's time instead.`,
    emptyClientId:
      'An empty Client Identifier (assigned by the broker) cannot be sent by mosquitto_sub; it uses its own generated one.',
    keepAliveRange: (asked, used) =>
      `mosquitto_sub accepts Keep Alive 5 to 65535 only: ${asked} s is replaced by ${used} s.`,
    mixedQos: (used) => `mosquitto_sub subscribes to every topic with one QoS: ${used} is used for all.`,
    subscriptionOptions: 'No Local and Retain Handling cannot be set by mosquitto_sub; they are left at 0.',
    v4IgnoresV5: 'MQTT 3.1.1: Session Expiry, Will Delay and the other 5.0 properties are not sent.',
    nul: 'The null character cannot be passed on a command line; it is left out of this text.',
    notConnected: 'In the simulator this client is not connected at this point; the step is skipped here too.',
    userPropertyOrder: 'User properties are passed in the order of the scenario.',
    invalidWill:
      'an invalid will (QoS 3, or a will topic that is no Topic Name) is rejected by mosquitto_sub itself, so this client does not connect at all: like the refusal, that leaves no session and no will.',
  },
};
