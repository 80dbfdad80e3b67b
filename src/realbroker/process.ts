import type { ChildProcess } from 'node:child_process';

/**
 * A broker process this project started itself (mosquitto, NanoMQ, ejabberd): whether it is still
 * running, whether it exited on its own (a died broker is a failed recording, never "no will"), and
 * how it is stopped: SIGTERM, then SIGKILL after `graceMs`, by its pid.
 */
export class OwnProcess {
  readonly exited: Promise<void>;
  private stopping = false;

  /** `onDeath` hears, once, that the process exited while nobody was stopping it. */
  constructor(
    readonly child: ChildProcess,
    name: string,
    onDeath: (what: string) => void = () => {},
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (!this.stopping)
          onDeath(
            `the ${name} process (pid ${child.pid}) exited on its own (${signal ? `signal ${signal}` : `exit code ${code}`})`,
          );
        resolve();
      });
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(graceMs: number): Promise<void> {
    if (!this.alive) return;
    this.stopping = true;
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(t);
  }
}
