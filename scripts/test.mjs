#!/usr/bin/env node
// `npm test`: type-check, lint and format check (Biome), build the app once for the HTTP suites, then every vitest suite.
// Works with DATABASE_URL (that server hosts the scratch databases) and without it (an embedded
// PostgreSQL is started by the vitest global setup). Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const distDir = process.env.TEST_DIST_DIR ?? '.next-test';

function step(name, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`✖ ${name} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const bin = (name) => `node_modules/.bin/${name}`;
step('type-check', bin('tsc'), ['--noEmit']);
step('lint and format (Biome)', bin('biome'), ['check', '.']);
step('build (for the HTTP suites)', process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
  NEXT_DIST_DIR: distDir,
  NODE_ENV: 'production',
});
step('vitest', bin('vitest'), ['run', ...process.argv.slice(2)], { SKIP_BUILD: '1', TEST_DIST_DIR: distDir });
