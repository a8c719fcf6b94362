import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../fixtures/free-port';

/**
 * The README's first step on a bare machine: `npm run dev` in a fresh clone, with no DATABASE_URL
 * and no REDIS_URL, inside a directory only its owner may enter (root's home in a container). It
 * must reach the login page and stop cleanly on Ctrl-C. As root this is the case where the
 * embedded PostgreSQL, which runs as the `postgres` user, can reach neither the binaries in
 * node_modules nor `.data/` — scripts/embedded-db.mjs must place them where it can.
 *
 * The clone is of HEAD (committed code). node_modules is hard-linked from this checkout to save an
 * install (same files, but at paths inside the private directory, so the permission problem is
 * real); the Prisma client is generated in the clone by the postinstall script, as `npm ci` would.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const asRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Variables a bare machine does not have; the test run sets several of them. */
const NOT_ON_A_BARE_MACHINE =
  /^(DATABASE_URL|REDIS_URL|\w+_REDIS_URL|NODE_ENV|PORT|VITEST\w*|TEST_DIST_DIR|NEXT_DIST_DIR|TENANTRY_\w+|TENANT_\w+|AUTH_\w+|REALTIME_\w+|PRESENCE_\w+|STATE_\w+|RATE_LIMIT_\w+)$/;

function get(port: number, host: string, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host }, timeout: 120_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Whether any process is left in process group `pgid`. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe(`npm run dev in a fresh clone inside a 0700 directory${asRoot ? ', as root' : ''}`, () => {
  let workDir: string;
  let app: string;
  let dev: ChildProcess;
  let output = '';
  let port: number;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'tenantry-clone-'));
    chmodSync(workDir, 0o700);
    app = path.join(workDir, 'app');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, app]);
    execFileSync('git', ['checkout', '--quiet', head], { cwd: app });
    try {
      execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(app, 'node_modules')]);
    } catch {
      execFileSync('cp', ['-a', path.join(ROOT, 'node_modules'), path.join(app, 'node_modules')]); // another filesystem
    }
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !NOT_ON_A_BARE_MACHINE.test(key)),
    ) as NodeJS.ProcessEnv;
    execFileSync(process.execPath, ['scripts/prisma-generate.mjs'], { cwd: app, env, stdio: 'ignore' });

    port = await freePort();
    const realtimePort = await freePort();
    // Its own process group, so the test can press "Ctrl-C" on the whole tree the way a terminal does.
    dev = spawn('npm', ['run', 'dev', '--', '-p', String(port)], {
      cwd: app,
      env: { ...env, REALTIME_PORT: String(realtimePort) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    dev.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    exited = new Promise((resolve) => dev.once('exit', (code) => resolve(code)));
  }, 300_000);

  afterAll(async () => {
    if (dev?.pid && groupAlive(dev.pid)) process.kill(-dev.pid, 'SIGKILL');
    const dataDir = /data in (\/\S+)\)/.exec(output)?.[1];
    // The relocated data directory (root) is named after the clone's path: nothing will reuse it.
    if (dataDir?.includes(`${path.sep}tenantry-postgres${path.sep}data-`))
      rmSync(dataDir, { recursive: true, force: true });
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('serves the tenant login page', async () => {
    const deadline = Date.now() + 420_000;
    let last = { status: 0, body: '' };
    while (Date.now() < deadline && dev.exitCode === null) {
      // sso=0: the form itself, not the "signed in at the apex?" hop (lib/auth/handoff/silent.ts).
      last = await get(port, `acme.localhost:${port}`, '/login?sso=0').catch(() => last);
      if (last.status === 200) break;
      await sleep(1_000);
    }
    expect(last.status, `npm run dev output:\n${output.slice(-3000)}`).toBe(200);
    expect(last.body).toContain('Acme Corp');
    expect(output).not.toMatch(/EACCES|\n\s+at /); // no permission error, no stack trace
  }, 480_000);

  it('keeps the database where the postgres user can reach it', () => {
    const dataLine = /embedded PostgreSQL at \S+ \(data in ([^)]+)\)/.exec(output);
    expect(dataLine, output.slice(-3000)).not.toBeNull();
    // As root the private directory is out of the postgres user's reach; otherwise the data stays in the clone.
    if (asRoot) expect(dataLine?.[1]).not.toContain(workDir);
    else expect(dataLine?.[1]).toBe(path.join('.data', 'postgres'));
  });

  it('stops everything, the database included, on Ctrl-C', async () => {
    const dataDir = /data in ([^)]+)\)/.exec(output)?.[1] as string;
    const pidFile = path.resolve(app, dataDir, 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    process.kill(-(dev.pid as number), 'SIGINT');
    await exited;
    const deadline = Date.now() + 60_000;
    while (groupAlive(dev.pid as number) && Date.now() < deadline) await sleep(250);
    expect(groupAlive(dev.pid as number), 'processes left after Ctrl-C').toBe(false);
    expect(existsSync(pidFile), 'PostgreSQL was not shut down').toBe(false);
  }, 90_000);
});
