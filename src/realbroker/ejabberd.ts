import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './mosquitto';
import { OwnProcess } from './process';

/**
 * Node only: our own ejabberd node (Debian's `ejabberd` package) for the differential runs, never
 * the system service. Each node gets a temporary directory with its configuration, Mnesia spool,
 * log and $HOME; one listener, mod_mqtt on 127.0.0.1 and a free port; the Erlang distribution on
 * 127.0.0.1 and a second free port, with no epmd (`-erl_epmd_port` + `-start_epmd false`: the node
 * neither starts nor asks an epmd, which is what ejabberdctl does when ERL_DIST_PORT is set).
 *
 * The node is started with `erl` directly (as `ejabberdctl foreground` would after its checks):
 * ejabberdctl run as root switches to the `ejabberd` user, who cannot read our temporary folder.
 * It is stopped by its process id (SIGTERM: the Erlang runtime shuts down cleanly).
 */

export interface EjabberdOptions {
  /** The ebin folder's parent: /usr/lib/x86_64-linux-gnu/ejabberd-23.01-1 (see findEjabberd). */
  lib: string;
  /** Keep the Mnesia spool (retained messages; mod_mqtt's sessions are RAM tables) across a restart. */
  persistence: boolean;
}

export interface EjabberdInstance {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The Erlang distribution's listening port (127.0.0.1). */
  readonly distPort: number;
  readonly wsPort: null;
  readonly dir: string;
  pid(): number | undefined;
  /** SIGTERM, wait for the exit, start again with the same configuration and ports. */
  restart(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s) and remove the temporary directory. */
  stop(): Promise<void>;
  log(): string;
}

/**
 * The mod_mqtt `session_expiry` cap (s): mod_mqtt lowers every Session Expiry Interval to it
 * (default 5 minutes). Raised so that the long cases (an hour, a day) keep the interval they ask for.
 */
export const EJABBERD_SESSION_EXPIRY_CAP_S = 4_294_967;

/** Debian's ejabberd library folder (ERL_LIBS holds it and its dependencies), or null. */
export function findEjabberd(): { lib: string; erl: string } | null {
  const erl = '/usr/bin/erl';
  try {
    accessSync(erl, constants.X_OK);
  } catch {
    return null;
  }
  for (const base of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    let names: string[];
    try {
      names = readdirSync(base);
    } catch {
      continue;
    }
    const dir = names.filter((n) => /^ejabberd-\d/.test(n)).sort()[0];
    if (dir) {
      try {
        accessSync(join(base, dir, 'ebin', 'ejabberd.app'), constants.R_OK);
        return { lib: join(base, dir), erl };
      } catch {}
    }
  }
  return null;
}

/** "23.01" from the library folder's ejabberd.app, or null. */
export function ejabberdVersion(lib: string): string | null {
  try {
    const app = readFileSync(join(lib, 'ebin', 'ejabberd.app'), 'utf8');
    const m = /\{vsn,\s*"([^"]+)"\}/.exec(app);
    return m ? (m[1] as string).replace(/-\d+$/, '') : null;
  } catch {
    return null;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    setTimeout(() => done(false), 500).unref();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The node's configuration: one listener (mod_mqtt), anonymous login, nothing else. */
export function ejabberdConfig(port: number): string {
  return [
    'hosts: ["localhost"]',
    'loglevel: info',
    'log_rotate_count: 0',
    `log_rotate_size: infinity`,
    'listen:',
    '  -',
    `    port: ${port}`,
    '    ip: "127.0.0.1"',
    '    module: mod_mqtt',
    '    backlog: 1000',
    // Any user name and password are accepted (ejabberd_auth_anonymous, login_anon).
    'auth_method: anonymous',
    'anonymous_protocol: login_anon',
    'allow_multiple_connections: true',
    'modules:',
    '  mod_mqtt:',
    `    session_expiry: ${EJABBERD_SESSION_EXPIRY_CAP_S}`,
    '',
  ].join('\n');
}

export async function startEjabberd(o: EjabberdOptions): Promise<EjabberdInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-will-lab-ejabberd-'));
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const distPort = await freePort();
    if (distPort === port) continue;
    writeFileSync(join(dir, 'ejabberd.yml'), ejabberdConfig(port));
    const inst = new Instance(o, dir, port, distPort);
    const ok = await inst.launch();
    if (ok) return inst;
    lastError = inst.log().split('\n').slice(-8).join('\n');
    await inst.kill();
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`ejabberd did not start: ${lastError}`);
}

class Instance implements EjabberdInstance {
  readonly host = '127.0.0.1' as const;
  readonly wsPort = null;
  private proc: OwnProcess | null = null;
  private stderr = '';
  private readonly node = `mwl${randomBytes(4).toString('hex')}@localhost`;
  private readonly cookie = randomBytes(12).toString('hex');

