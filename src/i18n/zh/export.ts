import type { ExportCatalog } from '../export';
import { hex, q } from './format';

/** Simplified Chinese words of the exports: Mermaid arrow labels and the reproduction script's comments. */

const clip = (s: string, max = 48) => (s.length > max ? `${s.slice(0, max)}…` : s);

export const zhExport: ExportCatalog = {
  locale: 'zh-CN',
  mermaid: {
    header: (title, profile) => `${title || 'MQTT Will Lab 场景'}，服务器行为模型 ${profile}`,
    packet: (e) => {
      const d = e.detail;
      const extra: string[] = [];
      switch (e.type) {
        case 'CONNECT':
          extra.push(
            `Clean Start ${d.cleanStart ? 1 : 0}`,
            `Keep Alive ${d.keepAlive}`,
            d.hasWill ? '带遗嘱' : '无遗嘱',
          );
          if (d.sessionExpiry !== undefined)
            extra.push(d.sessionExpiry === null ? '未设置 Session Expiry' : `Session Expiry ${d.sessionExpiry}`);
          break;
        case 'CONNACK':
          extra.push(d.reason ? `拒绝 ${hex(d.reason)}` : `Session Present ${d.sessionPresent ? 1 : 0}`);
          break;
        case 'DISCONNECT':
          if (d.reason !== undefined) extra.push(hex(d.reason));
          if (d.sessionExpiry !== undefined) extra.push(`Session Expiry ${d.sessionExpiry}`);
          break;
        case 'PUBLISH':
          extra.push(q(clip(d.topic ?? '')), q(clip(d.payload ?? '')), `QoS ${d.qos}`);
          if (d.retain) extra.push('RETAIN 1');
          break;
        case 'SUBSCRIBE':
        case 'UNSUBSCRIBE':
          extra.push(q(clip(d.filter ?? '')));
          break;
        default:
          break;
      }
      return extra.length > 0 ? `${e.type}（${extra.join('，')}）` : e.type;
    },
    delivery: (e, willOf) =>
      `PUBLISH ${q(clip(e.topic))} ${q(clip(e.payload))} QoS ${e.qos}${e.retain ? '，RETAIN 1' : ''}${willOf ? `（${willOf} 的遗嘱消息）` : ''}`,
    closed: (conn, cause) => `连接 ${conn} 已关闭：${cause}`,
    cause: {
      network: '网络断开',
      reset: '连接重置',
      keepAlive: '保活超时',
      clientDisconnect: '客户端发送 DISCONNECT',
      protocolError: '协议错误',
      malformed: '畸形报文',
      takeover: '被接管',
      adminKick: '被管理员踢出',
      shutdown: '服务器关闭',
    },
    truncated: '运行在这里被截断了（事件过多）',
  },
  repro: {
    // One piece: the script joins the pieces with spaces, which Chinese text does not put between clauses.
    header: (title, profile) => [
      `MQTT Will Lab：${q(title || '未命名场景')}的复现脚本（模拟时使用的服务器行为模型：${profile}）。它用 mosquitto_sub 和 mosquitto_pub（mosquitto-clients 2.0 或更高版本）在真实服务器上重放这个场景，并打印观察者收到的内容和时间，方便你把服务器的表现与模拟器的时间线对照。`,
    ],
    usage: '用法：bash repro.sh [主机] [端口]   （默认：127.0.0.1 1883）',
    limitsHeading: '命令行客户端做不到的事，以及这个脚本的替代做法：',
    limits: [
      '网络断开通过 kill -9 杀掉客户端进程来模拟：内核会关闭 TCP 连接，不发送 DISCONNECT。用这种方法无法强制产生 TCP RST，不过 MQTT 对两者的处理相同。',
      '保活静默通过 kill -STOP 来模拟：进程被冻结，套接字仍然开着，因此服务器只能通过保活机制发现它（在 1.5 倍保活时间之后）。',
      'mosquitto_sub 只有在 MQTT 5.0 下收到信号（SIGINT 或 SIGTERM）时才会发送 DISCONNECT 0x04（断开并发布遗嘱消息）。在 MQTT 3.1.1 下，同样的信号会发送普通的 DISCONNECT，而它会删除遗嘱消息。',
      'DISCONNECT 0x00 在 mosquitto_sub 收满指定数量的消息（-C 1）后退出时发送：脚本会向该客户端专用的一个主题发布一条消息。',
      '无法选择其他 DISCONNECT 原因码；第二个 CONNECT（协议错误）、畸形报文、管理员踢出，以及在已建立的连接上订阅，也都无法做到。这些步骤在下文中以注释形式列出。',
      '客户端自己的 PUBLISH 通过另一个 mosquitto_pub 连接发出，因此不会重置该客户端的保活计时。',
      'mosquitto_sub 在服务器关闭它的连接后会自动重连：所以在接管之前，脚本先冻结旧进程（kill -STOP），之后再杀掉它，让它无法把客户端标识符抢回去。',
      '时间只是近似的：脚本在步骤之间用 sleep 等待，而服务器按整秒检查它们的定时器。',
    ],
    testBroker: '请使用测试用的服务器：脚本会原样使用场景中的客户端标识符和主题，并且会先清除这些主题上的保留消息。',
    // Same width for both labels, so the times line up in the terminal.
    scriptLine: '脚本  t = %s 秒：%s',
    observerLine: '观察者 t = %s 秒：%s',
    offlineLine: '离线订阅者：%t %p（QoS %q，RETAIN %r）',
    observerTimes: '观察者打印的时间以 t = 0 为起点（即它订阅之后一秒）。',
    lineBuffering:
      'mosquitto_sub 的输出进入管道时会被缓冲：如果系统里有 stdbuf（GNU coreutils），就用它让每一行立即打印出来。',
    readLoop: '（这里用逐行读取的循环，而不是一个 awk：mawk 从管道读取时按大块读入，打印会延迟。）',
    clearRetained: '清除之前运行时留在这些主题上的保留消息（模拟的服务器启动时是空的）。',
    observer: '观察者：在 t = 0 之前订阅所有遗嘱主题，并打印收到的内容。',
    observerV4: '观察者使用 MQTT 3.1.1，因此实时投递的消息会显示为 RETAIN 0。',
    offlineSubscriber: '离线订阅者：使用持久会话（Clean Start 0，Session Expiry 3600），订阅之后立即离线。',
    offlineReconnect: '离线订阅者在运行结束后回来，打印它的会话中排队的消息（新的订阅也可能再次带来保留消息）。',
    start: '运行开始（t = 0）。',
    end: '运行结束：先停止观察者，再杀掉其余的客户端。',
    stepLine: (t, who, what) => `t = ${t} 秒，${who}：${what}`,
    connect: '连接',
    drop: '网络断开（kill -9）',
    reset: '连接重置（kill -9：无法强制产生 TCP RST；MQTT 把它当作网络断开处理）',
    silence: '保活静默（kill -STOP：服务器在 1.5 倍保活时间后关闭连接）',
    disconnect0: 'DISCONNECT 0x00（在它的专用主题上收到一条消息后退出）',
    disconnect4: 'DISCONNECT 0x04（SIGTERM：MQTT 5.0 下 mosquitto_sub 会发送 0x04）',
    disconnectV4: 'DISCONNECT（SIGTERM：MQTT 3.1.1 下 mosquitto_sub 发送普通的 DISCONNECT）',
    disconnectOther: (code) =>
      `mosquitto_sub 无法发送 DISCONNECT ${code}，这里改用 SIGTERM，发送的是 0x04。按规范，两者都会让遗嘱消息发布；但收到错误原因码就丢弃遗嘱消息的服务器（Mosquitto、NanoMQ）会与模拟器的结果不同。`,
    disconnect0WithSubscriptions:
      'DISCONNECT 0x00 需要借助 -C 1 退出的技巧，但这个客户端有自己的订阅，无法使用；这里改用 SIGTERM，发送的是 0x04，因此遗嘱消息在这里会被发布，与模拟器不同。',
    disconnectSeiV4: '只有 MQTT 5.0 能在 DISCONNECT 中设置会话过期间隔；对这个 3.1.1 客户端忽略此项。',
    takeover: (of) => `接管 ${of}：先冻结旧进程，等服务器关闭它之后再杀掉`,
    publish: '发布（通过另一个 mosquitto_pub 连接）',
    publishV4Expiry: '消息过期间隔只有 MQTT 5.0 才有；这个 3.1.1 发布者不会发送它。',
    cannot: (what) => `无法做到：${what}`,
    protoerr: 'mosquitto_sub 无法在已打开的连接上发送第二个 CONNECT（协议错误）。',
    badpacket: 'mosquitto_sub 无法发送畸形报文。',
    kick: '管理员踢出需要使用服务器自带的管理工具；如果可以，请现在手动操作。',
    subscribe: 'mosquitto_sub 无法在已经打开的连接上订阅。',
    unsubscribe: 'mosquitto_sub 无法在已经打开的连接上取消订阅。',
    brokerRestart: '现在请重启服务器（例如：sudo systemctl restart mosquitto）。',
    afterClose: (s) => `在场景中，这次重连发生在服务器关闭上一个连接 ${s} 秒之后；脚本改用这一步自己的时间。`,
    emptyClientId: 'mosquitto_sub 无法发送空的客户端标识符（由服务器分配）；它会使用自己生成的标识符。',
    keepAliveRange: (asked, used) => `mosquitto_sub 只接受 5 到 65535 的 Keep Alive：${asked} 秒改为 ${used} 秒。`,
    mixedQos: (used) => `mosquitto_sub 订阅所有主题时只能用同一个 QoS：这里统一使用 ${used}。`,
    subscriptionOptions: 'mosquitto_sub 无法设置 No Local 和 Retain Handling；它们保持为 0。',
    v4IgnoresV5: 'MQTT 3.1.1：不发送会话过期间隔、遗嘱延迟间隔等 5.0 属性。',
    nul: '空字符无法通过命令行传递；这段文本中省略了它。',
    notConnected: '在模拟器中，这个客户端此时没有连接；这里同样跳过这一步。',
    userPropertyOrder: '用户属性按场景中的顺序传递。',
    invalidWill:
      '无效的遗嘱消息（QoS 3，或遗嘱主题不是合法的主题名）会被 mosquitto_sub 自己拒绝，所以这个客户端根本不连接：和服务器拒绝一样，不会留下会话，也不会有遗嘱消息。',
  },
};
