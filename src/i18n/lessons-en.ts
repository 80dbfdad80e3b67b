import type { LessonsCatalog } from './lessons';

/**
 * The guided lessons in English. Every statement about what happens is also a claim in
 * src/lessons/catalog.ts that a test checks against the engine; keep the two in step.
 */
export const lessonsEn: LessonsCatalog = {
  locale: 'en',
  lessons: {
    'nanomq-1989': {
      title: 'The NanoMQ 0.23.2 story',
      summary:
        'An abrupt drop with Session Expiry 0, under the spec, NanoMQ 0.23.2 (nanomq#1989) and NanoMQ 0.23.3, side by side.',
      runs: { a: 'MQTT 5.0 spec', b: 'NanoMQ 0.23.2', c: 'NanoMQ 0.23.3' },
      beats: [
        'A sensor connects with Clean Start 0 and no Session Expiry Interval. An absent Session Expiry counts as 0: the session ends when the connection closes (§3.1.2.11.2). It leaves a will on plant/sensor-7/status.',
        'At 20 s the network drops: the TCP connection closes without a DISCONNECT. All three brokers see the same close.',
        'Under the spec the session ends at the close, and ending the session publishes the will at once: the observer gets "offline" at 20 s [MQTT-3.1.2-8].',
        'NanoMQ 0.23.2 instead keeps ("caches") the session of a Clean Start 0 client and withholds its will. In nanomq#1989 a user reported exactly this, and the maintainer first answered that Session Expiry 0 means a session that never expires.',
        'NanoMQ 0.23.3 changed it (NanoNNG 9551ebe): a cached session with Session Expiry 0 now ends at the next tick of the connection\'s own timer, which ticks 15 s after the CONNECT and then every 10 s. The drop at 20 s falls between the ticks at 15 s and 25 s, so the observer gets "offline" at 25 s: late, but no longer never.',
        'Under 0.23.2, at the end of the run, 100 s after the drop, the observer has still heard nothing: the will waits for a takeover or an administrator. Both NanoMQ runs are measured, not modelled: the profiles agree with recordings of NanoMQ 0.23.2 and 0.23.3 built from source (251 cases each: the spec cases, the Mosquitto suite and 16 NanoMQ cases, this scenario among them, recorded on 2026-12-04).',
      ],
      question:
        'The sensor loses its network at 20 s. When does the observer get its will: under the spec, and under NanoMQ 0.23.2?',
      options: {
        'both-at-drop': 'At 20 s under both brokers.',
        'spec-only': 'At 20 s under the spec; not at all (during the run) under NanoMQ 0.23.2.',
        'after-keepalive': 'At 65 s under both: 1.5 x Keep Alive after the drop.',
        neither: 'Under neither: Clean Start 0 keeps the session, so the will waits.',
      },
      takeaway:
        'Session Expiry 0 (or absent) ends the session at the close, and the will goes out then. A broker that keeps such a session holds the will back: check your broker against the spec.',
    },
    'sei0-any-delay': {
      title: 'Session Expiry 0 cuts every Will Delay short',
      summary: 'Three wills with delays of 0 s, 30 s and one hour, and sessions that end at the close.',
      runs: {},
      beats: [
        'Three meters connect with Clean Start 1 and no Session Expiry, so each session lasts only as long as its connection. Their wills ask for Will Delays of 0 s, 30 s and one hour.',
        'At 10 s all three connections drop.',
        'All three wills reach the observer at 10 s. A will waits "until the Will Delay Interval has passed or the Session ends, whichever happens first" (§3.1.3.2.2), and these sessions end at the close.',
        'All three sessions ended at 10 s, so no will is left waiting. To hold a will back, the session must outlive the connection: give it a Session Expiry.',
      ],
      question:
        'The meters drop at 10 s, with Will Delays of 0 s, 30 s and one hour. When does the observer get their wills?',
      options: {
        'all-at-drop': 'All three at 10 s.',
        'after-each-delay': 'At 10 s, 40 s and one hour later: each after its own delay.',
        'only-no-delay': 'Only the first, at 10 s: the delayed wills are lost with their sessions.',
      },
      takeaway: 'With Session Expiry 0, the Will Delay does nothing: the will goes out when the connection closes.',
    },
    'disconnect-00-vs-04': {
      title: 'DISCONNECT 0x00 deletes the will; 0x04 asks for it',
      summary: 'Two clients leave politely, with Reason Codes 0x00 and 0x04.',
      runs: {},
      beats: [
        'Two clients, "tidy" and "leaving", connect, each with a will.',
        'At 10 s both send DISCONNECT and close: "tidy" with Reason Code 0x00 (Normal disconnection), "leaving" with 0x04 (Disconnect with Will Message).',
        'DISCONNECT 0x00 deletes the will without publishing it [MQTT-3.14.4-3]. DISCONNECT 0x04 asks the broker to publish it, as if the connection had failed.',
        'Only the will of "leaving" reaches the observer. Only a client DISCONNECT with 0x00 deletes a will: every other Reason Code, and every close the broker decides on, publishes it. (Mosquitto and NanoMQ also delete it on error codes: a known departure from the spec.)',
      ],
      question: 'Both clients send DISCONNECT at 10 s, one with 0x00, one with 0x04. Which wills reach the observer?',
      options: {
        both: 'Both wills.',
        'only-04': 'Only the will of the client that sent 0x04.',
        'only-00': 'Only the will of the client that sent 0x00.',
        neither: 'Neither: a DISCONNECT is a clean goodbye.',
      },
      takeaway:
        'Reason Code 0x00 is the only goodbye that silences a will. 0x04 is the way to leave and still announce it.',
    },
    'keepalive-silence': {
      title: 'Keep-alive silence is noticed at 1.5 x Keep Alive',
      summary: 'A tracker goes silent with its socket open; the broker can only count.',
      runs: {},
      beats: [
        'A tracker connects with Keep Alive 10 s: it promises to send a packet at least every 10 s, and a PINGREQ when it has nothing else to say.',
        'It sends PINGREQ at 10 s and at 20 s.',
        'At 23 s it goes silent, with its socket still open: the broker sees no close, so nothing happens yet.',
        'At 35 s, one and a half times Keep Alive after its last packet (20 s + 15 s), the broker closes the connection as if the network had failed [MQTT-3.1.2-22], and publishes the will.',
        'Not at 23 s (the broker cannot see silence), not at 30 s (a single Keep Alive), and not at 38 s (1.5 x Keep Alive after the silence began): the clock runs from the last packet received.',
      ],
      question: 'The tracker (Keep Alive 10 s) goes silent at 23 s. When does the observer get its will?',
      options: {
        'at-23': 'At 23 s, when it goes silent.',
        'at-30': 'At 30 s, one Keep Alive after its last PINGREQ.',
        'at-35': 'At 35 s, 1.5 x Keep Alive after its last PINGREQ.',
        'at-38': 'At 38 s, 1.5 x Keep Alive after it went silent.',
      },
      takeaway:
        'A silent client is noticed 1.5 x Keep Alive after the last packet the broker received from it; Keep Alive 0 means never.',
    },
    'delay-shorter-than-expiry': {
      title: 'Will Delay shorter than Session Expiry',
      summary: 'The will waits for its delay while the session lives on.',
      runs: {},
      beats: [
        'A gateway connects with Session Expiry 60 s and a will with Will Delay 10 s.',
        'At 5 s its connection drops. The session outlives it, and the will is scheduled for 15 s: 5 s plus the Will Delay.',
        'At 15 s the Will Delay has passed while the session is still alive: the will is published [MQTT-3.1.2-8].',
        'The session itself ends at 65 s (5 s + 60 s). A reconnect with Clean Start 0 before 15 s would have cancelled the will; after 15 s it resumes the session, but the will is already out.',
      ],
      question: 'The gateway (Will Delay 10 s, Session Expiry 60 s) drops at 5 s. When does the observer get its will?',
      options: {
        'at-drop': 'At 5 s, when the connection drops.',
        'after-delay': 'At 15 s, after the Will Delay.',
        'at-session-end': 'At 65 s, when the session expires.',
        never: 'Never: the session is still alive, so nothing is published.',
      },
      takeaway: 'A Will Delay gives a client time to come back before anyone is told it is gone.',
    },
    'delay-longer-than-expiry': {
      title: 'Will Delay longer than Session Expiry: "session expired"',
      summary: "The spec's own recipe for a notification that a session has expired.",
      runs: { a: 'Does not come back', b: 'Comes back at 12 s' },
      beats: [
        'A worker sets a Will Delay of 60 s, longer than its Session Expiry of 10 s, and a will that says "session expired".',
        'At 5 s it leaves with DISCONNECT 0x04, so the will is kept (0x00 would delete it). The will is due at 15 s: the end of the session comes before the Will Delay.',
        'The Will Delay never gets to run out: the session expires at 15 s, and its end publishes the will. So the will means exactly "this session has expired", as the spec suggests (§3.1.2.5).',
        'If the worker comes back with Clean Start 0 before that, at 12 s, it finds its session (Session Present 1) and the will is cancelled: no false alarm.',
      ],
      question:
        'Will Delay 60 s, Session Expiry 10 s, DISCONNECT 0x04 at 5 s, and the worker does not come back. When does the observer get the will?',
      options: {
        'at-disconnect': 'At 5 s: 0x04 publishes the will at once.',
        'at-session-end': 'At 15 s, when the session expires.',
        'after-delay': 'At 65 s, after the Will Delay.',
        never: 'Never: the session is gone before the delay passes, and the will with it.',
      },
      takeaway:
        'A will goes out when its delay passes or its session ends, whichever comes first: a long delay turns the will into a "session expired" message.',
    },
    'reconnect-within-delay': {
      title: 'Coming back within the Will Delay',
      summary: 'Clean Start 0 cancels the waiting will; Clean Start 1 publishes it.',
      runs: { a: 'Reconnects with Clean Start 0', b: 'Reconnects with Clean Start 1' },
      beats: [
        'A phone has a persistent session (Session Expiry 300 s) and a will with Will Delay 30 s.',
        'At 10 s it loses the network. The will is scheduled for 40 s.',
        'At 20 s, inside the Will Delay, it reconnects: on one side with Clean Start 0, on the other with Clean Start 1.',
        'Clean Start 0 resumes the session (Session Present 1) and the broker must not send the will [MQTT-3.1.3-9]. Clean Start 1 discards the session, and ending the session publishes the waiting will at once [MQTT-3.1.2-4].',
      ],
      question: 'The phone reconnects at 20 s, before its Will Delay has passed. What happens to its will?',
      options: {
        'both-cancel': 'Cancelled either way: the phone is back.',
        'cs0-cancels-cs1-publishes': 'Cancelled with Clean Start 0; published at 20 s with Clean Start 1.',
        'both-publish-at-40': 'Published at 40 s either way: the delay runs to its end.',
      },
      takeaway:
        'Only a connection that resumes the session cancels a waiting will; a clean start ends the session and sends it.',
    },
    takeover: {
      title: 'Takeover by the same Client Identifier',
      summary: 'A second connection takes over the session, with Will Delay 0 and with Will Delay 30 s.',
      runs: { a: 'Will Delay 0 s', b: 'Will Delay 30 s' },
      beats: [
        'A tablet connects with a persistent session (Session Expiry 300 s). Its will has Will Delay 0 s on one side and 30 s on the other.',
        'At 10 s a second connection with the same Client Identifier and Clean Start 0 arrives. The broker sends the old one DISCONNECT 0x8E (Session taken over), closes it [MQTT-3.1.4-3], and the new one resumes the session (Session Present 1).',
        'The old connection closed without a DISCONNECT 0x00, so its will is due. With Will Delay 0 it goes out at once, at 10 s, although the session lives on. With Will Delay 30 s the new connection resumed the session before the delay passed, so the will is cancelled [MQTT-3.1.3-9].',
        'With the delay, the observer hears nothing. (Mosquitto publishes no will in the first case: it sends the old will only if the session ends, a known difference from the spec.)',
      ],
      question:
        'At 10 s the tablet is taken over by a connection that resumes its session. Does the observer get the old will?',
      options: {
        neither: 'In neither case: the session continues.',
        'no-delay-only': 'With Will Delay 0, yes, at 10 s; with Will Delay 30 s, no.',
        both: 'In both cases: the old connection was closed by the broker.',
      },
      takeaway:
        'A takeover closes the old connection like any other close: a Will Delay is what lets the new connection cancel the will.',
    },
    'sei-raised-at-disconnect': {
      title: 'Raising Session Expiry from 0 at DISCONNECT',
      summary: 'A Protocol Error, so the will is published.',
      runs: { a: 'Connected with Session Expiry 0', b: 'Connected with Session Expiry 60 s' },
      beats: [
        'A probe connects with a will: on one side with no Session Expiry (0), on the other with Session Expiry 60 s.',
        'At 10 s both send DISCONNECT 0x00 asking for a Session Expiry of 600 s.',
        'Raising the Session Expiry from 0 in DISCONNECT is a Protocol Error (§3.14.2.2.2): the DISCONNECT is not valid, the broker answers DISCONNECT 0x82 and closes, the session ends, and since no valid 0x00 came first, the will is published.',
        'With Session Expiry 60 s at CONNECT the change is allowed: the DISCONNECT 0x00 is valid and deletes the will.',
      ],
      question:
        'The probe connected with Session Expiry 0 and sends DISCONNECT 0x00 asking for 600 s. What becomes of its will?',
      options: {
        deleted: 'Deleted: it is a DISCONNECT 0x00.',
        'published-now': 'Published at 10 s: the DISCONNECT is a protocol error.',
        'published-later': 'Published at 610 s, when the longer session expires.',
      },
      takeaway: 'A DISCONNECT deletes the will only if it is valid: a protocol error turns a goodbye into a failure.',
    },
    'retained-will-no-birth': {
      title: 'A retained will needs a retained "online"',
      summary: 'Without a new birth message, the topic says "offline" forever.',
      runs: { a: 'Reconnects only', b: 'Reconnects and publishes "online"' },
      beats: [
        'A lamp connects with a retained will "offline" and publishes a retained "online" on home/lamp/status: a birth message.',
        'At 10 s it drops. Its will "offline" is published retained and replaces "online" as the topic\'s retained message.',
        'At 20 s it reconnects with the same will. On one side it does nothing else; on the other it publishes "online" again, retained.',
        'A dashboard that subscribes later reads the retained message. Where the lamp only reconnected, it still reads "offline" although the lamp is online: retained messages outlive sessions, and nothing replaced it.',
      ],
      question:
        'At 120 s a dashboard subscribes to home/lamp/status. What does it read where the lamp only reconnected?',
      options: {
        offline: '"offline": the retained will.',
        online: '"online": the lamp is connected again.',
        nothing: 'Nothing: the will belonged to the old session.',
      },
      takeaway: 'Pair a retained will with a retained "online" published after every connect.',
    },
    'offline-subscriber-expiry': {
      title: 'An offline subscriber and Message Expiry',
      summary: 'The queued will waits for the subscriber; its Message Expiry counts from publication.',
      runs: { a: 'Subscriber back at 90 s', b: 'Subscriber back at 110 s' },
      beats: [
        "A subscriber with a persistent session subscribed to the valve's topic and went offline: QoS 1 messages will wait in its session.",
        'At 10 s the valve drops. Its will (QoS 1) has Will Delay 30 s and Message Expiry 60 s, and is scheduled for 40 s.',
        'At 40 s the will is published and queued for the offline subscriber.',
        'The subscriber comes back at 90 s and receives the will, with 10 s of its 60 s left: Message Expiry counts from the moment the will is published (40 s), not from CONNECT, nor from the drop.',
        'Where the subscriber comes back at 110 s, the will expired at 100 s (40 s + 60 s) and was discarded: it gets nothing.',
      ],
      question:
        'The valve drops at 10 s (Will Delay 30 s, Message Expiry 60 s). The offline subscriber comes back at 90 s. Does it get the will?',
      options: {
        delivered: 'Yes: the will was published at 40 s and expires only at 100 s.',
        'expired-from-drop': 'No: it expired at 70 s, 60 s after the drop.',
        'expired-from-connect': 'No: it expired at 60 s, 60 s after CONNECT.',
      },
      takeaway: "A will's Message Expiry starts when the will is published; queued copies expire with it.",
    },
    'v311-vs-v5': {
      title: 'MQTT 3.1.1: CleanSession 0 does not delay the will',
      summary: 'In 3.1.1 the will belongs to the connection; in 5.0 to the session.',
      runs: { a: 'MQTT 3.1.1, CleanSession 0', b: 'MQTT 5.0, Will Delay 60 s' },
      beats: [
        'Two meters keep a persistent session: with CleanSession 0 in MQTT 3.1.1, and with Clean Start 0, Session Expiry 300 s and Will Delay 60 s in MQTT 5.0.',
        'At 10 s both drop.',
        'In 3.1.1 the will belongs to the network connection: it is published at once, at 10 s, whatever CleanSession says [MQTT-3.1.2-8]. In 5.0 it belongs to the session and waits for the Will Delay, until 70 s.',
        'At 30 s both reconnect and find their sessions (Session Present 1). Only in 5.0 does that cancel the will; in 3.1.1 it went out 20 s earlier.',
      ],
      question:
        'The 3.1.1 meter (CleanSession 0) drops at 10 s and reconnects at 30 s. When does the observer get its will?',
      options: {
        'at-drop': 'At 10 s, when the connection drops.',
        'held-by-session': 'Never: the persistent session holds it until the meter is back.',
        'at-reconnect': 'At 30 s, when the meter reconnects.',
      },
      takeaway: 'Only MQTT 5.0 can delay or cancel a will; in 3.1.1 every abnormal close publishes it at once.',
    },
  },
};
