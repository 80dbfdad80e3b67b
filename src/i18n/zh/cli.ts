import type { CliCatalog } from '../cli';

const n = (x: number) => x.toLocaleString('zh-CN');

export const zhCli: CliCatalog = {
  locale: 'zh-CN',
  cannotRead: (path, code) => `${path}：无法读取文件（${code}）`,
  notJson: (path, detail) => `${path}：不是有效的 JSON（${detail}）`,
  problems: (source, count) => `${source}：发现 ${n(count)} 个问题`,
  pickCase: (file, count) => `${file} 包含 ${n(count)} 个用例；请用 --case ID 选择其中一个：`,
  unknownProfile: (id, known) => `--profile：未知的行为模型“${id}”（可选：${known}）`,
  simHeader: (title, profile) => `# ${title} — 行为模型 ${profile}`,
  willsHeading: '# 遗嘱消息',
  fate: (fate, t) =>
    `${{ published: '已发布', deleted: '已删除', cancelled: '已取消', withheld: '被扣下', pending: '仍在等待', stored: '已保存' }[fate]}，${t}`,
  truncated: '# 事件过多，运行被截断。',
  noOutcome: '没有 expect 或 observed 结果',
  summary: (passed, failed) => `${n(passed)} 个通过，${n(failed)} 个失败`,
  badTolerance: '--tolerance：必须是不小于 0 的秒数',
};
