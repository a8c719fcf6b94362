// Finding and starting a throw-away `redis-server`: used by the global setup (a Redis for the run
// when REDIS_URL is unset) and by the outage suite (a Redis it can stop and restart).
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

export type RedisProcess = { port: number; url: string; stop(): Promise<void> };

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `redis-server` to start: REDIS_SERVER when set (a path, or a name looked up on PATH — set it
 * to a missing file to test the no-Redis path), else `redis-server` on PATH; null when there is none.
 */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  const wanted = env.REDIS_SERVER?.trim() || 'redis-server';
  if (wanted.includes(path.sep)) return executable(wanted) ? path.resolve(wanted) : null;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, wanted);
    if (executable(candidate)) return candidate;
  }
  return null;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(String(d).startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Starts `binary` on 127.0.0.1:`port` without persistence and resolves once it answers PING. */
export async function startRedisServer(binary: string, port: number): Promise<RedisProcess> {
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${binary} did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A run that ends without teardown (Ctrl-C, a crash) must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