  constructor(
    private readonly o: EjabberdOptions,
    readonly dir: string,
    readonly port: number,
    readonly distPort: number,
  ) {}

  pid(): number | undefined {
    return this.proc?.child.pid;
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'ejabberd.log'), 'utf8') + this.stderr;
    } catch {
      return this.stderr;
    }
  }

  private spool(): string {
    return join(this.dir, 'spool');
  }

  async launch(): Promise<boolean> {
    mkdirSync(this.spool(), { recursive: true });
    const args = [
      '-sname',
      this.node,
      '-setcookie',
      this.cookie,
      '-noinput',
      // The distribution: no epmd (none started, none asked), a fixed port, 127.0.0.1 only.
      '-start_epmd',
      'false',
      '-erl_epmd_port',
      String(this.distPort),
      '-kernel',
      'inet_dist_use_interface',
      '{127,0,0,1}',
      // A guest on a shared machine: few schedulers, and no busy-waiting when idle.
      '+S',
      '1:1',
      '+SDio',
      '1',
      '+sbwt',
      'none',
      '+sbwtdcpu',
      'none',
      '+sbwtdio',
      'none',
      '-mnesia',
      'dir',
      JSON.stringify(this.spool()),
      // The node stops when its standard input closes, i.e. when the process that started it is
      // gone, even killed outright: no node is left running on a shared machine.
      '-eval',
      'spawn(fun() -> P = open_port({fd, 0, 1}, [eof, binary]), (fun L() -> receive {P, eof} -> init:stop(); {P, _} -> L() end end)() end)',
      '-s',
      'ejabberd',
    ];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.dir,
      LANG: 'C.UTF-8',
      ERL_LIBS: join(this.o.lib, '..'),
      EJABBERD_CONFIG_PATH: join(this.dir, 'ejabberd.yml'),
      EJABBERD_LOG_PATH: join(this.dir, 'ejabberd.log'),
      ERL_CRASH_DUMP: join(this.dir, 'erl_crash.dump'),
      ERL_DIST_PORT: String(this.distPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };
    // stdin is a pipe we never write to: its end tells the node that we are gone (see -eval above).
    const child = spawn('/usr/bin/erl', args, { stdio: ['pipe', 'ignore', 'pipe'], env, cwd: this.dir });
    this.proc = new OwnProcess(child, 'ejabberd');
    const proc = this.proc;
    child.stderr?.on('data', (b: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += b.toString('utf8');
    });
    // The Erlang runtime boots in a second or two; a busy machine may need more.
    const until = Date.now() + 30_000;
    while (Date.now() < until && proc.alive) {
      if (await canConnect(this.port)) return proc.alive;
      await sleep(50);
    }
    return false;
  }

  async kill(): Promise<void> {
    await this.proc?.stop(10_000);
  }

  async restart(): Promise<void> {
    await this.kill();
    // Without persistence the node comes back with an empty Mnesia spool (no retained messages).
    if (!this.o.persistence) rmSync(this.spool(), { recursive: true, force: true });
    if (!(await this.launch())) throw new Error(`ejabberd did not come back on port ${this.port}`);
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Listening TCP and UDP sockets of a process (Linux: /proc), as "tcp 127.0.0.1:PORT" lines. */
export function listeningSockets(pid: number): string[] {
  const inodes = new Set<string>();
  const fdDir = `/proc/${pid}/fd`;
  for (const fd of readdirSync(fdDir)) {
    try {
      const link = readlinkSync(join(fdDir, fd));
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m) inodes.add(m[1] as string);
    } catch {}
  }
  const out: string[] = [];
  const table = (file: string, proto: string, v6: boolean, listenState: string | null) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const [addrHex, portHex] = (f[1] as string).split(':') as [string, string];
      if (listenState !== null && f[3] !== listenState) continue;
      if (!inodes.has(f[9] as string)) continue;
      out.push(`${proto} ${hexAddress(addrHex, v6)}:${Number.parseInt(portHex, 16)}`);
    }
  };
  // TCP state 0A = LISTEN; every bound UDP socket counts.
  table('/proc/net/tcp', 'tcp', false, '0A');
  table('/proc/net/tcp6', 'tcp', true, '0A');
  table('/proc/net/udp', 'udp', false, null);
  table('/proc/net/udp6', 'udp', true, null);
  return out.sort();
}

function hexAddress(hex: string, v6: boolean): string {
  if (!v6) {
    const b = (hex.match(/../g) ?? []).map((x) => Number.parseInt(x, 16)).reverse();
    return b.join('.');
  }
  const words = (hex.match(/.{8}/g) ?? []).map((w) => (w.match(/../g) ?? []).reverse().join(''));
  return `[${words
    .join('')
    .replace(/(.{4})/g, '$1:')
    .slice(0, -1)}]`;
}
