#!/usr/bin/env node
// `npm run dev`: one command on a fresh machine.
//   1. With no DATABASE_URL, start the embedded PostgreSQL (data in .data/postgres).
//   2. Apply migrations; seed when the database has no tenants yet.
//   3. With no SMTP_URL, start the dev inbox (an SMTP server on loopback with a web page) for mail.
//   4. Run `next dev`, the realtime sidecar and the job worker together; stop everything on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { startInbox } from './dev-inbox.mjs';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const children = [];
let embedded = null;
let inbox = null;

async function shutdown(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  if (embedded) await embedded.stop();
  if (inbox) await inbox.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
}

const shortPath = (p) => (p.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), p) : p);

/** The port `next dev` will use: `-p`/`--port` among our arguments, then PORT, then Next's 3000. */
function devPort(args = process.argv.slice(2)) {
  for (const [i, arg] of args.entries()) {
    if (arg === '-p' || arg === '--port') return args[i + 1];
    if (arg.startsWith('--port=')) return arg.slice('--port='.length);
  }
  return env.PORT || '3000';
}

async function tenantCount(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "Tenant"');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

try {
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({});
    env.DATABASE_URL = embedded.url;
    console.log(`▶ embedded PostgreSQL at ${embedded.url} (data in ${shortPath(embedded.dir)})`);
  }
  if (!env.SMTP_URL) {
    const ports = { smtpPort: Number(env.DEV_INBOX_SMTP_PORT ?? 1025), httpPort: Number(env.DEV_INBOX_PORT ?? 1080) };
    // Taken (a second checkout running)? Any free ports will do: the address is printed below.
    inbox = await startInbox(ports).catch(() => startInbox({ smtpPort: 0, httpPort: 0 }));
    env.SMTP_URL = inbox.smtpUrl;
    console.log(`▶ dev inbox at ${inbox.httpUrl} (every email the app sends lands there)`);
  }
  run(['scripts/prisma.mjs', 'migrate', 'deploy']);
  if ((await tenantCount(env.DATABASE_URL)) === 0) run(['node_modules/tsx/dist/cli.mjs', 'prisma/seed.ts']);

  const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  });
  const realtime = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'realtime-server/server.ts'], {
    stdio: 'inherit',
    env,
  });
  const worker = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/worker.ts'], {
    stdio: 'inherit',
    env,
  });
  children.push(next, realtime, worker);
  console.log(`▶ open http://acme.localhost:${devPort()}/dashboard (sign in as alice@acme.test / password)`);
  next.on('exit', (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
