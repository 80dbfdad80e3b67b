import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { OwnProcess } from './process';

/**
 * Node only: our own Mosquitto instances for the differential runs. Each listens on 127.0.0.1 and
 * a free port, with its own configuration and persistence folder in a temporary directory, and is
 * stopped by its process id. Nothing is installed and the system service is never touched.
 */

export interface MosquittoOptions {
  bin: string;
  persistence: boolean;
  /** Also listen for MQTT over WebSocket (on a second free port). */
  websockets?: boolean;
}

export interface MosquittoInstance {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly wsPort: number | null;
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

/** Debian's `mosquitto` (in /usr/sbin, usually not on a user's PATH), or null. */
export function findMosquitto(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, 'mosquitto');
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

/** "2.0.11" from `mosquitto -h`, or null. */
export function mosquittoVersion(bin: string): string | null {
  const r = spawnSync(bin, ['-h'], { encoding: 'utf8', timeout: 5000 });
  const m = /mosquitto version (\S+)/.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return m ? (m[1] as string) : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function canConnect(port: number): Promise<boolean> {
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

export async function startMosquitto(o: MosquittoOptions): Promise<MosquittoInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-will-lab-mosquitto-'));
  const logFile = join(dir, 'mosquitto.log');
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const wsPort = o.websockets ? await freePort() : null;
    const conf = [
      `listener ${port} 127.0.0.1`,
      ...(wsPort ? [`listener ${wsPort} 127.0.0.1`, 'protocol websockets'] : []),
      'allow_anonymous true',
      // Running as root, Mosquitto would switch to the "mosquitto" user and lose our temp folder.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      `persistence ${o.persistence ? 'true' : 'false'}`,
      `persistence_location ${dir}/`,
      `log_dest file ${logFile}`,
      'log_type all',
      'connection_messages true',
      'log_timestamp_format %Y-%m-%dT%H:%M:%S',
    ];
    const confFile = join(dir, 'mosquitto.conf');
    writeFileSync(confFile, `${conf.join('\n')}\n`);
    const inst = new Instance(o.bin, confFile, dir, logFile, port, wsPort);
    const ok = await inst.launch();
    if (ok) return inst;
    lastError = inst.log().split('\n').slice(-5).join('\n');
    await inst.kill();
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`mosquitto did not start: ${lastError}`);
}

class Instance implements MosquittoInstance {
  readonly host = '127.0.0.1' as const;
  private proc: OwnProcess | null = null;
  private death: string | null = null;

  constructor(
    private readonly bin: string,
    private readonly confFile: string,
    readonly dir: string,
    private readonly logFile: string,
    readonly port: number,
    readonly wsPort: number | null,
  ) {}

  pid(): number | undefined {
    return this.proc?.child.pid;
  }

  died(): string | null {
    return this.death;
  }

  log(): string {
    try {
      return spawnSync('cat', [this.logFile], { encoding: 'utf8' }).stdout ?? '';
    } catch {
      return '';
    }
  }

  async launch(): Promise<boolean> {
    const child = spawn(this.bin, ['-c', this.confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc = new OwnProcess(child, 'mosquitto', (what) => {
      this.death ??= what;
    });
    const proc = this.proc;
    child.stderr?.resume();
    const until = Date.now() + 5000;
    while (Date.now() < until && proc.alive) {
      if ((await canConnect(this.port)) && (this.wsPort === null || (await canConnect(this.wsPort)))) return proc.alive;
      await sleep(20);
    }
    return false;
  }

  async kill(): Promise<void> {
    await this.proc?.stop(5000);
  }

  async restart(): Promise<void> {
    await this.kill();
    if (!(await this.launch())) throw new Error(`mosquitto did not come back on port ${this.port}`);
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
