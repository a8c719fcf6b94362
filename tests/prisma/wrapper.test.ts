// scripts/prisma.mjs: the stand-in engine only when no native engine exists; otherwise hands off.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findNativeEngine, prismaEnv, STAND_IN_ENGINE } from '../../scripts/prisma.mjs';
import { prismaCli, root } from './helpers';

const dir = join(root, '.data', `wrapper-test-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/prisma.mjs', () => {
  it('leaves the environment untouched when a native engine is configured', () => {
    const env = { PRISMA_SCHEMA_ENGINE_BINARY: '/opt/prisma/schema-engine', PATH: '/usr/bin' };
    expect(findNativeEngine(env)).toBe('/opt/prisma/schema-engine');
    expect(prismaEnv(env)).toBe(env);
  });

  it('points the CLI at the stand-in when no native engine exists', () => {
    const env = { PATH: '/usr/bin' };
    if (findNativeEngine(env)) return; // a downloaded engine in @prisma/engines: covered by the test above
    expect(prismaEnv(env).PRISMA_SCHEMA_ENGINE_BINARY).toBe(STAND_IN_ENGINE);
  });

  it('spawns the configured native engine, not the stand-in', () => {
    mkdirSync(dir, { recursive: true });
    const marker = join(dir, 'called');
    const fake = join(dir, 'fake-engine');
    // Records its arguments and fails, as a broken native engine would.
    writeFileSync(fake, `#!/bin/sh\necho "$@" >> ${JSON.stringify(marker)}\nexit 1\n`);
    chmodSync(fake, 0o755);
    const r = prismaCli(['migrate', 'status'], process.env.DATABASE_URL as string, {
      PRISMA_SCHEMA_ENGINE_BINARY: fake,
    });
    expect(r.status).not.toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(readFileSync(marker, 'utf8')).toMatch(/--datasource/);
  });
});
