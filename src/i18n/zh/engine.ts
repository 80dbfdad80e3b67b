import type { WhyCode } from '../../engine/rules';
import type { CloseCause, ProtocolLevel, StepAction, WillProps } from '../../engine/types';
import type { ProblemCode, ProblemParams } from '../../scenario/problems';
import type { Catalog, P } from '../catalog';
import { hex, num, q, sec, zh } from './format';

/**
 * Simplified Chinese words of the engine's data: every decision, profile departure and validation
 * problem. Terms follow docs/glossary-zh.md; packet names, flags with their values and clause IDs
 * stay as in the spec.
 */

const sei = (p: P) => (p.sessionExpiry === 4294967295 ? '永不过期' : zh`${p.sessionExpiry ?? 0}秒`);
/** A Session Expiry Interval in seconds, naming 0xFFFFFFFF for what it means. */
const seconds = (s: unknown) => (s === 4294967295 ? '0xFFFFFFFF（永不过期）' : zh`${s ?? 0}秒`);

/** How a connection ended, as a clause that can open a sentence or sit in parentheses. */
const CAUSES: Record<CloseCause, string> = {
  network: '网络连接在没有 DISCONNECT 的情况下断开',
  reset: '连接在没有 DISCONNECT 的情况下被重置（TCP RST）',
  keepAlive: '客户端超出保活窗口仍未发送任何报文',
  clientDisconnect: '客户端发送了 DISCONNECT',
  protocolError: '服务器因协议错误关闭了连接',
  malformed: '服务器因畸形报文关闭了连接',
  takeover: '另一个连接接管了它的客户端标识符',
  adminKick: '管理员踢出了该客户端',
  shutdown: '服务器已关闭',
};

const cause = (p: P) =>
  p.cause === 'clientDisconnect' && typeof p.reason === 'number' && p.reason !== 0
    ? `客户端发送了原因码为 ${hex(p.reason)} 的 DISCONNECT（只有 0x00 才会删除遗嘱消息）`
    : (CAUSES[(p.cause as CloseCause) ?? 'network'] ?? String(p.cause));

/**
 * The will properties a delivery carried, in the order they travel. Property names shown with their
 * value stay as in the spec (docs/glossary-zh.md), like the packet fields of the trace.
 */
function willPropsText(p: WillProps): string {
  const parts: string[] = [];
  if (p.payloadFormatIndicator) parts.push('Payload Format Indicator 1（UTF-8）');
  if (p.contentType !== undefined) parts.push(`Content Type ${q(p.contentType)}`);
  if (p.responseTopic !== undefined) parts.push(`Response Topic ${q(p.responseTopic)}`);
  if (p.correlationData !== undefined) parts.push(`Correlation Data ${q(p.correlationData)}`);
  if (p.userProperties?.length)
    parts.push(`User Properties ${p.userProperties.map((u) => `${q(u.name)} = ${q(u.value)}`).join('、')}`);
  return parts.length ? `，带有 ${parts.join('，')}` : '';
}

/** Will Delay and Session Expiry end at the same instant. */
const tie = (p: P) => p.delay !== null && p.delay !== undefined && p.delay === p.sessionExpiry;

/** "，消息过期间隔还剩 N 秒" when the delivery carries a Message Expiry. */
const expiryLeft = (p: P) =>
  p.messageExpiry !== null && p.messageExpiry !== undefined ? zh`，消息过期间隔还剩${p.messageExpiry}秒` : '';

