#!/usr/bin/env node
// Offline stand-in for Prisma's native schema engine (PostgreSQL only).
//
// The Prisma CLI spawns its schema engine as `schema-engine --datamodels <file>... --datasource <json>`
// and talks JSON-RPC 2.0 over stdio, one message per line. The native binary is downloaded on first
// use, which fails without internet; scripts/prisma.mjs points PRISMA_SCHEMA_ENGINE_BINARY here instead.
// We answer the same RPC methods with `@prisma/schema-engine-wasm` (the engine compiled to
// WebAssembly) talking to Postgres through the pg driver adapter (./pg-factory.mjs).
//
// Differences from the native engine, by design:
// - `dbExecute` and `createDatabase` run through node-postgres directly (the wasm engine only has
//   a driver adapter, not a URL connector).
// - A `diff` result's text is sent to the CLI with the `print` request, as the native engine does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { runCliCommand } from './cli-commands.mjs';
import { createPgFactory, runScript, withDatabase } from './pg-factory.mjs';

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const out = { datamodels: [], datasource: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datamodels') out.datamodels.push(argv[++i]);
    else if (arg === '--datasource') out.datasource = JSON.parse(argv[++i]);
    else if (arg === '--version' || arg === '-V') out.version = true;
    else if (arg === 'cli') out.cliCommand = argv[++i];
  }
  return out;
}

// The wasm bindings report a Rust panic's message here just before the call traps.
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanic = message;
  },
};

async function loadWasmEngine() {
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(bgPath);
  // Node 20 cannot `import` a .wasm file, so instantiate it by hand with the bindings' imports.
  const bytes = readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  const bg = await loadWasmEngine();
  process.stdout.write(`schema-engine-cli ${bg.version().commit ?? bg.version()} (wasm stand-in)\n`);
  process.exit(0);
}

const url = args.datasource.url ?? '';

if (args.cliCommand) process.exit(await runCliCommand(args.cliCommand, url));
const datamodels = args.datamodels.map((file) => [file, readFileSync(file, 'utf8')]);

// The engine's log lines go to stderr in the shape the CLI parses ({ level, fields: { message } }).
function log(line) {
  let entry;
  try {
    entry = typeof line === 'string' ? JSON.parse(line) : line;
  } catch {
    entry = { level: 'INFO', fields: { message: String(line) } };
  }
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

// Schema files named by a request, for an engine started without --datamodels (migrate diff):
// the wasm engine takes its connector settings from its initial schema.
function schemaFilesOf(params) {
  for (const target of [params?.to, params?.from]) {
    if (target?.files?.length) return target.files.map((f) => [f.path, f.content]);
  }
  return undefined;
}

let enginePromise;
function engine(params) {
  enginePromise ??= (async () => {
    const bg = await loadWasmEngine();
    const { bindMigrationAwareSqlAdapterFactory } = require(
      createRequire(require.resolve('@prisma/adapter-pg')).resolve('@prisma/driver-adapter-utils'),
    );
    const factory = bindMigrationAwareSqlAdapterFactory(createPgFactory(args.datasource));
    return bg.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : schemaFilesOf(params) },
      log,
      factory,
    );
  })();
  return enginePromise;
}

function urlOf(datasourceType) {
  return datasourceType?.tag === 'url' ? datasourceType.url : url;
}

let nextOutgoingId = 1;
const pendingPrints = new Map();
function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}
function printToCli(content) {
  const id = `print-${nextOutgoingId++}`;
  return new Promise((resolve) => {
    pendingPrints.set(id, resolve);
    send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
  });
}

const handlers = {
  async getDatabaseVersion(params) {
    return (await engine()).version(params ?? null);
  },
  async createDatabase(params) {
    const target = params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : url;
    const name = decodeURIComponent(new URL(target).pathname.slice(1));
    const exists = await runQuery(withDatabase(target, 'postgres'), 'SELECT 1 FROM pg_database WHERE datname = $1', [
      name,
    ]);
    if (exists.rowCount === 0)
      await runScript(withDatabase(target, 'postgres'), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return { databaseName: name };
  },
  async dbExecute(params) {
    await runScript(urlOf(params.datasourceType), params.script);
    return {};
  },
  // The wasm engine connects its shadow database lazily, in diagnoseMigrationHistory; without that
  // call first, evaluateDataLoss fails with "shadow DB must be provided through an external factory".
  async evaluateDataLoss(params) {
    const eng = await engine();
    await eng.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return eng.evaluateDataLoss(params);
  },
  async diff(params) {
    const result = await (await engine(params)).diff(params);
    if (result?.stdout) await printToCli(result.stdout.replace(/\n$/, ''));
    return result;
  },
};

async function runQuery(target, sql, values) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

function toRpcError(error) {
  if (lastPanic) {
    const message = lastPanic;
    lastPanic = null;
    return {
      code: 4466,
      message: 'The schema engine panicked.',
      data: { is_panic: true, message, error: { message } },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = error?.code ?? error?.error_code;
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, error_code: typeof code === 'string' ? code : undefined, meta: error?.meta },
  };
}

let inFlight = null;
// A Rust panic traps inside a wasm callback, outside any promise we hold: answer the request that
// caused it (the CLI shows the panic message), then exit as the native engine does after a panic.
process.on('uncaughtException', (error) => {
  if (inFlight !== null) send({ jsonrpc: '2.0', id: inFlight, error: toRpcError(error) });
  else log({ level: 'ERROR', fields: { message: lastPanic ?? String(error) } });
  process.exitCode = 101;
  setImmediate(() => process.exit(101));
});

async function handle(request) {
  const { id, method, params } = request;
  inFlight = id;
  try {
    const handler = handlers[method];
    let result;
    if (handler) result = await handler(params);
    else {
      const eng = await engine();
      if (typeof eng[method] !== 'function')
        throw new Error(`Method not supported by the offline schema engine: ${method}`);
      result = await eng[method](params ?? {});
    }
    send({ jsonrpc: '2.0', id, result: result ?? null });
  } catch (error) {
    log({ level: 'ERROR', fields: { message: error instanceof Error ? error.message : String(error) } });
    send({ jsonrpc: '2.0', id, error: toRpcError(error) });
  } finally {
    inFlight = null;
  }
}

// Requests are answered in order: the CLI sends one at a time, and the engine is not re-entrant.
let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const message = JSON.parse(line);
  if (message.method === undefined && pendingPrints.has(message.id)) {
    pendingPrints.get(message.id)();
    pendingPrints.delete(message.id);
    return;
  }
  queue = queue.then(() => handle(message));
});
// The CLI ends stdin to stop the engine; finish in-flight work, then exit (pools keep node alive).
rl.on('close', () => {
  queue.then(() => process.exit(0));
});
