#!/usr/bin/env node
// `npm run dev`: one command on a fresh machine.
//   1. With no DATABASE_URL, start the embedded PostgreSQL (data in .data/postgres).
//   2. Apply migrations; seed when the database has no tenants yet.
//   3. Run `next dev` and the realtime sidecar together; stop everything on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const children = [];
let embedded = null;

async function shutdown(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  if (embedded) await embedded.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
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
    console.log(`▶ embedded PostgreSQL at ${embedded.url} (data in .data/postgres)`);
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
  children.push(next, realtime);
  console.log('▶ open http://acme.localhost:3000/dashboard (sign in as alice@acme.test / password)');
  next.on('exit', (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