const WHY: Record<WhyCode, (p: P, v: ProtocolLevel) => string> = {
  'conn.accepted': (p) => `服务器接受了 CONNECT（CONNACK 0x00，Session Present ${p.sessionPresent ? 1 : 0}）。`,
  'conn.refused.qos': () =>
    '遗嘱消息要求的 QoS 高于服务器的 Maximum QoS，因此 CONNECT 被拒绝（0x9B），遗嘱消息也不会保存。',
  'conn.refused.retain': () =>
    '遗嘱消息要求保留，但服务器不支持保留消息，因此 CONNECT 被拒绝（0x9A），遗嘱消息也不会保存。',
  'conn.refused.emptyWill': (_p, v) =>
    v === 5
      ? '服务器拒绝了这个 CONNECT，因为它的遗嘱消息载荷为空（CONNACK 0x81）。'
      : '服务器拒绝了这个 CONNECT，因为它的遗嘱消息载荷为空。',
  'conn.refused.willQos3': (p) =>
    p.reason === null
      ? '遗嘱 QoS 不能是 3，因此这个 CONNECT 无效：服务器不发送 CONNACK，直接关闭网络连接。不会创建会话，也不会保存遗嘱消息。'
      : `遗嘱 QoS 为 3 使 CONNECT 成为畸形报文，服务器拒绝了它（CONNACK ${hex(p.reason)}）并关闭连接。不会创建会话，也不会保存遗嘱消息。`,
  'conn.refused.willTopic': (p) => {
    const what =
      p.problem === 'topic.empty'
        ? '遗嘱主题为空'
        : p.problem === 'topic.null'
          ? '遗嘱主题包含空字符（U+0000）'
          : '遗嘱主题包含通配符（+ 或 #）';
    return p.reason === null
      ? `${what}，而主题名不允许这样：服务器不发送 CONNACK，直接关闭网络连接。不会创建会话，也不会保存遗嘱消息。`
      : `${what}，而主题名不允许这样：服务器拒绝了这个 CONNECT（CONNACK ${hex(p.reason)}）并关闭连接。不会创建会话，也不会保存遗嘱消息。`;
  },
  'conn.refused.clientId': (_p, v) =>
    v === 4
      ? '在 MQTT 3.1.1 中，长度为 0 的客户端标识符必须配合 CleanSession 1 使用：连接被拒绝，返回码 0x02。'
      : '服务器拒绝了这个客户端标识符。',
  'conn.clientIdAssigned': (p) => `客户端标识符为空，服务器为它分配了${q(p.clientId)}。`,
  'conn.closed.network': () => '网络连接在没有 DISCONNECT 的情况下关闭，服务器将其视为连接故障。',
  'conn.closed.reset': () => '连接被重置（TCP RST）：对 MQTT 来说，这与网络故障没有区别。',
  'conn.closed.keepAlive': (p) => {
    const ka = p.serverKeepAlive
      ? zh`Server Keep Alive（${p.keepAlive}秒，这是服务器的取值，取代了客户端的取值）`
      : zh`保活时间（${p.keepAlive}秒）`;
    const closed =
      typeof p.disconnect === 'number'
        ? `发送了 DISCONNECT ${hex(p.disconnect)}（保活超时）并关闭了连接`
        : '按网络故障处理，关闭了连接';
    if (p.tick !== undefined)
      return zh`服务器用每个连接自己的定时器检查保活（CONNECT 后${p.firstTick}秒第一次触发，之后每${p.tick}秒一次）。直到自最后一个报文以来的触发次数乘以${p.tick}秒超过${ka}的${p.factor}倍，都没有收到客户端的任何报文：服务器便${closed}。`;
    if (p.sweep !== undefined)
      return zh`超过${ka}的${p.factor ?? 1.5}倍（按整秒计）仍未收到客户端的任何报文；服务器每${p.sweep}秒做一次保活检查，在检查时发现了这一点，便${closed}。`;
    if (p.grace !== undefined)
      return zh`${p.grace}秒内（${ka}的${p.factor ?? 1.5}倍，取整到整秒）没有收到客户端的任何报文，服务器便${closed}。`;
    return zh`在${ka}的${p.factor ?? 1.5}倍时间内没有收到客户端的任何报文，服务器便${closed}。`;
  },
  'conn.closed.qosNotSupported': (p) =>
    zh`客户端以 QoS ${p.qos}发布，高于服务器公布的 Maximum QoS ${p.maximumQos}：这是协议错误。服务器发送了 DISCONNECT 0x9B（不支持的 QoS），关闭了连接，也没有转发这条消息。`,
  'conn.closed.retainNotSupported': () =>
    '服务器已公布 Retain Available 0，客户端却以 RETAIN 1 发布：这是协议错误。服务器发送了 DISCONNECT 0x9A（不支持保留消息），关闭了连接，也没有转发这条消息。',
  'conn.closed.clientDisconnect': (p, v) =>
    v === 5
      ? `客户端发送了原因码为 ${hex(p.reason)} 的 DISCONNECT，并关闭了连接。`
      : '客户端发送了 DISCONNECT，并关闭了连接。',
  'conn.closed.protocolError': (p) =>
    typeof p.disconnect === 'number'
      ? `在同一个连接上再次发送 CONNECT 属于协议错误：服务器发送了 DISCONNECT ${hex(p.disconnect)} 并关闭了连接。`
      : '在同一个连接上再次发送 CONNECT 属于协议错误：服务器关闭了连接。',
  'conn.closed.seiRaised': () =>
    'DISCONNECT 把原本为 0 的会话过期间隔改成了非零值，这是协议错误：这个 DISCONNECT 不算有效，服务器回复 0x82 并关闭连接。',
  'conn.closed.malformed': (p, v) =>
    typeof p.disconnect === 'number'
      ? `服务器收到畸形报文，发送 DISCONNECT ${hex(p.disconnect)} 后关闭了连接。`
      : v === 5 && p.reason !== undefined
        ? `${hex(p.reason)} 不是 DISCONNECT 可用的原因码，因此该报文是畸形报文：服务器关闭了连接。`
        : '服务器收到畸形报文，关闭了连接。',
  'conn.closed.takeover': (p, v) =>
    v === 5 && p.disconnect !== null
      ? '服务器接受了一个使用相同客户端标识符的新连接：它向这个旧连接发送 DISCONNECT 0x8E（会话被接管），然后将其关闭。'
      : '服务器接受了一个使用相同客户端标识符的新连接：它关闭了这个旧连接。',
  'conn.closed.adminKick': (_p, v) =>
    v === 5 ? '管理员踢出了该客户端（DISCONNECT 0x98）。' : '管理员踢出了该客户端。',
  'conn.closed.shutdown': (p, v) =>
    v === 5 && p.disconnect !== null ? '服务器已关闭（DISCONNECT 0x8B）。' : '服务器已关闭。',
  'keepAlive.inForce': (p) => zh`保活时间为${p.keepAlive}秒，现已生效。`,
  'keepAlive.off': () =>
    '这个连接的 Keep Alive 为 0，服务器不会为它维持保活窗口：如果它陷入静默或成了半开连接，只有网络层面的断开才能结束它。',
  'keepAlive.server': (p) =>
    zh`服务器在 CONNACK 中发送了${p.keepAlive}秒的 Server Keep Alive：它取代了客户端请求的${p.requested}秒，服务器的 1.5 倍保活窗口也按它计算。`,
  'ping.sent': () => '客户端在一个保活时间内没有发送任何报文，因此发送了 PINGREQ。',
  'session.created.cleanStart': (_p, v) =>
    v === 5
      ? 'Clean Start 1：丢弃已有的会话（如果有），开始一个新会话（Session Present 0）。'
      : 'CleanSession 1：新建一个只在本次连接期间存在的会话（Session Present 0）。',
  'session.created.noneStored': (_p, v) =>
    v === 5
      ? 'Clean Start 0，但这个客户端标识符没有已保存的会话：新建一个会话（Session Present 0）。'
      : 'CleanSession 0，但没有已保存的会话：新建一个会话（Session Present 0）。',
  'session.resumed': (_p, v) =>
    v === 5
      ? 'Clean Start 0，且存在已保存的会话：服务器恢复该会话（Session Present 1）。'
      : 'CleanSession 0，且存在已保存的会话：服务器恢复该会话（Session Present 1）。',
  'session.kept.expires': (p) => `连接关闭后，会话按其会话过期间隔（${sei(p)}）继续保留。`,
  'session.kept.never': (_p, v) =>
    v === 5
      ? '会话过期间隔为 0xFFFFFFFF：会话永不过期。'
      : 'CleanSession 0：连接关闭后会话继续保留；MQTT 3.1.1 没有会话过期的概念。',
  'session.kept.cached': (_p, v) =>
    v === 4
      ? 'NanoMQ 会缓存 CleanSession 0 的会话。'
      : 'NanoMQ 会缓存 Clean Start 0 的会话，即使会话过期间隔为 0 也不例外。',
  'session.ended.closedSeiZero': (p, v) =>
    v === 5
      ? zh`会话过期间隔为${p.sessionExpiry ?? 0}（未设置时按 0 处理）：连接关闭时，会话随之结束。`
      : 'CleanSession 1：会话只在连接存续期间有效。',
  'session.ended.expired': (p) => `会话过期间隔（${sei(p)}）已过，其间没有连接来恢复会话：会话结束。`,
  'session.ended.cleanStart': (_p, v) =>
    v === 5 ? '一个 Clean Start 1 的新连接丢弃了这个会话。' : '一个 CleanSession 1 的新连接丢弃了这个会话。',
  'session.ended.adminDiscard': () => '管理员丢弃了这个会话。',
  'session.ended.brokerStopped': () =>
    '服务器在未启用持久化的情况下停止，丢失了这个会话；否则，会话过期间隔本会让它继续保留。',
  'session.ended.cleanStartNotKept': (_p, v) =>
    v === 4
      ? 'NanoMQ 不保留 CleanSession 1 的会话。'
      : 'NanoMQ 不保留 Clean Start 1 的会话，无论其会话过期间隔是多少。',
  'session.ended.cachedSessionClosed': () => 'NanoMQ 的周期定时器关闭了缓存的会话。',
  'session.expiryChanged': (p) => `DISCONNECT 把会话过期间隔从 ${seconds(p.from)}改为 ${seconds(p.to)}。`,
  'session.expiryRaisedAccepted': (p) =>
    `DISCONNECT 把会话过期间隔从 ${seconds(p.from)}提高到 ${seconds(p.to)}，服务器接受了这个新值。`,
  'session.ended.notPersisted': (_p, v) =>
    `服务器停止时只把 ${v === 4 ? 'CleanSession 0' : 'Clean Start 0'} 的会话写入持久化存储：这个会话因此丢失。`,
  'session.restoredNoExpiry': () => '会话已从持久化存储中读回；在它的客户端再次连接之前，这个会话不会过期。',
  'session.ended.inMemoryOnly': () =>
    '无论是否启用持久化，服务器都只在内存中保存 MQTT 会话：这次重启让这个会话丢失了。',
  'session.expiryCapped': (p) =>
    `服务器授予的会话过期间隔是 ${seconds(p.granted)}，而不是请求的 ${seconds(p.requested)}，并在 CONNACK 中告知了客户端。`,
  'will.stored': (_p, v) =>
    v === 5
      ? 'CONNECT 携带了遗嘱消息：服务器把它和会话保存在一起。'
      : 'CONNECT 携带了遗嘱消息：服务器把它和这个网络连接保存在一起。',
  'will.deleted.normalDisconnect': (_p, v) =>
    v === 5
      ? '客户端发送了原因码为 0x00（正常断开）的 DISCONNECT，遗嘱消息被删除，不会发布。'
      : '客户端发送了 DISCONNECT，遗嘱消息被删除，不会发布。',
  'will.deleted.quirkAnyDisconnect': (p) =>
    `这个服务器收到任何 DISCONNECT 都会删除遗嘱消息；这次的原因码是 ${hex(p.reason)}。`,
  'will.deleted.quirkTakeover': () => '接管保留了会话时，这个服务器会删除旧的遗嘱消息。',
  'will.deleted.quirkSecondConnect': () =>
    '客户端发送了第二个 CONNECT：服务器把它的遗嘱消息和会话连同这个失败的 CONNECT 一起丢弃，然后关闭了连接。',
  'will.deleted.quirkNewConnection': () =>
    '遗嘱消息还在等待遗嘱延迟时，这个客户端标识符的新连接到达：服务器删除了遗嘱消息，没有发布。',
  'will.published.seiZeroDelayed': (p) =>
    zh`会话过期间隔为 0，会话在连接关闭时（${sec(p.closedAt)}）就已结束，但服务器仍让遗嘱消息等满${p.delay}秒的遗嘱延迟才发布。`,
  'will.published.flushedAtShutdown': () =>
    '服务器正在停止，它现在就发布所有遗嘱消息，不再等待遗嘱延迟：既包括刚被它断开的客户端的遗嘱消息，也包括已经在等待的遗嘱消息。',
  'will.heldBehind': (p) =>
    `遗嘱延迟已到，但服务器的列表中排在它前面的一条遗嘱消息延迟更短或相同、却还没到期：它要等到 ${sec(p.until)}。`,
  'will.published.v4Closed': (p) =>
    `在 MQTT 3.1.1 中，遗嘱消息属于网络连接：连接一关闭就发布，与 CleanSession 的取值无关。这次关闭的原因：${cause(p)}。`,
  'will.published.sessionEndsAtClose': (p) =>
    zh`${cause(p)}，而会话也随即结束（会话过期间隔为${p.sessionExpiry ?? 0}），因此无论遗嘱延迟多长都不再等待。`,
  'will.published.noDelay': (p) => `${cause(p)}，而遗嘱消息没有遗嘱延迟，因此立即发布。`,
  'will.published.delayElapsed': (p) =>
    tie(p)
      ? zh`遗嘱延迟和会话过期间隔都是${p.delay}秒：连接于${sec(p.closedAt)}关闭，${p.delay}秒后两者同时到期，遗嘱消息随即发布。`
      : zh`连接于${sec(p.closedAt)}关闭，${p.delay}秒的遗嘱延迟在会话结束之前到期。`,
  'will.published.sessionExpired': (p) =>
    tie(p)
      ? zh`遗嘱延迟和会话过期间隔都是${p.delay}秒：两者在连接关闭${p.delay}秒后同时到期，遗嘱消息随即发布。`
      : zh`会话在连接关闭${p.sessionExpiry ?? 0}秒后过期，早于${p.delay}秒的遗嘱延迟：两者以先到者为准。`,
  'will.published.cleanStart': (_p, v) =>
    `遗嘱消息等待期间，一个 ${v === 4 ? 'CleanSession 1' : 'Clean Start 1'} 的新连接结束了会话：遗嘱消息立即发布。`,
  'will.published.adminDiscard': () => '管理员丢弃了会话，因此正在等待的遗嘱消息被发布。',
  'will.published.brokerStopped': () => '服务器停止并丢失了会话，因此正在等待的遗嘱消息立即发布。',
  'will.published.cachedSessionClosed': () => 'NanoMQ 直到定时器关闭了缓存的会话，才发布遗嘱消息。',
  'will.published.cleanStartNotKept': (_p, v) =>
    v === 4
      ? 'NanoMQ 不保留 CleanSession 1 的会话，因此遗嘱消息在连接关闭时就发出。'
      : 'NanoMQ 不保留 Clean Start 1 的会话，因此遗嘱消息在连接关闭时就发出，忽略了遗嘱延迟。',
  'will.scheduled': (p) =>
    p.sessionEnd === null
      ? zh`遗嘱消息要等到遗嘱延迟（${p.delay}秒）到期或会话结束（这个会话永不过期），以先到者为准。`
      : zh`遗嘱消息要等到遗嘱延迟（${p.delay}秒）到期，或会话在${sec(p.sessionEnd)}结束，以先到者为准。`,
  'will.cancelled.resumed': () => '遗嘱延迟到期之前，新连接恢复了这个会话，因此不得发送遗嘱消息。',
  'will.withheld.cachedSession': (_p, v) =>
    `NanoMQ 缓存了 ${v === 4 ? 'CleanSession 0' : 'Clean Start 0'} 的会话，扣下了遗嘱消息，没有发布。`,
  'will.retainIgnored': () => '这个服务器忽略遗嘱保留标志（Will Retain），以非保留消息的形式发布遗嘱。',
  'will.retainNotStored': (p) => `遗嘱消息以 RETAIN 1 发出，但服务器没有把它保存为${q(p.topic)}的保留消息。`,
  'will.messageExpiryDropped': () =>
    '遗嘱消息带有消息过期间隔；服务器发布它时没有带上这个间隔，因此排队中的副本永不过期。',
  'will.deleted.quirkShutdown': () =>
    '服务器停止时没有发布这条遗嘱消息：它的会话随之结束，遗嘱消息没有送达任何订阅者。',
  'message.delivered': (p) => `以消息 QoS 和订阅 QoS 中较低者投递${expiryLeft(p)}。`,
  'message.resent': () =>
    '这条消息在连接关闭前已经发出，但一直没有得到确认：会话恢复时，服务器以 DUP 1 重新发送它，不论它的消息过期间隔如何（它的投递已经开始）。',
  'message.deliveredRetained': () => '新的订阅会收到这条保留消息，并带有 RETAIN 1。',
  'message.queued': () => '订阅者离线，但它的会话仍然存在：QoS 1 和 QoS 2 的消息在会话中排队等待。',
  'message.queueDelivered': (p) => `重新连接时，从会话的队列中投递${expiryLeft(p)}。`,
  'message.expired': (p) => zh`消息过期间隔（${p.expiry}秒，从发布时算起）在投递之前已过：消息被丢弃。`,
  'message.qos0NotQueued': () => '订阅者离线，而这份消息是 QoS 0：服务器不会为它排队。',
  'message.queuedQos0BehindUnacked': () =>
    '订阅者离线，这份消息是 QoS 0，但已有一条 QoS 1 或 2 的消息在等待确认：服务器把这一份排在它后面。',
  'message.retained': () => '以 RETAIN 1 发布：服务器把它保存为该主题的保留消息，不属于任何会话。',
  'message.retainCleared': () => '载荷为空的保留消息会清除该主题的保留消息，它本身不会被保存。',
  'message.retainedExpired': (p) => zh`保留消息的消息过期间隔（${p.expiry}秒）已过：消息被丢弃。`,
  'message.retainedLost': () => '服务器在未启用持久化的情况下重启：保留消息全部丢失。',
  'message.droppedWithSession': () => '会话结束了，会话中等待的消息也随之丢弃。',
  'step.notConnected': () => '这一步需要客户端处于连接状态；客户端没有连接，因此什么也不会发生。',
  'step.alreadyConnected': () => '客户端已经连接，因此忽略这一步。',
  'step.silent': () => '客户端处于静默状态（不发送任何报文），因此忽略这一步。',
  'step.takeoverTargetGone': (p) => `${q(p.of)}没有连接，所以这是一次普通的连接，而不是接管。`,
  'step.takeoverWrongClientId': () => '这两个客户端的客户端标识符不同。',
  'step.notSubscribed': (p) => `此前没有对${q(p.filter)}的订阅。`,
  'broker.persistenceIgnored': () => '这个服务器只在内存中保存会话和保留消息：重启之后什么也不会留下。',
  'packet.reservedIgnored': () => '服务器丢弃了保留类型 0 的报文，连接保持打开。',
  'broker.restarted': (p) =>
    p.persistence === 'persist'
      ? '服务器在启用持久化的情况下重启：会话和保留消息都得以保留。'
      : '服务器在未启用持久化的情况下重启：会话和保留消息全部丢失。',
  'run.truncated': (p) => zh`运行在${num(p.events)}个事件之后停止，没有运行到结束时间。`,
};

