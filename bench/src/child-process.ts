import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FromChild, ToChild } from './messages';

export interface ChildOptions {
  /** The bench package's directory. */
  readonly benchDir: string;
  /** A file of `src/server/`, run with tsx's CommonJS hook. */
  readonly entry: string;
  readonly preload?: string;
  readonly env: Record<string, string>;
  /** The CPU to pin the child to with `taskset`, when it exists. */
  readonly cpu?: number;
  readonly nodeArgs?: readonly string[];
  /** A command the child runs under, before node (`valgrind --tool=callgrind …`). */
  readonly wrapper?: readonly string[];
}

/** A benchmark child process, spoken to over IPC one request at a time. */
export class BenchChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** The child's process id: node's own, also under `taskset` and valgrind (both exec in place). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts the child and waits for its `ready` message. */
  static async start(options: ChildOptions, timeoutMs = 60_000): Promise<BenchChild> {
    const child = spawnChild(options);
    try {
      const ready = await nextMessage(child, 'ready', timeoutMs);
      return new BenchChild(child, ready.type === 'ready' ? ready.port : 0);
    } catch (error) {
      child.kill('SIGKILL'); // never leave a half-started server behind
      throw error;
    }
  }

  async ask<T extends FromChild['type']>(
    message: ToChild,
    replyType: T,
    timeoutMs = 60_000,
  ): Promise<Extract<FromChild, { type: T }>> {
    const reply = nextMessage(this.child, replyType, timeoutMs);
    this.child.send(message);
    return (await reply) as Extract<FromChild, { type: T }>;
  }

  /** Asks the child to exit (so a CPU profile gets written) and waits for it. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    if (this.child.connected) this.child.send({ type: 'exit' } satisfies ToChild);
    else this.child.kill();
    await exited;
    clearTimeout(timer);
  }
}

let tasksetAvailable: boolean | undefined;

/** `taskset` pins processes to cores on Linux; elsewhere nothing is pinned. */
export function hasTaskset(): boolean {
  tasksetAvailable ??= ['/usr/bin/taskset', '/bin/taskset'].some((file) => existsSync(file));
  return tasksetAvailable;
}

function spawnChild(options: ChildOptions): ChildProcess {
  const requireFromBench = createRequire(path.join(options.benchDir, 'package.json'));
  const serverDir = path.join(options.benchDir, 'src', 'server');
  const nodeArgs = [
    '--require',
    requireFromBench.resolve('tsx/cjs'),
    '--require',
    path.join(serverDir, 'one-api.ts'),
    ...(options.preload === undefined ? [] : ['--require', path.join(serverDir, options.preload)]),
    ...(options.nodeArgs ?? []),
    path.join(serverDir, options.entry),
  ];
  const command = [...(options.wrapper ?? []), process.execPath, ...nodeArgs];
  if (options.cpu !== undefined && hasTaskset())
    command.unshift('taskset', '-c', String(options.cpu));
  const [program, ...args] = command as [string, ...string[]];
  return spawn(program, args, {
    cwd: options.benchDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // without it tsx would follow the root tsconfig's `paths` to otelware's TypeScript sources
      TSX_TSCONFIG_PATH: path.join(options.benchDir, 'tsconfig.server.json'),
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function nextMessage(child: ChildProcess, type: string, timeoutMs: number): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no '${type}' from the child in time`)),
      timeoutMs,
    );
    function onMessage(message: FromChild): void {
      if (message.type === type) finish(undefined, message);
    }
    function onExit(code: number | null): void {
      finish(new Error(`the child exited (${code}) before sending '${type}'`));
    }
    function finish(error: Error | undefined, message?: FromChild): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error !== undefined) reject(error);
      else resolve(message as FromChild);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
