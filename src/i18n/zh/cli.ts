import type { CliCatalog } from '../cli';
import { num, q } from './format';

/** Simplified Chinese words of the command-line tools (src/cli); terms of docs/glossary-zh.md. */
export const zhCli: CliCatalog = {
  locale: 'zh-CN',
  args: {
    unknownOption: (option, suggestion) => `未知选项 ${option}${suggestion ? `（你是想用 ${suggestion} 吗？）` : ''}`,
    takesNoValue: (option) => `${option} 不接受取值（它是一个开关：单独写出即可开启）`,
    needsValue: (option, placeholder) => `${option} 需要一个值：${option} ${placeholder}`,
    unexpected: (arg) => `多余的参数${q(arg)}`,
    missing: (what) => `缺少 ${what}`,
    eitherOr: (a, b) => `请给出 ${a} 或 ${b}，不要同时给出两者`,
    oneOf: (options) => `请只给出 ${options.join('、')} 中的一个`,
    requires: (option, other) => `${option} 需要同时给出 ${other}`,
    tooMany: (max) => `参数过多（最多 ${num(max)} 个）`,
    validOptions: (list) => `可用的选项：${list}`,
    seeHelp: (command) => `参见：npm run ${command} -- --help`,
    other: (detail) => `参数有误：${detail}`,
  },
  help: {
    usage: '用法：',
    options: '选项：',
    exitCodes: '退出码：',
    helpOption: '显示这份帮助并退出',
  },
  exit: {
    ok: '成功',
    failed: '运行已完成，但有检查没有通过（某个用例结果不同，或某个链接太长而无法读取）',
    usage: '参数或输入有误（未知选项、无法读取的文件或链接等，并附有说明原因的消息）',
    internal: '内部错误（这是一个缺陷：请连同引发它的输入一起报告）',
  },
  lang: {
    option: '输出的语言：en 或 zh-CN（默认取 LC_ALL、LC_MESSAGES 或 LANG，否则为 en）',
    unknown: (asked, known) => `--lang：未知的语言“${asked}”（可选：${known}）`,
  },
  output: {
    simHeader: (title, profile) => `# ${title} — 行为模型 ${profile}`,
    willsHeading: '# 遗嘱消息',
    fate: (fate, t) =>
      `${{ published: '已发布', deleted: '已删除', cancelled: '已取消', withheld: '被扣下', pending: '仍在等待', stored: '已保存' }[fate]}，${t}`,
    truncated: '# 事件过多，运行被截断。',
    unknownProfile: (id, known) => `--profile：未知的行为模型“${id}”（可选：${known}）`,
    pickCase: (file, count) => `${file} 包含 ${count.toLocaleString('zh-CN')} 个用例；请用 --case ID 选择其中一个：`,
    summary: (passed, failed) => `${passed} 个通过，${failed} 个失败`,
  },
  input: {
    cannotRead: (path, code) => `${path}：无法读取文件（${code}）`,
    tooBig: (path, bytes, max) =>
      bytes === null
        ? `${path}：超过 ${num(max)} 字节；只读取不超过 ${num(max)} 字节的文件`
        : `${path}：文件大小为 ${num(bytes)} 字节；只读取不超过 ${num(max)} 字节的文件`,
    notFile: (path) => `${path}：不是文件（是目录吗？）`,
    internal: (detail) => `内部错误：${detail}`,
    notCount: (option, min, max) => `${option} 必须是 ${num(min)} 到 ${num(max)} 之间的整数`,
    problems: (source, count) => `${source}：${num(count)} 个问题`,
  },
  fuzz: {
    summary: (inputs, link, file, autosave, accepted, seconds) =>
      `模糊测试：${num(inputs)} 个输入（${num(link)} 个链接、${num(file)} 个文件、${num(autosave)} 个自动保存；其中 ${num(accepted)} 个被接受并已重新读回），用时 ${seconds.toFixed(1)} 秒`,
    slowest: (ms) => `最慢的输入：${ms.toFixed(1)} 毫秒`,
    findings: (count) => `${num(count)} 个发现`,
  },
  commands: {
    sim: {
      usage: [
        'npm run sim -- <scenario.json> [--profile P] [--json] [--case ID] [--all]',
        "npm run sim -- --link '<链接或片段>' [--profile P] [--json] [--all]",
        'npm run sim -- --link-file link.txt [--profile P] [--json] [--all]',
      ],
      summary:
        '运行一个场景（或 FORMAT.md 用例文件中的一个用例，或一个分享链接），并打印追踪记录：时间、主体、发生了什么、原因，以及条款编号。',
      options: {
        profile: '运行时使用的服务器行为模型（默认：场景自己的行为模型）',
        json: '以 JSON 行的形式打印追踪记录',
        case: '用例文件中有多个用例时，要运行的那一个',
        all: '同时打印状态机的状态变化',
        link: '运行一个分享链接（完整链接、它的 #s=v1.… 片段，或单独的载荷），而不是文件',
        'link-file': '同上，但从文件中读取链接（用于超过命令行长度限制的链接）',
      },
    },
    share: {
      usage: ['npm run share -- <scenario.json> [--case ID] [--base URL] [--profile P]'],
      summary: '在标准输出上打印场景的分享链接，在标准错误上打印它的长度；超过 2,000 个字符时给出警告。',
      options: {
        case: '用例文件中有多个用例时，要链接的那一个',
        base: '链接开头的应用地址（默认 http://127.0.0.1:5173/）',
        profile: '链接打开时使用的行为模型',
      },
    },
    conformance: {
      usage: ['npm run conformance -- <cases.json>... [--profile P] [--tolerance S] [--quiet]'],
      summary:
        '用引擎运行 FORMAT.md 用例，以及带有用例标识和 expect 结果的场景文档：每个用例给出 PASS 或 FAIL，并附上便于阅读的差异。',
      options: {
        profile: '所有用例都使用的服务器行为模型（默认：每个用例自己的模型，FORMAT.md 用例为 spec）',
        tolerance: '时间允许相差的秒数（默认 0）',
        quiet: '只打印失败的用例和计数',
      },
    },
    verify: {
      usage: [
        'npm run verify -- (--broker mqtt://127.0.0.1:PORT | --mosquitto | --ejabberd) <cases.json|scenario.json>... [选项]',
        'npm run verify -- --nanomq --bin PATH [cases.json...] [选项]',
      ],
      summary: '在本机的真实服务器上逐个播放场景，记录服务器的实际行为，并与行为模型的预测进行比较。',
      options: {
        broker: '别人在 127.0.0.1 上运行的服务器（mqtt:// 或 ws://）',
        mosquitto: '为每个用例在 127.0.0.1 的一个空闲端口上启动 Debian 的 mosquitto',
        nanomq: '为每个用例在 127.0.0.1 的一个空闲端口上启动一个从源码构建的 NanoMQ（--bin；见“docs/nanomq.md”）',
        bin: '要启动的 NanoMQ 服务器（由“scripts/nanomq/build.sh”构建）',
        'max-end': '只播放在这么多秒之内结束的用例',
        ejabberd:
          '为整次运行（以及每个重启用例）启动我们自己的 Debian ejabberd 节点（mod_mqtt 位于 127.0.0.1 的一个空闲端口）',
        username: '每个 CONNECT 中发送的用户名（ejabberd 拒绝没有用户名的 CONNECT）',
        password: '与用户名一起发送的密码',
        profile: '用来比较的行为模型（默认 spec）',
        tolerance: '时间允许相差的秒数',
        record: '把录制下来的用例（带 `observed`）写入这个文件（只限一个用例文件）',
        case: '只播放 ID 等于此值或以此值开头的用例',
        exclude: '跳过 ID 匹配这个正则表达式的用例',
        concurrency: '同时播放多少个用例',
        retries: '失败的用例最多重新播放几次',
        ws: '通过 WebSocket 播放',
        quiet: '只打印失败的用例和计数',
      },
    },
    'recordings:repeat': {
      usage: ['npm run recordings:repeat -- <first.json> <second.json> [--tolerance S]'],
      summary:
        '两次录制同一批用例的结果是否一致？统计结果完全相同的用例、在容差内相同的用例和不同的用例（逐个列出），以及遗嘱消息时间的最大差值。',
      options: { tolerance: '时间相差在这么多秒之内仍算相同（默认 0.3）' },
    },
    'verify:suite': {
      usage: ['npm run verify:suite -- [out.json]'],
      summary:
        '把实机差异测试套件写成 FORMAT.md 用例，其 `expect` 是规范要求的结果（默认写入 conformance/mosquitto-suite.json）。',
      options: {},
    },
    matrix: {
      usage: ['npm run matrix -- [取值选项] [--filter F] [--compare A,B] [--csv] [--bench] [--link L]'],
      summary: '不启动界面，计算参数探索的矩阵，输出为表格或 CSV。',
      options: {},
    },
    fuzz: {
      usage: ['npm run fuzz [-- --count N] [--seed S] [--json]'],
      summary:
        '向各个加载入口输入带种子的随机与变异的链接、文件和自动保存：每个逃逸的异常、每个超过 2 秒的输入、每个被接受却无法重新读回的场景都算一个发现。有任何发现时退出码为 1。',
      options: {
        count: '输入的数量（默认 100,000）',
        seed: '生成器的种子（默认 15）：同一个种子，同一批输入',
        json: '把报告打印为 JSON',
      },
    },
    bench: {
      usage: ['npm run bench [-- --json]'],
      summary: '引擎的速度数据（这是基准测量，不是测试）。',
      options: { json: '把这些数据打印为一个 JSON 对象' },
    },
  },
};