const ACTIONS: Record<StepAction, string> = {
  connect: '连接',
  reconnect: '重新连接',
  drop: '网络断开',
  reset: '连接重置',
  silence: '保活静默',
  disconnect: 'DISCONNECT',
  takeover: '接管',
  protoerr: '第二个 CONNECT（协议错误）',
  badpacket: '畸形报文',
  publish: '发布',
  subscribe: '订阅',
  unsubscribe: '取消订阅',
  kick: '管理员踢出',
  brokerRestart: '服务器重启',
};

/** Units of a size limit, as recorded by src/scenario/validate.ts. */
const unit = (u: unknown) => (u === 'characters' ? '个字符' : u === 'items' ? '项' : '');

/** Names of the types a field may need (src/scenario/validate.ts passes zod's name). */
const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: 'true 或 false',
  object: '对象',
  array: '列表',
  null: 'null',
};
const typeName = (t: unknown) => TYPE_NAMES[String(t)] ?? String(t);

/** The value found (validate.ts `describeValue`): its kind, and the value itself when short. */
function value(p: ProblemParams): string {
  switch (p.gotKind) {
    case 'nothing':
      return '空（没有值）';
    case 'null':
      return 'null';
    case 'array':
      return '列表';
    case 'object':
      return '对象';
    case 'longText':
      return zh`长度为${num(p.gotLength)}个字符的文本`;
    default:
      return String(p.got);
  }
}

