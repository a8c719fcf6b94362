// Shared pieces of the reliability suites: a Redis the test owns, waiting for a condition with a
// bound (never a timing assertion), server actions over plain HTTP, and body checks.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { type AppServer, type HttpResult, requestAs, TEST_DIST_DIR } from '../fixtures/app-server';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns true or `timeoutMs` passes; returns the last verdict. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs = 20_000, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export type RedisProcess = { port: number; url: string; stop(): Promise<void> };

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

/** A throwaway `redis-server` on `port` (loopback, no persistence), started as a child process. */
export async function startRedis(port: number): Promise<RedisProcess> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (!(await waitFor(() => ping(port), 10_000, 100))) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start on port ${port}`);
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The id of a server action in the test build (ids are per build, so read the manifest). */
export function actionId(exportName: string, file: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, TEST_DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename === file) return id;
  }
  throw new Error(`server action ${exportName} in ${file} is not in the build's manifest`);
}

/**
 * Calls a `(prevState, formData)` server action the way React's client does (`encodeReply`):
 * a multipart body whose field `0` is the argument list and `_1_<name>` the FormData entries.
 */
export async function postFormAction(
  app: AppServer,
  host: string,
  pathname: string,
  id: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<HttpResult> {
  const form = new FormData();
  // Entries first, root last, as React sends it: the server decodes the root as soon as it arrives.
  for (const [name, value] of Object.entries(fields)) form.set(`_1_${name}`, value);
  form.set('0', JSON.stringify([null, '$K1']));
  const encoded = new Request('http://encode.invalid/', { method: 'POST', body: form });
  return requestAs(app, host, pathname, {
    method: 'POST',
    headers: {
      cookie,
      origin: `http://${host}`,
      accept: 'text/x-component',
      'next-action': id,
      'content-type': encoded.headers.get('content-type') ?? '',
    },
    body: Buffer.from(await encoded.arrayBuffer()).toString('utf8'),
  });
}

/** A body that leaks internals: a stack frame, the ORM, or a driver error. */
export function leaksInternals(body: string): boolean {
  return /\n\s+at |prisma|ECONNREFUSED|ECONNRESET|node_modules|Connection terminated/i.test(body);
}

export type TcpProxy = { port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

/**
 * A TCP proxy on a free loopback port in front of `target` (PostgreSQL), so a test can make the
 * database unreachable for one app without touching the shared server: `cut()` destroys every
 * open connection and stops listening (new connections are refused), `restore()` listens again.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const cut = async () => {
    const closed = stopListening();
    for (const socket of open) socket.destroy();
    open.clear();
    await closed;
  };
  return { port, cut, restore: () => listen(port), close: cut };
}

/**
 * One HTTP/1.1 request written byte for byte on a socket — for what node:http refuses to send
 * (non-ASCII or invalid UTF-8 in headers, a second Host line, unnormalised paths). `head` is the
 * request line and header lines without the final blank line; Connection: close is added.
 */
export function rawRequest(
  port: number,
  head: Buffer | string,
  body: Buffer | string = '',
): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error('raw request timed out')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, head: split < 0 ? text : text.slice(0, split), body: split < 0 ? '' : text.slice(split + 4) });
    });
    const bodyBuf = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const extra = bodyBuf.length > 0 ? `\r\nContent-Length: ${bodyBuf.length}` : '';
    socket.write(
      Buffer.concat([
        Buffer.isBuffer(head) ? head : Buffer.from(head, 'latin1'),
        Buffer.from(`${extra}\r\nConnection: close\r\n\r\n`),
        bodyBuf,
      ]),
    );
  });
}
