import type { ProtocolLevel } from '../../engine/types';
import type { EndKind, NextKind, RowSpec, SeiKind } from '../../explorer/axes';
import type { Category } from '../../explorer/cell';
import type { ExplorerCatalog } from '../explorer-catalog';
import { num, q } from './format';

/** Simplified Chinese words of the parameter explorer (view, CSV, CLI); terms of docs/glossary-zh.md. */

/** Seconds from ms without trailing zeros: 30000 -> "30", 2500 -> "2.5". */
const secs = (ms: number) => String(Math.round(ms) / 1000);
const proto = (v: ProtocolLevel) => (v === 5 ? 'MQTT 5.0' : 'MQTT 3.1.1');

const END: Record<EndKind, string> = {
  drop: '网络断开（没有 DISCONNECT）',
  silence: '静默（保活超时）',
  disconnect00: 'DISCONNECT 0x00（正常断开）',
  disconnect04: 'DISCONNECT 0x04（发布遗嘱消息）',
  disconnectError: 'DISCONNECT 0x80（错误）',
  disconnect04Sei0: 'DISCONNECT 0x04，同时把会话过期间隔设为 0',
  disconnect04SeiLong: 'DISCONNECT 0x04，同时把会话过期间隔调长',
  takeoverCs0: '以 Clean Start 0 接管',
  takeoverCs1: '以 Clean Start 1 接管',
  protocolError: '协议错误（第二个 CONNECT）',
};

const NEXT: Record<NextKind, string> = {
  none: '不重新连接',
  beforeCs0: '在遗嘱延迟到期前重连，Clean Start 0',
  beforeCs1: '在遗嘱延迟到期前重连，Clean Start 1',
  afterCs0: '在遗嘱延迟到期后重连，Clean Start 0',
  afterCs1: '在遗嘱延迟到期后重连，Clean Start 1',
};

const NEXT_SHORT: Record<NextKind, string> = {
  none: '不重连',
  beforeCs0: '延迟内重连，Clean Start 0',
  beforeCs1: '延迟内重连，Clean Start 1',
  afterCs0: '延迟后重连，Clean Start 0',
  afterCs1: '延迟后重连，Clean Start 1',
};

const SEI: Record<SeiKind, string> = {
  absent: '未设置（= 0）',
  short: '短于遗嘱延迟',
  long: '长于遗嘱延迟',
  never: '永不过期',
};

const CATEGORY: Record<Category, string> = {
  atClose: '在连接关闭时发布',
  later: '在连接关闭之后发布（关闭后若干秒）',
  deleted: '已删除：从未发布',
  cancelled: '被恢复的会话取消：从未发布',
  withheld: '被服务器扣下：到运行结束仍未发布',
  notClosed: '服务器始终没有发现连接已经断开',
  pending: '运行结束时仍在等待',
};

/** A Session Expiry value under its column header. */
const seiValue = (k: SeiKind | null, s: number | null) => {
  if (k === null) return '—';
  if (k === 'absent') return '未设置';
  if (k === 'never') return '永不过期';
  return `${k === 'short' ? '较短' : '较长'}（${s} 秒）`;
};

/** The Session Expiry part of a row description. */
const seiPhrase = (r: RowSpec, s: number | null) => {
  switch (r.sessionExpiry) {
    case null:
      return null;
    case 'absent':
      return '未设置会话过期间隔';
    case 'never':
      return '会话永不过期';
    case 'short':
      return `会话过期间隔较短（${s} 秒）`;
    case 'long':
      return `会话过期间隔较长（${s} 秒）`;
  }
};

const mainText = (c: Category, after: number | null) => {
  switch (c) {
    case 'atClose':
      return '关闭时';
    case 'later':
      return `+${secs(after ?? 0)} 秒`;
    case 'deleted':
      return '已删除';
    case 'cancelled':
      return '已取消';
    case 'withheld':
      return '被扣下';
    case 'notClosed':
      return '未关闭';
    case 'pending':
      return '等待中';
  }
};

