import type { ReceivedMessage } from '../../engine/types';
import type { MessageId, WillId } from '../../scenario/compare';
import type { RealBrokerCatalog } from '../realbroker';

export const zhRealBroker: RealBrokerCatalog = {
  heading: '在真实服务器上运行',
  intro: (label) =>
    `通过 WebSocket 把这个场景实时地在一台 MQTT 服务器上演一遍，并把它的行为与“${label}”行为模型的预测作比较。`,
  urlLabel: '服务器的 WebSocket 地址',
  urlHint: '例如 ws://127.0.0.1:9001（Mosquitto 需配置“listener 9001”和“protocol websockets”）。',
  usernameLabel: '用户名（可选）',
  passwordLabel: '密码（可选）',
  credentialsHint:
    '本次运行的每个 CONNECT 都会带上它们。有些服务器拒绝没有用户名和密码的 CONNECT（ejabberd 开启匿名登录时，任意用户名和密码均可）。',
  run: '在这台服务器上运行',
  running: '正在运行…',
  stop: '停止',
  badUrl: '请填写 ws:// 或 wss:// 地址。',
  cannotPlay: '这个场景无法从浏览器在真实服务器上运行：',
  failed: (m) => `运行失败：${m}`,
  playing: (t) => `正在运行… ${t}`,
  agree: (tol) => `服务器的行为与行为模型的预测一致（时间误差在 ± ${tol} 秒以内）。`,
  differ: (count, tol) => `预测与服务器之间有 ${count.toLocaleString('zh-CN')} 处差异（± ${tol} 秒）：`,
  differencesHeading: '差异（“实际”是服务器的行为）',
  timelineLabel: '遗嘱随时间的变化：上方为预测，下方为实际观测',
  predictedLane: (label) => `预测（${label}）`,
  observedLane: (v) => (v ? `实际观测（${v}）` : '实际观测'),
  willsHeading: '遗嘱',
  will: '遗嘱',
  predictedCol: '预测',
  observedCol: '实际观测',
  none: '—',
  seconds: (s) => `${s.toFixed(1)} 秒`,
  problems: '运行中出现的问题：',
  problem: (p) => {
    switch (p.code) {
      case 'unreadablePacket':
        return `${p.client}#${p.conn}：无法解析服务器发来的报文（${p.detail}）`;
      case 'noConnack':
        return `${p.client}#${p.conn}：${p.ms} 毫秒内没有收到 CONNACK`;
      case 'willPropsDiffer':
        return `${p.client}#${p.conn}：遗嘱消息到达时的属性不同：${p.detail}`;
      case 'closedBeforeConnack':
        return `${p.client}#${p.conn}：服务器在发送 CONNACK 之前就关闭了连接`;
      case 'connectFailed':
        return `${p.client}：无法连接（${p.detail}）`;
      case 'restartFailed':
        return `服务器没有重启成功（${p.detail}）`;
      case 'observerLost':
        return '重启后观察者无法重新连接';
      case 'observerClosed':
        return `服务器在 ${p.atS} 秒时关闭了观察者的连接；此后的遗嘱消息无法再观察到`;
      case 'brokerDied':
        return `服务器进程在用例进行中退出（${p.detail}）；此后没有任何记录`;
    }
  },
  difference: (d) => {
    const t = (s: number) => `${s.toFixed(3)} 秒`;
    const will = (w: WillId) =>
      `${w.from}#${w.conn} 的遗嘱（主题 ${w.topic}，载荷“${w.payload}”，QoS ${w.qos}${w.retain ? '，保留' : ''}）`;
    const msg = (m: MessageId) =>
      `主题 ${m.topic} 上的“${m.payload}”${m.qos !== undefined ? `（QoS ${m.qos}${m.retain ? '，保留' : ''}）` : ''}`;
    const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
    const tol = (s: number) => (s ? `（± ${s} 秒）` : '');
    switch (d.what) {
      case 'will':
        if (d.kind === 'time') return `${will(d.will)}在 ${t(d.at)} 发布，应为 ${t(d.wanted)}${tol(d.tolerance)}`;
        return d.kind === 'missing' ? `缺少 ${t(d.at)} 的${will(d.will)}` : `多出了 ${t(d.at)} 的${will(d.will)}`;
      case 'sessionPresent':
        return d.kind === 'noConnack'
          ? `第 ${d.step} 步没有给 ${d.client} 的 CONNACK（应为 Session Present ${d.wanted ? 1 : 0}）`
          : `第 ${d.step} 步 ${d.client} 收到 Session Present ${d.got ? 1 : 0}，应为 ${d.wanted ? 1 : 0}`;
      case 'disconnectReason': {
        const at = d.at !== undefined ? `${t(d.at)} ` : '';
        return d.kind === 'missing'
          ? `缺少服务器${at ? `在 ${at}` : ''}发给 ${d.client} 的 DISCONNECT ${hex(d.reason)}`
          : `多出了服务器${at ? `在 ${at}` : ''}发给 ${d.client} 的 DISCONNECT ${hex(d.reason)}`;
      }
      case 'retained':
        return d.kind === 'missing'
          ? `运行结束时缺少保留消息：${msg(d.message)}`
          : `运行结束时多出保留消息：${msg(d.message)}`;
      case 'offlineSubscriber':
        return d.kind === 'missing'
          ? `离线订阅者缺少消息：${msg(d.message)}`
          : `离线订阅者多收到消息：${msg(d.message)}`;
      case 'received': {
        const got = (m: ReceivedMessage) =>
          `${msg(m)}${m.dup ? '（DUP）' : ''}，时间 ${t(m.t)}${m.props ? `，属性 ${JSON.stringify(m.props)}` : ''}`;
        if (d.kind === 'differs') return `${d.client} 的第 ${d.index} 条投递是${got(d.got)}，应为${got(d.wanted)}`;
        return d.kind === 'missing'
          ? `${d.client} 缺少第 ${d.index} 条投递：${got(d.message)}`
          : `${d.client} 多出第 ${d.index} 条投递：${got(d.message)}`;
      }
    }
  },
};