/** The allowed values (a JSON array) as "0、1 或 2". */
function orList(allowed: unknown): string {
  let values: unknown[];
  try {
    values = JSON.parse(String(allowed)) as unknown[];
  } catch {
    return String(allowed);
  }
  const words = values.map((v) => JSON.stringify(v));
  return words.length > 1 ? `${words.slice(0, -1).join('、')} 或 ${words[words.length - 1]}` : (words[0] ?? '');
}

const PROBLEMS: Record<ProblemCode, (p: ProblemParams) => string> = {
  missing: (p) => zh`缺失（应为${typeName(p.expected)}）`,
  type: (p) => zh`应为${typeName(p.expected)}，而不是${value(p)}`,
  tooBig: (p) => (unit(p.unit) ? zh`最多${p.max}${unit(p.unit)}` : zh`不能大于${p.max}`),
  tooSmall: (p) => (unit(p.unit) ? zh`至少需要${p.min}${unit(p.unit)}` : zh`不能小于${p.min}`),
  notAllowed: (p) => zh`应为${orList(p.allowed)}，而不是${value(p)}`,
  unknownAction: (p) => zh`必须是以下之一：${p.allowed}`,
  shape: () => '结构不符合预期',
  // The text of an unexpected validator message, which only exists in English.
  custom: (p) => String(p.text),
  'topic.empty': () => '主题名至少要有一个字符',
  'topic.wildcard': () => '主题名不能包含“+”或“#”',
  'topic.null': () => '主题名不能包含空字符（U+0000）',
  'filter.empty': () => '主题过滤器至少要有一个字符',
  'filter.hash': () => '“#”必须独占一个层级，并且只能是最后一级',
  'filter.plus': () => '“+”必须独占一个层级',
  'filter.null': () => '主题过滤器不能包含空字符（U+0000）',
  reservedName: () => '以“$”开头的名称保留给隐含的观察者使用',
  emptyName: () => '客户端名称不能为空',
  reservedClientId: () => '这个客户端标识符是保留的，不能使用',
  userProperties: (p) => zh`用户属性最多${p.max}个`,
  willInvalid: (p) =>
    `${p.problem === 'willQos3' ? '遗嘱 QoS 只能是 0、1 或 2，不能是 3' : (PROBLEMS[p.problem as ProblemCode]?.(p) ?? String(p.problem))}；如果想模拟服务器拒绝这个 CONNECT，请在遗嘱中加上 "allowInvalid": true`,
  duplicateName: (p) => `${q(p.name)}被两个客户端同时使用；客户端名称必须唯一`,
  unknownClient: (p) => `不是任何客户端的名称（现有客户端：${p.known || '无'}）`,
  takeoverClientId: (p) => `${q(p.of)}的客户端标识符是${q(p.ofId)}，而不是${q(p.id)}：接管需要相同的客户端标识符`,
  afterEnd: (p) => zh`晚于运行的结束时间（${p.end}秒）`,
  publishNeedsTopic: () => '发布步骤需要“topic”或“topicOf”',
  topicOfNoWill: (p) => `${q(p.name)}不是带有遗嘱消息的客户端`,
  notCase: () => '必须是一个用例对象',
  duplicateId: (p) => `${q(p.id)}出现了两次；ID 必须唯一`,
  emptyCases: () => '用例列表为空',
  tooLong: (p) => zh`长度为${num(p.length)}字节，最多只接受${num(p.max)}字节`,
  tooDeep: (p) => zh`列表和对象的嵌套超过了${p.max}层（在第${p.line}行、第${p.column}列）；场景从来不需要这么深的嵌套`,
  tooManyBytes: (p) => zh`按 UTF-8 编码共${num(p.bytes)}字节，最多只接受${num(p.max)}字节`,
  loneSurrogate: () => '包含一个损坏的字符（孤立的 UTF-16 代理项），UTF-8 文本无法容纳它',
  nullChar: () => '不能包含空字符 U+0000（MQTT 字符串中从来不会出现它）',
  json: (p) => `不是有效的 JSON：${p.detail}`,
  notDocument: () => '必须是一个场景对象或用例列表',
  formatWrong: (p) => zh`应为${q(p.expected)}，而不是${p.got}`,
  formatMissing: (p) => `缺失：场景文件应以 "format": "${p.expected}" 开头（也可以使用 FORMAT.md 格式的用例列表）`,
  versionUnknown: (p) => zh`当前程序只能读取第 1 版场景格式，无法识别版本${value(p)}`,
};

