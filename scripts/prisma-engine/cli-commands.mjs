// The engine's one-shot subcommands: `schema-engine --datasource <json> cli <command>`.
// The Prisma CLI runs `can-connect-to-database` (and `create-database` when it answers P1003)
// before `migrate dev` / `db push`. It reads errors from stderr: it skips the first line, then
// looks for a JSON line `{ level: 'ERROR', target: 'schema_engine::logger', fields: { error_code, message } }`.
import pg from 'pg';
import { withDatabase } from './pg-factory.mjs';

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

function targetOf(url) {
  const u = new URL(url);
  return { database: decodeURIComponent(u.pathname.slice(1)) || 'postgres', server: `${u.hostname}:${u.port || 5432}` };
}

/** Maps a node-postgres connection error to the Prisma error code the native engine would report. */
function toPrismaError(error, url) {
  const { database, server } = targetOf(url);
  if (error?.code === '3D000')
    return {
      error_code: 'P1003',
      message: `Database \`${database}\` does not exist on the database server at \`${server}\`.`,
    };
  if (error?.code === 'ECONNREFUSED' || error?.code === 'ENOTFOUND' || error?.code === 'EHOSTUNREACH')
    return {
      error_code: 'P1001',
      message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
    };
  if (error?.code === '28P01' || error?.code === '28000')
    return {
      error_code: 'P1000',
      message: `Authentication failed against database server, the provided database credentials for \`${database}\` are not valid.`,
    };
  return { error_code: 'P1000', message: error instanceof Error ? error.message : String(error) };
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const commands = {
  'can-connect-to-database': (url) => withClient(url, (c) => c.query('SELECT 1')),
  'create-database': (url) =>
    withClient(withDatabase(url, 'postgres'), (c) => c.query(`CREATE DATABASE ${quoteIdent(targetOf(url).database)}`)),
  'drop-database': (url) =>
    withClient(withDatabase(url, 'postgres'), (c) =>
      c.query(`DROP DATABASE IF EXISTS ${quoteIdent(targetOf(url).database)} WITH (FORCE)`),
    ),
};

/** Runs one subcommand and returns the process exit code. */
export async function runCliCommand(command, url) {
  const run = commands[command];
  process.stderr.write(
    `${JSON.stringify({ level: 'INFO', fields: { message: `offline schema engine: cli ${command}` } })}\n`,
  );
  if (!run) {
    process.stderr.write(
      `${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { error_code: 'P1000', message: `Unknown command: ${command}` } })}\n`,
    );
    return 1;
  }
  try {
    await run(url);
    return 0;
  } catch (error) {
    const fields = toPrismaError(error, url);
    process.stderr.write(`${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields })}\n`);
    return 1;
  }
}
