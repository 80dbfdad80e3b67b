import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect, freePort } from './mosquitto';
import { OwnProcess } from './process';

/**
 * Node only: our own NanoMQ instance for a recording, built from source with
 * scripts/nanomq/build.sh (docs/nanomq.md). It listens on 127.0.0.1 and a free port only (no
 * WebSocket, TLS or HTTP listener), anonymous access, with a configuration and pid file of ours in a
 * temporary directory, and is stopped by its process id.
 *
 * Session and will settings are those of the configuration NanoMQ ships (etc/nanomq.conf at the
 * tag): `retry_interval = 10s` (the per-connection timer that checks keep-alive and cached
 * sessions) and `keepalive_multiplier = 1.25`. NanoMQ keeps sessions in memory only (its SQLite
 * store, off in this build, holds QoS messages, not sessions), so a restart loses every session,
 * with or without "persistence": both start the same configuration.
 */

export interface NanoMqOptions {
  bin: string;
}

export interface NanoMqInstance {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly wsPort: null;
  readonly dir: string;
  pid(): number | undefined;
  /** SIGTERM, wait for the exit, start again with the same configuration and port. */
  restart(): Promise<void>;
  /** SIGTERM (SIGKILL after 5 s) and remove the temporary directory. */
  stop(): Promise<void>;
  /** How the process ended if it ended without being asked to (a crash), else null. */
  died(): string | null;
  log(): string;
}

/** The broker's settings that matter to wills, as NanoMQ 0.23.x ships them in etc/nanomq.conf. */
export const NANOMQ_SHIPPED_MQTT = {
  property_size: '32',
  max_packet_size: '260MB',
  max_mqueue_len: '2048',
  retry_interval: '10s',
  keepalive_multiplier: '1.25',
  max_inflight_window: '2048',
  max_awaiting_rel: '10s',
  await_rel_timeout: '10s',
} as const;

/** The HOCON configuration of one instance (exported for the test that checks its listeners). */
export function nanomqConfig(port: number, dir: string): string {
  const mqtt = Object.entries(NANOMQ_SHIPPED_MQTT)
    .map(([k, v]) => `    ${k} = ${v}`)
    .join('\n');
  return `mqtt {
${mqtt}
}

listeners.tcp {
    bind = "127.0.0.1:${port}"
}

log {
    to = [file]
    level = warn
    dir = "${dir}"
    file = "nanomq.log"
}

auth {
    allow_anonymous = true
    no_match = allow
    deny_action = ignore
}
`;
}

/** "0.23.2" from the banner `nanomq` prints without arguments, or null. */
export function nanomqVersion(bin: string): string | null {
  const r = spawnSync(bin, [], { encoding: 'utf8', timeout: 5000, env: cleanEnv({}) });
  const m = /NanoMQ[^\n]*\sv(\d+\.\d+\.\d+)/.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return m ? (m[1] as string) : null;
}

/** The environment without NANOMQ_* variables (NanoMQ reads settings from them), plus ours. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('NANOMQ_')) env[k] = v;
  return { ...env, ...extra };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startNanoMq(o: NanoMqOptions): Promise<NanoMqInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-will-lab-nanomq-'));
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const confFile = join(dir, 'nanomq.conf');
    writeFileSync(confFile, nanomqConfig(port, dir));
    const inst = new Instance(o.bin, confFile, dir, port);
    if (await inst.launch()) return inst;
    lastError = inst.log().split('\n').slice(-5).join('\n');
    await inst.kill();
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`nanomq did not start: ${lastError}`);
}

class Instance implements NanoMqInstance {
  readonly host = '127.0.0.1' as const;
  readonly wsPort = null;
  private proc: OwnProcess | null = null;
  private death: string | null = null;
  private output = '';

  constructor(
    private readonly bin: string,
    private readonly confFile: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  pid(): number | undefined {
    return this.proc?.child.pid;
  }

  died(): string | null {
    return this.death;
  }

  log(): string {
    let file = '';
    try {
      file = readFileSync(join(this.dir, 'nanomq.log'), 'utf8');
    } catch {}
    return `${file}${this.output}`;
  }

  async launch(): Promise<boolean> {
    // NanoMQ refuses to start while the pid file names a live process: each instance has its own.
    const child = spawn(this.bin, ['start', '--conf', this.confFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv({ NANOMQ_PID_FILE: join(this.dir, 'nanomq.pid') }),
    });
    this.proc = new OwnProcess(child, 'nanomq', (what) => {
      this.death ??= what;
    });
    const proc = this.proc;
    const keep = (b: Buffer) => {
      this.output = `${this.output}${b.toString('utf8')}`.slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const until = Date.now() + 5000;
    while (Date.now() < until && proc.alive) {
      if (await canConnect(this.port)) return proc.alive;
      await sleep(20);
    }
    return false;
  }

  async kill(): Promise<void> {
    await this.proc?.stop(5000);
  }

  async restart(): Promise<void> {
    await this.kill();
    if (!(await this.launch())) throw new Error(`nanomq did not come back on port ${this.port}`);
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
