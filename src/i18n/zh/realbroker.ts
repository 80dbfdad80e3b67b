import type { RealBrokerCatalog } from '../realbroker';

export const zhRealBroker: RealBrokerCatalog = {
  heading: '在真实服务器上运行',
  intro: (label) =>
    `通过 WebSocket 把这个场景实时地在一台 MQTT 服务器上演一遍，并把它的行为与“${label}”行为模型的预测作比较。`,
  urlLabel: '服务器的 WebSocket 地址',
  urlHint: '例如 ws://127.0.0.1:9001（Mosquitto 需配置“listener 9001”和“protocol websockets”）。',
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
};