const endValue = (e: EndKind, v: ProtocolLevel) => (v === 4 && e === 'disconnect00' ? 'DISCONNECT' : END[e]);
const rowText = (r: RowSpec, seiSeconds: number | null) =>
  [
    proto(r.protocol),
    `Clean Start ${r.cleanStart ? 1 : 0}`,
    r.protocol === 5 ? `遗嘱延迟 ${r.willDelay ?? 0} 秒` : null,
    r.protocol === 5 ? seiPhrase(r, seiSeconds) : null,
    `保活时间 ${r.keepAlive} 秒`,
    `遗嘱 QoS ${r.willQos}`,
    endValue(r.end, r.protocol),
  ]
    .filter((x) => x !== null)
    .join('，');

const AXIS: ExplorerCatalog['axis'] = {
  protocol: '协议',
  cleanStart: 'Clean Start',
  willDelay: '遗嘱延迟',
  sessionExpiry: '会话过期间隔',
  keepAlive: '保活时间',
  willQos: '遗嘱 QoS',
  end: '连接如何结束',
  next: '之后发生什么',
  profile: '服务器行为模型',
};

export const zhExplorer: ExplorerCatalog = {
  locale: 'zh-CN',
  title: '参数探索',
  intro:
    '一次列出所选取值的全部组合：设备的连接结束后，它的遗嘱消息在每个服务器行为模型下会怎样。选中一个单元格，即可在模拟器中打开对应的场景。',
  axis: AXIS,
  option: {
    protocol: proto,
    cleanStart: (cs) => (cs ? 'Clean Start 1' : 'Clean Start 0'),
    sessionExpiry: (k) => SEI[k],
    willQos: (qos) => `QoS ${qos}`,
    end: (e) => END[e],
    next: (n) => NEXT[n],
  },
  numbers: {
    label: (axis) => (axis === 'willDelay' ? '遗嘱延迟取值（秒）' : '保活时间取值（秒）'),
    hint: (max, count) => `0 到 ${num(max)} 之间的整秒数，用逗号分隔；最多 ${count} 个值。`,
    invalid: (text) => `${q(text)}不是一组范围内的整秒数。`,
  },
  value: {
    protocol: (v) => (v === 5 ? '5.0' : '3.1.1'),
    cleanStart: (cs) => (cs ? '1' : '0'),
    willDelay: (d) => (d === null ? '—' : `${d} 秒`),
    sessionExpiry: seiValue,
    keepAlive: (ka) => (ka === 0 ? '0（关闭）' : `${ka} 秒`),
    willQos: (qos) => String(qos),
    end: endValue,
    next: (n) => NEXT_SHORT[n],
    notApplicable: '不存在',
  },
  problem: (p) => {
    switch (p.kind) {
      case 'empty':
        return `请为“${AXIS[p.axis]}”至少选择一个值。`;
      case 'range':
        return `${AXIS[p.axis]}：${p.value} 超出范围（0 到 ${num(p.max)} 秒，须为整秒）。`;
      case 'tooManyValues':
        return `${AXIS[p.axis]}：最多 ${p.max} 个值。`;
      case 'tooManyCells':
        return `这些取值会产生 ${num(p.cells)} 个单元格，而参数探索最多计算 ${num(p.max)} 个。请去掉一些取值。`;
      case 'noCells':
        return '这些取值组不成任何组合（参见关于跳过组合的说明）。';
    }
  },
  linkProblem: (p) => {
    switch (p.kind) {
      case 'format':
        return '链接中没有参数探索的设置';
      case 'version':
        return `当前版本无法识别设置版本${q(p.version)}`;
      case 'unknownKey':
        return `${q(p.key)}不是一项设置`;
      case 'badValue':
        return `${q(p.value)}不是${q(p.key)}的有效取值`;
      case 'tooLong':
        return `设置超过了 ${num(p.max)} 个字符`;
    }
  },
  linkProblemsIntro: '链接中有些设置无法识别，已改用默认值：',
  resetDefaults: '恢复默认值',
  run: {
    progressLabel: '正在填充矩阵',
    progress: (done, total) => `${num(done)} / ${num(total)} 个单元格`,
    cancel: '取消',
    restart: '填充矩阵',
    done: (cells, ms, drawnMs) =>
      `${num(cells)} 个单元格已在 ${(ms / 1000).toFixed(2)} 秒内填充完毕${drawnMs === null ? '' : `，${(drawnMs / 1000).toFixed(2)} 秒后显示在屏幕上`}。`,
    cancelled: (done, total) => `已取消：完成了 ${num(done)} / ${num(total)} 个单元格。`,
    failed: (message) => `无法计算矩阵：${message}`,
    noWorker: '矩阵需要在 Web Worker 中计算，但这个浏览器无法启动 Web Worker。',
    waiting: '等待开始…',
  },
  filter: {
    legend: '筛选与突出显示',
    kind: {
      all: '全部单元格',
      differ: '两个行为模型结果不同的单元格',
      never: '遗嘱消息始终没有发出的单元格',
      later: '遗嘱消息晚于连接关闭才发出的单元格',
    },
    profileA: '第一个行为模型',
    profileB: '第二个行为模型',
    count: (matching, total) => `${num(total)} 个单元格中有 ${num(matching)} 个符合条件。`,
    none: '没有符合此筛选条件的单元格。',
  },
  table: {
    caption: '每种组合下，遗嘱消息的结局',
    openHint: '每个单元格都可以在模拟器中打开对应的场景。',
    keysHint:
      '整个矩阵在 Tab 键顺序中只占一个位置：用方向键、Home、End、Page Up 和 Page Down 在单元格之间移动，按 Enter 打开单元格。',
    notComputed: '尚未计算',
  },
  cell: {
    main: mainText,
    sessionPresent: (sp) => (sp === null ? '' : `SP ${sp ? 1 : 0}`),
    offline: (qos) => (qos.length === 0 ? '' : `✉ QoS ${qos.join(', ')}`),
    deviation: '⚑',
    differs: '≠',
    label: (row, column, outcome) => `${row}；${column}：${outcome}`,
    outcome: (c, after, reason, sp, offline) => {
      const will =
        c === 'atClose'
          ? '遗嘱消息在连接关闭时发布'
          : c === 'later'
            ? `遗嘱消息在连接关闭 ${secs(after ?? 0)} 秒后发布`
            : c === 'notClosed'
              ? '遗嘱消息未发布：连接始终没有被关闭'
              : `遗嘱消息${mainText(c, after)}，未发布`;
      const parts = [`${will}（${reason}）`];
      if (sp !== null) parts.push(`重连时 Session Present ${sp ? 1 : 0}`);
      parts.push(
        offline.length === 0 ? '离线订阅者什么也没收到' : `离线订阅者以 QoS ${offline.join(', ')} 收到遗嘱消息`,
      );
      return parts.join('；');
    },
    differsNote: '两个对比的行为模型在这里结果不同',
  },
  legend: {
    title: '图例',
    category: CATEGORY,
    sessionPresent: 'SP 1 / SP 0：重连或接管时 CONNACK 中的 Session Present',
    offline: '✉ QoS n：离线订阅者回来时以这个 QoS 收到遗嘱消息',
    deviation: '⚑ 起决定作用的规则是这个服务器对规范的偏离',
    differs: '≠ 两个对比的行为模型在这里结果不同（以边框突出显示）',
    notApplicable: '— 这种组合不存在',
  },
  reason: {
    'will.stored': '已保存；连接仍然开着',
    'will.deleted.normalDisconnect': '正常的 DISCONNECT 删除了它',
    'will.deleted.quirkAnyDisconnect': '这个服务器收到任何 DISCONNECT 都会删除它',
    'will.deleted.quirkTakeover': '接管保留了会话时，这个服务器会丢弃它',
    'will.deleted.quirkSecondConnect': '这个服务器把它连同失败的第二个 CONNECT 一起丢弃',
    'will.deleted.quirkNewConnection': '新连接到达时，这个服务器会丢弃正在等待的遗嘱消息',
    'will.deleted.quirkShutdown': '这个服务器停止时不会送出任何遗嘱消息',
    'will.published.seiZeroDelayed': '会话已经结束，这个服务器仍等待遗嘱延迟',
    'will.published.flushedAtShutdown': '服务器在停止时发布了所有遗嘱消息，不管遗嘱延迟',
    'will.heldBehind': '在服务器的延迟列表中被另一条遗嘱消息挡住',
    'will.published.v4Closed': 'MQTT 3.1.1：连接关闭即发布',
    'will.published.sessionEndsAtClose': '会话在连接关闭时结束',
    'will.published.noDelay': '没有遗嘱延迟',
    'will.published.delayElapsed': '遗嘱延迟已到',
    'will.published.sessionExpired': '会话先于遗嘱延迟过期',
    'will.published.cleanStart': 'Clean Start 1 结束了等待中的会话',
    'will.published.adminDiscard': '管理员丢弃了会话',
    'will.published.brokerStopped': '服务器停止并丢失了会话',
    'will.published.cachedSessionClosed': '直到服务器的定时器关闭缓存的会话时才发布',
    'will.published.cleanStartNotKept': '这个服务器不保留 Clean Start 1 的会话',
    'will.scheduled': '正在等待遗嘱延迟',
    'will.cancelled.resumed': '会话被及时恢复',
    'will.withheld.cachedSession': '随缓存的会话一起被扣下',
    'will.retainIgnored': '遗嘱保留标志被忽略',
    'will.retainNotStored': '以 RETAIN 1 投递，但没有保存为保留消息',
    'will.messageExpiryDropped': '发布时没有带上消息过期间隔',
    notClosed: 'Keep Alive 0：静默永远不会被发现',
    noWill: '没有保存遗嘱消息',
  },
  exportCsv: '导出 CSV',
  link: {
    label: '指向这些设置的链接',
    copy: '复制链接',
    copied: '链接已复制。',
  },
  scenarioTitle: (c, profileLabel, seiSeconds) => `${rowText(c, seiSeconds)}；${NEXT[c.next]}（${profileLabel}）`,
  rowText,
  columnText: (next, profileLabel) => `${NEXT[next]}，${profileLabel}`,
  cli: {
    header: {
      protocol: '协议',
      cleanStart: 'CS',
      willDelay: '遗嘱延迟',
      sessionExpiry: '会话过期',
      keepAlive: '保活',
      willQos: 'QoS',
      end: '连接如何结束',
      next: '之后',
      profile: '行为模型',
      will: '遗嘱消息',
      why: '原因',
      sessionPresent: 'SP',
      offline: '离线订阅者',
    },
    summary: (cells, ms, matching, filter) =>
      `${num(cells)} 个单元格，用时 ${(ms / 1000).toFixed(2)} 秒${matching === null ? '' : `；其中 ${num(matching)} 个符合条件：${filter}`}`,
    bench: (cells, ms, perSecond, coldMs) =>
      `矩阵：${num(cells)} 个单元格用时 ${ms.toFixed(0)} 毫秒，即每秒 ${num(Math.round(perSecond))} 个单元格（无界面引擎，已预热；首次冷启动用时 ${coldMs.toFixed(0)} 毫秒）`,
    usage: [
      '用法：npm run matrix -- [取值选项] [--filter F] [--csv] [--bench]',
      '',
      '取值选项（用逗号分隔多个值；未给出的维度使用默认值）：',
      '  --protocol 4,5              MQTT 3.1.1（4）和/或 5.0（5）',
      '  --clean-start 0,1',
      '  --will-delay 0,5,30         遗嘱延迟，单位为秒（仅 5.0）',
      '  --session-expiry absent,short,long,never   会话过期间隔，相对于遗嘱延迟而言',
      '  --keep-alive 0,10           保活时间，单位为秒（0 表示关闭）',
      '  --will-qos 1',
      '  --end drop,silence,disconnect00,disconnect04,disconnectError,disconnect04Sei0,',
      '        disconnect04SeiLong,takeoverCs0,takeoverCs1,protocolError',
      '  --next none,beforeCs0,beforeCs1,afterCs0,afterCs1',
      '  --profile spec,nanomq-0.23.2',
      '  --link "#explore=..."       从一个参数探索链接中的设置开始',
      '',
      '输出：',
      '  --filter all|differ|never|later   只保留符合条件的单元格（differ 需配合 --compare A,B）',
      '  --compare spec,nanomq-0.23.2      --filter differ 要比较的两个行为模型',
      '  --csv                             输出 CSV，而不是便于阅读的表格',
      '  --bench                           在这些取值上测量无界面引擎的速度',
    ].join('\n'),
    allowed: { protocol: '4（3.1.1）、5（5.0）', seconds: '整秒数' },
    error: {
      unexpected: (arg) => `多余的参数${q(arg)}`,
      unknownOption: (option) => `未知选项 --${option}`,
      needsValue: (option) => `--${option} 需要一个值`,
      notOneOf: (option, value, allowed) => `--${option}：${q(value)}不是 ${allowed} 之一`,
      filter: (kinds) => `--filter：应为 ${kinds} 之一`,
      compare: (example) => `--compare：需要两个行为模型 ID，例如 ${example}`,
      link: (problem) => `--link：${problem}`,
    },
  },
};
