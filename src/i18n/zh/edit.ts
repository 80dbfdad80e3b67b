import type { EditCatalog } from '../ui-edit-catalog';

const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
const n = (x: number) => x.toLocaleString('zh-CN');

export const zhEdit: EditCatalog = {
  setup: {
    heading: '配置',
    scenario: '场景',
    title: '标题',
    profile: '服务器行为模型',
    end: '运行时长（秒）',
    observer: '观察者订阅所有遗嘱主题',
    observerHint: '一个最先连接的额外订阅者，用来显示每条遗嘱被谁收到。',
    maximumQos: '服务器的 Maximum QoS（最大 QoS）',
    maximumQosHint: '在 CONNACK 中告知 5.0 客户端；QoS 高于它的 5.0 遗嘱会被拒绝（0x9B）。',
    retainAvailable: '服务器支持保留消息（Retain Available）',
    retainAvailableHint: '关闭时，带保留遗嘱的 5.0 CONNECT 会被拒绝（0x9A）。',
    persistence: '服务器重启',
    persistenceValues: { volatile: '丢失会话和保留消息', persist: '保留它们（持久化）' },
    clients: '客户端',
    addDevice: '添加设备',
    addSubscriber: '添加订阅者',
    removeClient: (name) => `移除客户端 ${name}`,
    summary: (protocol, clientId, hasWill, subs) =>
      [protocol, clientId ? `“${clientId}”` : '空客户端标识符', hasWill ? '有遗嘱' : '无遗嘱']
        .concat(subs ? [`${n(subs)} 个订阅`] : [])
        .join(' · '),
    name: '名称',
    nameTaken: '已有客户端使用这个名称。',
    nameInvalid: '名称长度为 1 到 64 个字符，且不能以“$”开头。',
    protocol: '协议',
    protocols: { 4: 'MQTT 3.1.1', 5: 'MQTT 5.0' },
    clientId: '客户端标识符',
    cleanStart: 'Clean Start（新会话）',
    cleanSession: 'CleanSession（清除会话）',
    sessionExpiry: '会话过期间隔',
    sessionExpiryModes: { absent: '不设置（= 0）', seconds: '秒数', never: '永不过期' },
    sessionExpirySeconds: '会话过期间隔（秒）',
    keepAlive: '保活时间（秒）',
    will: '遗嘱',
    hasWill: '设置遗嘱消息（Last Will and Testament）',
    willTopic: '遗嘱主题',
    willPayload: '遗嘱载荷',
    qos: 'QoS',
    retain: '保留',
    willDelay: '遗嘱延迟间隔（秒）',
    messageExpiry: '消息过期间隔（秒）',
    blankIsAbsent: '留空：不带该属性。',
    moreWillProps: '其他遗嘱属性',
    payloadFormat: '载荷格式指示（UTF-8 文本）',
    contentType: '内容类型',
    responseTopic: '响应主题',
    correlationData: '关联数据',
    userProperties: '用户属性',
    userPropertiesHint: '按此顺序发送；名称可以重复。',
    userPropertyName: (i) => `用户属性 ${i} 的名称`,
    userPropertyValue: (i) => `用户属性 ${i} 的值`,
    addUserProperty: '添加用户属性',
    removeUserProperty: (i) => `移除用户属性 ${i}`,
    moveUserPropertyUp: (i) => `上移用户属性 ${i}`,
    userPropertiesFull: (max) => `这里的遗嘱最多带 ${max} 个用户属性。`,
    allowInvalid: '模拟无效的遗嘱（服务器会拒绝它）',
    allowInvalidHint: '允许遗嘱 QoS 为 3、遗嘱主题含“+”或“#”或为空，以便观察服务器的拒绝。',
    allowInvalidNeeded: '遗嘱目前无效：把 QoS 设为 0–2 并填写有效的主题后，才能取消勾选。',
    subscriptions: '订阅',
    filter: '主题过滤器',
    retainAsPublished: 'Retain As Published（保持发布时的保留标志）',
    noLocal: 'No Local（不接收自己发布的消息）',
    retainHandling: 'Retain Handling（保留消息处理）',
    retainHandlingValues: { 0: '0：发送保留消息', 1: '1：仅新订阅时发送', 2: '2：从不发送' },
    addSubscription: '添加订阅',
    removeSubscription: (f) => `移除订阅 ${f}`,
    subscription: (i) => `订阅 ${i}`,
    reasons: {
      sessionExpiry: 'MQTT 3.1.1 没有会话过期间隔：会话能否在连接断开后保留，只由 CleanSession 决定。',
      willProps: 'MQTT 3.1.1 的遗嘱没有属性：遗嘱延迟、消息过期等都是 MQTT 5.0 才有的。',
      subscriptionOptions: 'Retain As Published、No Local 和 Retain Handling 是 MQTT 5.0 的订阅选项。',
      disconnectReason: 'MQTT 3.1.1 的 DISCONNECT 不带原因码，也没有属性。',
    },
    badNumber: (min, max) => `请输入 ${n(min)} 到 ${n(max)} 之间的整数。`,
    badTopic: '主题名至少一个字符，且不能包含“+”或“#”。',
    badFilter: '过滤器至少一个字符；“+”和“#”必须独占一级，“#”只能在最后一级。',
    examples: '示例',
    exampleNames: {
      default: '设备从网络掉线',
      normal: '正常的 DISCONNECT 会删除遗嘱',
      reasonCode: 'DISCONNECT 0x04 会发布遗嘱',
      takeover: '相同客户端标识符的接管',
      v311: 'MQTT 3.1.1：遗嘱属于网络连接',
      silence: '静默的客户端与保活窗口',
      busy: '繁忙的服务器：24 台设备反复掉线（1,000+ 个事件）',
      nanomq: 'NanoMQ 0.23.2（实测）：Clean Start 0 的客户端掉线后，遗嘱消息始终没有发布（nanomq#1989）',
      nanomq0233: 'NanoMQ 0.23.3（实测）：同样的掉线，遗嘱消息在其定时器的下一次触发时发布',
    },
    load: '加载示例',
  },
  inject: {
    heading: (t) => `在 ${t} 注入`,
    client: '客户端',
    noClients: '请先添加一个客户端。',
    stateAt: (client, state, t) => `${t} 时，${client}：${state}。`,
    fork: '替换脚本的剩余部分',
    forkHint: '先删除播放头之后的步骤，再添加这一步。',
    drop: '网络断开',
    silence: '保活静默',
    kick: '管理员踢出',
    restart: '服务器重启',
    disconnect: 'DISCONNECT',
    reason: '原因码',
    reasonNames: {
      0: '0x00 正常断开',
      4: '0x04 断开并发布遗嘱',
      128: '0x80 未指明的错误',
      129: '0x81 畸形报文',
      130: '0x82 协议错误',
      131: '0x83 实现特定错误',
      147: '0x93 超出接收最大值',
      149: '0x95 报文过大',
      5: '0x05（不是 DISCONNECT 的原因码）',
    },
    changeSessionExpiry: '修改会话过期间隔',
    newSessionExpiry: '新的会话过期间隔（秒）',
    sendDisconnect: '发送 DISCONNECT',
    takeover: '接管',
    takeoverHint: '另一个使用相同客户端标识符的实例发起连接。',
    takeoverCleanStart: '新连接使用 Clean Start',
    takeoverButton: '接管',
    reconnect: '重新连接',
    withWill: '带上遗嘱',
    reconnectButton: '重新连接',
    publish: '发布',
    topic: '主题',
    payload: '载荷',
    publishButton: '发布',
    subscribe: '订阅',
    subscribeButton: '订阅',
    injected: (what, t) => `已在 ${t} 添加“${what}”，并从该时刻起重新模拟。`,
  },
  script: {
    heading: '脚本',
    empty: '还没有步骤：在播放头处注入一个事件吧。',
    remove: (what, t) => `移除 ${t} 的“${what}”`,
    go: (t) => `跳到 ${t}`,
    describe: (action, name, d) => {
      switch (action) {
        case 'disconnect':
          return `${name}${d.reason !== undefined ? ` ${hex(d.reason)}` : ''}${d.sessionExpiry !== undefined ? `，会话过期间隔 ${d.sessionExpiry ?? '不设置'}` : ''}`;
        case 'takeover':
          return `${name} ${d.of}${d.cleanStart !== undefined ? `，Clean Start ${d.cleanStart ? 1 : 0}` : ''}`;
        case 'reconnect':
          return `${name}${d.cleanStart !== undefined ? `，Clean Start ${d.cleanStart ? 1 : 0}` : ''}`;
        case 'publish':
          return `${name}“${d.payload ?? ''}”到 ${d.topic ?? ''}${d.retain ? '（保留）' : ''}`;
        case 'subscribe':
        case 'unsubscribe':
          return `${name} ${d.filter ?? ''}`;
        default:
          return name;
      }
    },
  },
  warnings: {
    heading: '注意',
    willDelayGeSessionExpiry: (delay, sei) =>
      `遗嘱延迟（${delay} 秒）≥ 会话过期间隔（${sei} 秒）：会话先结束，所以遗嘱在会话结束时发出，而不是等到延迟结束。`,
    keepAliveZero: '保活时间为 0 会关闭保活：半开连接永远不会被发现，遗嘱可能永远不会发布。',
    seiRaised: '这个客户端以会话过期间隔 0 连接：在 DISCONNECT 时调大它属于协议错误（0x82），因此遗嘱会被发布。',
    retainedWillNoOnline: (topic) =>
      `遗嘱是保留消息，但没有任何消息向 ${topic} 发布保留的“online”：遗嘱发出后，后来的订阅者会一直看到“offline”，即使设备已经回来。`,
    addOnline: '每次连接后添加一条保留的“online”',
    willRefused: (explanation) => `这个客户端连接时：${explanation}`,
  },
};
