#!/usr/bin/env node
// Runs the Prisma CLI, offline when needed: `node scripts/prisma.mjs <prisma args>`.
//
// Every Prisma 7 command that needs the schema engine (validate, migrate *, db *) first downloads a
// native binary, which fails without internet. When no native engine is available we point
// PRISMA_SCHEMA_ENGINE_BINARY at scripts/prisma-engine/schema-engine.mjs, a stand-in that speaks the
// engine's stdio JSON-RPC through @prisma/schema-engine-wasm. When a native engine is available
// (PRISMA_SCHEMA_ENGINE_BINARY already set, or the binary present in @prisma/engines), the
// environment is passed through unchanged. Tested in tests/prisma/wrapper.test.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const STAND_IN_ENGINE = fileURLToPath(new URL('./prisma-engine/schema-engine.mjs', import.meta.url));

/** The native schema engine that the CLI would use without downloading, or null. */
export function findNativeEngine(env = process.env) {
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (env.PRISMA_MIGRATION_ENGINE_BINARY) return env.PRISMA_MIGRATION_ENGINE_BINARY;
  const dirs = [];
  try {
    // The CLI looks beside its own copy of @prisma/engines.
    const prismaRequire = createRequire(require.resolve('prisma/package.json'));
    dirs.push(path.dirname(prismaRequire.resolve('@prisma/engines/package.json')));
  } catch {
    // no @prisma/engines: nothing downloaded
  }
  for (const dir of dirs) {
    const found = readdirSync(dir).find((f) => f.startsWith('schema-engine-') && !f.endsWith('.sha256'));
    if (found) return path.join(dir, found);
  }
  return null;
}

/** The environment to run the Prisma CLI with: unchanged when a native engine exists. */
export function prismaEnv(env = process.env) {
  if (findNativeEngine(env)) return env;
  // Offline: no update check either (it would only wait for a network that is not there).
  return { CHECKPOINT_DISABLE: '1', ...env, PRISMA_SCHEMA_ENGINE_BINARY: STAND_IN_ENGINE };
}

// As under `npm run`/`npx`: the seed command in prisma.config.ts (`tsx prisma/seed.ts`) needs our bins.
function withLocalBins(env) {
  const bin = fileURLToPath(new URL('../node_modules/.bin', import.meta.url));
  const current = env.PATH ?? '';
  return current.split(path.delimiter).includes(bin) ? env : { ...env, PATH: [bin, current].join(path.delimiter) };
}

export function runPrisma(args, options = {}) {
  const cli = require.resolve('prisma/build/index.js');
  return spawnSync(process.execPath, [cli, ...args], {
    stdio: 'inherit',
    ...options,
    env: withLocalBins(prismaEnv(options.env ?? process.env)),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = runPrisma(process.argv.slice(2));
  if (r.error) throw r.error;
  process.exit(r.status ?? 1);
}