const MACHINE = { client: '客户端', connection: '连接', session: '会话' } as const;

export const zhEngine: Catalog = {
  problem: PROBLEMS,
  locale: 'zh-CN',
  why: WHY,
  seconds: (msValue) => sec(msValue),
  clientLabel: (name) => (name === '$observer' ? '观察者' : name === '$offline' ? '离线订阅者' : name),
  broker: '服务器',
  action: (a) => ACTIONS[a] ?? a,
  deviation: (label, source, instead) =>
    instead ? `${label} 在这里偏离了规范（${source}）：规范${instead}。` : `${label} 在这里偏离了规范（${source}）。`,
  specInstead: {
    'will.withheld.cachedSession': '会在会话结束时（会话过期间隔为 0 时就是连接关闭时）或遗嘱延迟到期后发布遗嘱消息',
    'session.kept.cached': '只在会话过期间隔内保留会话（为 0 时完全不保留）',
    'will.published.cachedSessionClosed': '会在“连接关闭后遗嘱延迟到期”与“会话结束”两者中较早的时刻发布遗嘱消息',
    'session.ended.cachedSessionClosed': '会在连接关闭后恰好经过会话过期间隔时结束会话',
    'will.deleted.quirkAnyDisconnect':
      '只在收到 DISCONNECT 0x00 时删除遗嘱消息；0x04 和各种错误原因码都会让遗嘱消息发布',
    'will.deleted.quirkTakeover': '会在遗嘱延迟为 0 时，于接管那一刻发布旧的遗嘱消息',
    'will.published.cleanStartNotKept':
      '会按会话过期间隔保留会话，并等待遗嘱延迟（Clean Start 只决定是否恢复已有的会话）',
    'session.ended.cleanStartNotKept': '会按会话过期间隔保留会话',
    'will.retainIgnored': '会把 Will Retain 为 1 的遗嘱消息作为保留消息发布',
    'conn.closed.keepAlive': '会在静默达到保活时间的 1.5 倍时关闭连接，保活时间为 0 时则永不关闭',
    'will.deleted.quirkNewConnection':
      '会在新连接结束会话时（Clean Start 1，或会话过期间隔为 0）发布遗嘱消息，只有会话被恢复时才取消它',
    'will.deleted.quirkSecondConnect': '会在因协议错误关闭连接时发布遗嘱消息，并按会话过期间隔保留会话',
    'will.published.seiZeroDelayed': '会在会话过期间隔为 0 时，于连接关闭那一刻就发布遗嘱消息：会话先结束了',
    'will.heldBehind': '会在每条遗嘱消息自己的延迟到期时发布它',
    'will.published.delayElapsed': '会在连接关闭后恰好经过遗嘱延迟时发布遗嘱消息',
    'will.published.sessionExpired': '会在连接关闭后恰好经过会话过期间隔时发布遗嘱消息',
    'session.ended.expired': '会在连接关闭后恰好经过会话过期间隔时结束会话',
    'conn.closed.takeover': '会先向旧连接发送 DISCONNECT 0x8E（会话被接管）',
    'conn.refused.willQos3': '会先向 5.0 客户端发送 CONNACK 0x81（畸形报文）再关闭连接',
    'conn.refused.willTopic': '会先向 5.0 客户端发送 CONNACK 0x90（主题名无效）再关闭连接',
    'conn.closed.shutdown': '会先向 5.0 客户端发送 DISCONNECT 0x8B（服务器正在关闭）',
    'conn.closed.malformed': '可以不发送 DISCONNECT 直接关闭连接，也可以发送 0x81（畸形报文）',
    'will.published.flushedAtShutdown': '允许在启用持久化时让等待中的遗嘱消息跨越重启继续等待（§3.1.2.5）',
    'session.ended.notPersisted': '会保留每个设置了会话过期间隔的会话，无论 Clean Start 取何值',
    'session.restoredNoExpiry': '无论是否重启，都会在连接关闭后经过会话过期间隔时结束会话',
    'conn.closed.protocolError': '会直接关闭连接，不发送 DISCONNECT',
    'message.queuedQos0BehindUnacked': '不会为离线订阅者排队 QoS 0 消息',
    'will.deleted.quirkShutdown':
      '会发布停止时仍连接着的客户端的遗嘱消息；正在等待延迟的遗嘱消息在未启用持久化时立即发布，启用持久化时跨越重启继续等待',
    'session.ended.inMemoryOnly': '启用持久化时会在重启后保留会话',
    'message.delivered': '向 3.1.1 订阅者实时投递时总会清除 RETAIN 标志 [MQTT-3.3.1-9]',
    'will.retainNotStored': '会把 Will Retain 为 1 的遗嘱消息保存为该主题的保留消息',
    'will.messageExpiryDropped': '会带着消息过期间隔发布遗嘱消息：为离线订阅者排队的副本会过期',
    'conn.refused.emptyWill': '会接受载荷为空的遗嘱消息（长度为 0 的二进制数据），像其他遗嘱消息一样发布',
    'session.expiryRaisedAccepted':
      '会把在 DISCONNECT 中把会话过期间隔从 0 提高视为协议错误：发送 DISCONNECT 0x82，并发布遗嘱消息',
    'broker.persistenceIgnored': '在启用持久化时会跨越重启保留会话和保留消息',
    'packet.reservedIgnored': '会把保留类型 0 的报文视为畸形报文并关闭连接',
  },
  profileHint: (summary, c, sourceOnly) => {
    const checked =
      c.kind === 'specCases'
        ? `已用 ${c.cases} 个规范用例的预期结果检验。`
        : c.kind === 'broker'
          ? `已实测：${c.broker} ${c.version} 的 ${c.cases} 个录制用例（${c.date}）与它一致。`
          : '未实测：根据服务器的源代码和问题报告建模。';
    const points =
      sourceOnly > 0
        ? `其中 ${sourceOnly} 处偏离仅来自阅读源代码。`
        : c.kind === 'broker'
          ? '没有哪一处偏离仅来自阅读源代码。'
          : '';
    return `${summary ?? ''}${checked}${points}`;
  },
  profileLabel: {
    spec: '严格遵循规范',
    'nanomq-0.23.2': 'NanoMQ 0.23.2',
    'nanomq-0.23.3': 'NanoMQ 0.23.3',
    'mosquitto-2.0': 'Mosquitto 2.0',
    'ejabberd-23.01': 'ejabberd 23.01',
  },
  profileSummary: {
    'ejabberd-23.01':
      'ejabberd 23.01（mod_mqtt）：把 1.5 倍保活时间取整到整秒；关闭连接前先发送 DISCONNECT：保活超时发 0x8D，畸形报文发 0x81，第二个 CONNECT 发 0x82；离线会话会把 QoS 0 消息排在尚未确认的 QoS 1 或 2 消息之后。',
    spec: '严格按照 MQTT 5.0 和 3.1.1 规范行事；规范有歧义之处，采用文档中写明的选择。',
    'mosquitto-2.0':
      'Mosquitto 2.0.11：遗嘱延迟和会话过期按整秒处理，每 6 秒检查一次保活；除 0x04 以外的任何 DISCONNECT 都会删除遗嘱消息；保留会话的接管不发布遗嘱消息，新连接到达时会丢弃正在等待的遗嘱消息；会话过期间隔为 0 时仍等待遗嘱延迟（mosquitto#3505）；延迟更短的遗嘱消息会挡住排在后面的遗嘱消息；不发送 DISCONNECT 0x8E 或 0x8B；停止时发布所有正在等待的遗嘱消息。',
    'nanomq-0.23.2':
      'NanoMQ 0.23.2，实测：Clean Start 0 的客户端断线时扣下其遗嘱消息并保留会话，会话过期间隔为 0 也不例外（nanomq#1989）；用每个连接自己的定时器（CONNECT 后 15 秒，之后每 10 秒）检查保活和缓存的会话，静默达到保活时间的 1.25 倍时关闭连接，保活为 0 也不例外；遗嘱延迟从 CONNECT 时开始计算；任何 DISCONNECT 都会删除遗嘱消息；从不保留 Clean Start 1 的会话；接管时缓存旧会话；不发送 DISCONNECT 0x8E 或 0x8B；忽略保留类型的报文；拒绝载荷为空的遗嘱消息；投递保留遗嘱消息但不保存它；重启时什么都不保留，遗嘱消息也一并丢失。',
    'nanomq-0.23.3':
      'NanoMQ 0.23.3，实测：与 0.23.2 相同，只是会话过期间隔为 0 的缓存会话现在会在其连接定时器的下一次触发时关闭，因此断线的 Clean Start 0 客户端的遗嘱消息会在那时发出：迟到了，但不再是永远不发（“NanoNNG 9551ebe”）。',
  },
  entry: {
    step: (e) => `第 ${e.index + 1} 步：${ACTIONS[e.action]}`,
    packet: (e, who) => {
      const d = e.detail;
      const extra: string[] = [];
      if (e.type === 'CONNECT')
        extra.push(
          `Clean Start ${d.cleanStart ? 1 : 0}`,
          `Keep Alive ${d.keepAlive}`,
          d.hasWill ? '带遗嘱消息' : '无遗嘱消息',
        );
      if (e.type === 'CONNECT' && d.sessionExpiry !== undefined)
        extra.push(d.sessionExpiry === null ? '未设置 Session Expiry' : `Session Expiry ${d.sessionExpiry}`);
      if (e.type === 'CONNACK')
        extra.push(d.reason ? `拒绝 ${hex(d.reason)}` : `Session Present ${d.sessionPresent ? 1 : 0}`);
      if (e.type === 'DISCONNECT' && d.reason !== undefined) extra.push(`原因码 ${hex(d.reason)}`);
      if (e.type === 'DISCONNECT' && d.sessionExpiry !== undefined) extra.push(`Session Expiry ${d.sessionExpiry}`);
      if (e.type === 'PUBLISH') extra.push(q(d.topic), `QoS ${d.qos}`, d.retain ? 'RETAIN 1' : '');
      if (e.type === 'SUBSCRIBE' || e.type === 'UNSUBSCRIBE') extra.push(q(d.filter));
      const arrow = e.dir === 'in' ? `${who} → 服务器` : `服务器 → ${who}`;
      const shown = extra.filter(Boolean);
      return `${arrow}：${e.type}${shown.length ? `（${shown.join('，')}）` : ''}`;
    },
    timer: (e, who) => {
      const names = {
        keepAlive: '保活窗口',
        willDelay: '遗嘱延迟',
        sessionExpiry: '会话过期',
        ping: 'PINGREQ',
      };
      const op = { armed: '已启动', cancelled: '已取消', fired: '已到期' }[e.op];
      const due = e.op === 'armed' && e.due !== null ? zh`，将于${sec(e.due)}到期` : '';
      return zh`${who}的${names[e.timer]}定时器${op}${due}`;
    },
    connection: (e, who) =>
      e.op === 'opened'
        ? `连接 ${who}#${e.conn} 已建立`
        : e.op === 'refused'
          ? `连接 ${who}#${e.conn} 被拒绝`
          : `连接 ${who}#${e.conn} 已关闭`,
    session: (e, who) => {
      // Implicit clients ("__observer") have no Client Identifier worth showing: name the client.
      const implicit = e.clientId.startsWith('__');
      const owner = implicit ? who : q(e.clientId);
      if (e.op === 'created') return implicit ? zh`为${who}新建了会话` : zh`为${who}新建了${owner}的会话`;
      if (e.op === 'resumed') return implicit ? zh`为${who}恢复了会话` : zh`为${who}恢复了${owner}的会话`;
      if (e.op === 'kept') return zh`${owner}的会话继续保留`;
      return zh`${owner}的会话已结束`;
    },
    will: (e, who) => {
      const op = {
        stored: '已保存',
        deleted: '已删除',
        scheduled: e.due != null ? zh`已排定在${sec(e.due)}发布` : '已排定发布',
        cancelled: '已取消',
        published: '已发布',
        withheld: '被扣下',
      }[e.op];
      return `${who}#${e.conn} 的遗嘱消息${op}（${q(e.topic)}）`;
    },
    message: (e, who) => {
      const willOf = e.willOf ? `${e.willOf.from}#${e.willOf.conn} 的遗嘱消息` : '';
      const tail = willOf ? `（${willOf}）` : '';
      const forWho = e.to ? zh`（发给${who}）` : '';
      if (e.op === 'delivered') {
        const notes = [`QoS ${e.qos}`, e.retain ? 'RETAIN 1' : '', willOf].filter(Boolean).join('，');
        return zh`${who}收到主题${q(e.topic)}上的${q(e.payload)}（${notes}）${e.props ? willPropsText(e.props) : ''}`;
      }
      if (e.op === 'queued') return zh`主题${q(e.topic)}上的消息已为${who}排队${tail}`;
      if (e.op === 'retained') return `${q(e.payload)}现为主题${q(e.topic)}的保留消息${tail}`;
      if (e.op === 'retainCleared') return `主题${q(e.topic)}的保留消息已清除${tail}`;
      if (e.op === 'expired') return `主题${q(e.topic)}上的消息${forWho}已过期${tail}`;
      return `主题${q(e.topic)}上的消息${forWho}已丢弃${tail}`;
    },
    state: (e) => `${MACHINE[e.machine]} ${e.id} → ${e.value}`,
    note: (_e, who) => (who ? zh`关于${who}的说明` : '说明'),
  },
  outcome: {
    published: (t) => zh`遗嘱消息已于${t}发布`,
    notPublished: '遗嘱消息未发布',
    pending: (t) => zh`遗嘱消息仍在等待：将于${t}到期`,
    noWill: '没有遗嘱消息',
    deletedBy: (t) => zh`于${t}删除`,
  },
};
