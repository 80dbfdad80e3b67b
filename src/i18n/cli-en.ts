import type { CliCatalog } from './cli';

const n = (v: number) => v.toLocaleString('en');

export const cliEn: CliCatalog = {
  locale: 'en',
  args: {
    unknownOption: (option, suggestion) =>
      `unknown option ${option}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
    takesNoValue: (option) => `${option} takes no value (it is a switch: give it alone to turn it on)`,
    needsValue: (option, placeholder) => `${option} needs a value: ${option} ${placeholder}`,
    unexpected: (arg) => `unexpected argument "${arg}"`,
    missing: (what) => `missing ${what}`,
    eitherOr: (a, b) => `give ${a} or ${b}, not both`,
    oneOf: (options) => `give exactly one of ${options.join(', ')}`,
    requires: (option, other) => `${option} needs ${other}`,
    tooMany: (max) => `too many arguments (at most ${max === 1 ? 'one' : n(max)})`,
    validOptions: (list) => `valid options: ${list}`,
    seeHelp: (command) => `see: npm run ${command} -- --help`,
    other: (detail) => `bad arguments: ${detail}`,
  },
  help: {
    usage: 'usage:',
    options: 'options:',
    exitCodes: 'exit codes:',
    helpOption: 'print this help and exit',
  },
  exit: {
    ok: 'success',
    failed: 'the run finished but a check failed (a case differs, a link is too long to be read)',
    usage:
      'bad arguments or bad input (an unknown option, a file or link that cannot be read, with a message naming why)',
    internal: 'an internal error (a bug: please report it with the input that caused it)',
  },
  lang: {
    option: 'the language of the output: en or zh-CN (default: LC_ALL, LC_MESSAGES or LANG, else en)',
    unknown: (asked, known) => `--lang: unknown language "${asked}" (known: ${known})`,
  },
  output: {
    simHeader: (title, profile) => `# ${title} — profile ${profile}`,
    willsHeading: '# Wills',
    fate: (fate, t) => `${fate} at ${t}`,
    truncated: '# The run was truncated: too many events.',
    unknownProfile: (id, known) => `--profile: unknown profile "${id}" (known: ${known})`,
    pickCase: (file, count) => `${file} holds ${n(count)} cases; pick one with --case ID:`,
    summary: (passed, failed) => `${passed} passed, ${failed} failed`,
  },
  input: {
    cannotRead: (path, code) => `${path}: cannot read the file (${code})`,
    tooBig: (path, bytes, max) =>
      bytes === null
        ? `${path}: more than ${n(max)} bytes; files of at most ${n(max)} bytes are read`
        : `${path}: the file is ${n(bytes)} bytes; files of at most ${n(max)} bytes are read`,
    notFile: (path) => `${path}: not a file (a directory?)`,
    internal: (detail) => `internal error: ${detail}`,
    notCount: (option, min, max) => `${option} must be a whole number from ${n(min)} to ${n(max)}`,
    problems: (source, count) => `${source}: ${n(count)} problem${count === 1 ? '' : 's'}`,
  },
  fuzz: {
    summary: (inputs, link, file, autosave, accepted, seconds) =>
      `fuzz: ${n(inputs)} inputs (${n(link)} links, ${n(file)} files, ${n(autosave)} autosaves; ${n(accepted)} accepted and read back) in ${seconds.toFixed(1)} s`,
    slowest: (ms) => `slowest input: ${ms.toFixed(1)} ms`,
    findings: (count) => `${n(count)} finding${count === 1 ? '' : 's'}`,
  },
  commands: {
    sim: {
      usage: [
        'npm run sim -- <scenario.json> [--profile P] [--json] [--case ID] [--all]',
        "npm run sim -- --link '<link or fragment>' [--profile P] [--json] [--all]",
        'npm run sim -- --link-file link.txt [--profile P] [--json] [--all]',
      ],
      summary:
        'Runs a scenario (or one case of a FORMAT.md case file, or a share link) and prints the trace: time, actor, what happened, why, with clause IDs.',
      options: {
        profile: 'the broker profile to run under (default: the scenario’s own)',
        json: 'print the trace as JSON lines',
        case: 'the case to run, in a case file holding several',
        all: 'also print machine state changes',
        link: 'run a share link (a full link, its #s=v1.… fragment or the bare payload) instead of a file',
        'link-file': 'the same, with the link read from a file (for links longer than a command line takes)',
      },
    },
    share: {
      usage: ['npm run share -- <scenario.json> [--case ID] [--base URL] [--profile P]'],
      summary:
        'Prints a share link to the scenario on stdout and its length on stderr, with a warning above 2,000 characters.',
      options: {
        case: 'the case to link to, in a case file holding several',
        base: 'the app address the link starts with (default http://127.0.0.1:5173/)',
        profile: 'the profile the link opens with',
      },
    },
    conformance: {
      usage: ['npm run conformance -- <cases.json>... [--profile P] [--tolerance S] [--quiet]'],
      summary:
        'Runs FORMAT.md cases, and scenario documents with an id and an expect outcome, through the engine: PASS or FAIL per case with a readable diff.',
      options: {
        profile: 'the broker profile to run every case under (default: each case’s own, spec for FORMAT.md cases)',
        tolerance: 'seconds by which times may differ (default 0)',
        quiet: 'print failures and the count only',
      },
    },
    verify: {
      usage: [
        'npm run verify -- (--broker mqtt://127.0.0.1:PORT | --mosquitto | --ejabberd) <cases.json|scenario.json>... [options]',
        'npm run verify -- --nanomq --bin PATH [cases.json...] [options]',
      ],
      summary:
        'Plays each scenario against a real broker on this machine, records what it did and compares it with the profile’s prediction.',
      options: {
        broker: 'a broker someone else runs on 127.0.0.1 (mqtt:// or ws://)',
        mosquitto: 'start Debian’s mosquitto for each case on 127.0.0.1 and a free port',
        nanomq: 'start a NanoMQ built from source (--bin) for each case on 127.0.0.1 and a free port (docs/nanomq.md)',
        bin: 'the NanoMQ broker to start (scripts/nanomq/build.sh builds it)',
        'max-end': 'play only the cases that end within this many seconds',
        ejabberd:
          'start our own node of Debian’s ejabberd (mod_mqtt on 127.0.0.1 and a free port) for the run, and one for each restart case',
        username: 'the User Name sent in every CONNECT (ejabberd refuses a CONNECT without one)',
        password: 'the Password sent with the User Name',
        profile: 'the profile to compare with (default spec)',
        tolerance: 'seconds by which times may differ',
        record: 'write the recorded cases (with `observed`) to this file (one case file only)',
        case: 'play only the cases whose id is or starts with this',
        exclude: 'skip the cases whose id matches this regular expression',
        concurrency: 'how many cases to play at once',
        retries: 'how many times a failing case is played again',
        ws: 'play over WebSocket',
        quiet: 'print failures and the count only',
      },
    },
    'recordings:repeat': {
      usage: ['npm run recordings:repeat -- <first.json> <second.json> [--tolerance S]'],
      summary:
        'Do two recordings of the same cases repeat? Counts the cases with identical outcomes, those equal within the tolerance and those that differ (listed), and the largest will time difference.',
      options: { tolerance: 'seconds by which times may differ and still count as equal (default 0.3)' },
    },
    'verify:suite': {
      usage: ['npm run verify:suite -- [out.json]'],
      summary:
        'Writes the live differential suite as FORMAT.md cases whose `expect` is what the spec requires (default conformance/mosquitto-suite.json).',
      options: {},
    },
    matrix: {
      usage: ['npm run matrix -- [axes options] [--filter F] [--compare A,B] [--csv] [--bench] [--link L]'],
      summary: 'Computes the parameter explorer’s matrix headless, as a table or CSV.',
      options: {},
    },
    fuzz: {
      usage: ['npm run fuzz [-- --count N] [--seed S] [--json]'],
      summary:
        'Feeds seeded random and mutated links, files and autosaves to the loaders: every exception that escapes, every input slower than 2 s, every accepted scenario that does not load back is a finding. Exits 1 on any finding.',
      options: {
        count: 'how many inputs (default 100,000)',
        seed: 'the seed of the generator (default 15): the same seed, the same inputs',
        json: 'print the report as JSON',
      },
    },
    bench: {
      usage: ['npm run bench [-- --json]'],
      summary: 'Speed figures of the engine (a benchmark, not a test).',
      options: { json: 'print the figures as one JSON object' },
    },
  },
};
