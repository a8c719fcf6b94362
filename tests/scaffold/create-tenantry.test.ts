import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `create-tenantry` end to end: the CLI runs as a child process (no TTY, so it never prompts),
 * exactly as `npx` would start it, against the real checkout and against throw-away templates.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = 'scripts/create-tenantry.mjs';
const SECRET = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url
const KNOWN_SECRET = 'known-source-secret-that-must-never-travel-0123456789';

let tmp: string;

/** The environment without tenancy overrides, so only the scaffold's own files decide. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('TENANT_')) delete env[key];
  return env;
}

function runCli(templateRoot: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(templateRoot, CLI), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: cleanEnv(),
  });
}

function readEnvFile(dir: string): Record<string, string> {
  const text = fs.readFileSync(path.join(dir, '.env'), 'utf8');
  const entries = text
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** Every file below `dir`, relative, `/`-separated (not following symlinks). */
function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, child) : [child];
  });
}

function readPackage(dir: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

function expectSucceeded(r: SpawnSyncReturns<string>): void {
  expect(r.status, `exit ${r.status}\n${r.stdout}\n${r.stderr}`).toBe(0);
}

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'create-tenantry-')));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('scaffolding from this checkout (--yes --resolver path --main-domain example.com)', () => {
  let app: string;
  let result: SpawnSyncReturns<string>;

  beforeAll(() => {
    app = path.join(tmp, 'my-app');
    result = runCli(ROOT, ['my-app', '--yes', '--resolver', 'path', '--main-domain', 'example.com']);
  });

  it('succeeds and prints the next steps for path mode', () => {
    expectSucceeded(result);
    expect(result.stdout).toContain('cd my-app');
    expect(result.stdout).toContain('npm install');
    expect(result.stdout).toContain('npm run dev');
    expect(result.stdout).toContain('http://localhost:3000/acme/dashboard');
  });

  it('copies the app: config, middleware, app/, lib/, the Prisma schema', () => {
    for (const file of [
      'package.json',
      'middleware.ts',
      'tenancy.config.ts',
      'prisma/schema.prisma',
      'tsconfig.json',
    ]) {
      expect(fs.statSync(path.join(app, file)).isFile(), file).toBe(true);
    }
    for (const dir of ['app', 'lib', 'lib/tenants', 'prisma'])
      expect(fs.statSync(path.join(app, dir)).isDirectory(), dir).toBe(true);
  });

  it('leaves behind git metadata, dependencies, local data, build output and the CLI itself', () => {
    const files = listFiles(app);
    for (const banned of [
      '.git',
      'node_modules',
      '.data',
      '.next',
      'lib/db/generated',
      'scripts/create-tenantry',
      'tests/scaffold',
    ]) {
      expect(
        files.filter((f) => f === banned || f.startsWith(`${banned}/`)),
        banned,
      ).toEqual([]);
    }
    expect(files.filter((f) => f.endsWith('.tsbuildinfo') || f === 'next-env.d.ts' || f === CLI)).toEqual([]);
    expect(files.filter((f) => path.basename(f).startsWith('.env'))).toEqual(['.env']);
  });

  it('names the package after the directory, at 0.1.0, private, without the CLI bin', () => {
    const pkg = readPackage(app);
    expect(pkg).toMatchObject({ name: 'my-app', version: '0.1.0', private: true });
    expect(pkg).not.toHaveProperty('bin');
    expect(pkg.scripts).toEqual(readPackage(ROOT).scripts);
    const lock = JSON.parse(fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
    expect(lock.name).toBe('my-app');
    expect(lock.packages[''].name).toBe('my-app');
    expect(lock.packages['']).not.toHaveProperty('bin');
  });

  it('writes .env with fresh random secrets and the chosen tenancy', () => {
    const env = readEnvFile(app);
    expect(env.AUTH_SECRET).toMatch(SECRET);
    expect(env.REALTIME_SECRET).toMatch(SECRET);
    expect(env.AUTH_SECRET).not.toBe(env.REALTIME_SECRET);
    expect(env.TENANT_RESOLVER).toBe('path');
    expect(env.TENANT_MAIN_DOMAIN).toBe('example.com');
    expect(fs.statSync(path.join(app, '.env')).mode & 0o077).toBe(0);
  });

  it("never reuses a secret from the source tree's own .env", () => {
    const sourceEnv = path.join(ROOT, '.env');
    const env = readEnvFile(app);
    const sourceSecrets = fs.existsSync(sourceEnv)
      ? Object.values(readEnvFile(ROOT)).filter((v) => v.length >= 16)
      : [];
    for (const secret of sourceSecrets) {
      expect(env.AUTH_SECRET).not.toBe(secret);
      expect(env.REALTIME_SECRET).not.toBe(secret);
    }
  });

  it('draws new secrets for every scaffold', () => {
    expectSucceeded(runCli(ROOT, ['second-app', '--yes']));
    const first = readEnvFile(app);
    const second = readEnvFile(path.join(tmp, 'second-app'));
    expect(second.AUTH_SECRET).toMatch(SECRET);
    expect(second.AUTH_SECRET).not.toBe(first.AUTH_SECRET);
    expect(second.REALTIME_SECRET).not.toBe(first.REALTIME_SECRET);
    expect(second.TENANT_RESOLVER).toBe('subdomain');
    expect(second).not.toHaveProperty('TENANT_MAIN_DOMAIN');
  });

  it('rewrites tenancy.config.ts to the flags, and the file still loads', () => {
    const text = fs.readFileSync(path.join(app, 'tenancy.config.ts'), 'utf8');
    expect(text).toMatch(/^ {2}resolver: 'path',$/m);
    expect(text).toMatch(/^ {4}mainDomain: 'example.com',$/m);

    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
    const script =
      "import('./tenancy.config.ts').then((m) => console.log(JSON.stringify({ resolver: m.default.resolver, mainDomain: m.default.subdomain.mainDomain })))";
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--eval', script], {
      cwd: app,
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expectSucceeded(r);
    expect(JSON.parse(r.stdout.trim())).toEqual({ resolver: 'path', mainDomain: 'example.com' });
  });

  it('type-checks after generating the Prisma client', () => {
    if (!fs.existsSync(path.join(app, 'node_modules'))) {
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
    }
    const generate = spawnSync(process.execPath, ['scripts/prisma.mjs', 'generate'], {
      cwd: app,
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expectSucceeded(generate);
    const tsc = spawnSync(path.join(app, 'node_modules/.bin/tsc'), ['--noEmit', '-p', app], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(tsc.status, `tsc in the scaffold:\n${tsc.stdout}${tsc.stderr}`).toBe(0);
  }, 180_000);
});

describe('scaffolding from a template without git (the npm-installed package)', () => {
  let template: string;
  let app: string;
  let result: SpawnSyncReturns<string>;

  beforeAll(() => {
    template = path.join(tmp, 'template-copy');
    const skip = new Set(['.git', 'node_modules', '.data', '.next', 'lib/db/generated', '.env']);
    fs.cpSync(ROOT, template, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(ROOT, src).split(path.sep).join('/');
        return !skip.has(rel) && !rel.startsWith('.next-') && !rel.endsWith('.tsbuildinfo');
      },
    });
    const plant = (rel: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(template, rel)), { recursive: true });
      fs.writeFileSync(path.join(template, rel), content);
    };
    plant('.env', `AUTH_SECRET=${KNOWN_SECRET}\nREALTIME_SECRET=${KNOWN_SECRET}\n`);
    plant('.env.local', `AUTH_SECRET=${KNOWN_SECRET}\n`);
    plant('.data/postgres/PG_VERSION', '18\n');
    plant('node_modules/left-pad/index.js', 'module.exports = 1;\n');
    plant('lib/nested/node_modules/x/index.js', 'module.exports = 1;\n');
    plant('.next/trace', '[]\n');
    plant('.next-helper/trace', '[]\n');
    plant('lib/db/generated/client.ts', 'export {};\n');
    plant('reports/vitest.json', '{}\n');
    plant('tsconfig.tsbuildinfo', '{}\n');
    plant('next-env.d.ts', '/// <reference types="next" />\n');
    plant('app/[tenant]/reports/notes.md', 'a feature folder named like a build directory\n');
    fs.rmSync(path.join(template, '.gitignore'), { force: true }); // npm leaves it out of packages

    app = path.join(tmp, 'My Cool App!');
    result = runCli(template, ['My Cool App!', '--yes', '--resolver', 'header']);
  });

  it('does not copy the source .env or any secret in it', () => {
    expectSucceeded(result);
    const env = readEnvFile(app);
    expect(env.AUTH_SECRET).toMatch(SECRET);
    expect(env.AUTH_SECRET).not.toBe(KNOWN_SECRET);
    expect(env.REALTIME_SECRET).not.toBe(KNOWN_SECRET);
    for (const file of listFiles(app)) {
      expect(fs.readFileSync(path.join(app, file), 'utf8').includes(KNOWN_SECRET), file).toBe(false);
    }
  });

  it('skips local state and build output but keeps feature folders with the same names', () => {
    const files = listFiles(app);
    const junk = files.filter((f) =>
      /(^|\/)node_modules\/|^\.data\/|^\.next|^lib\/db\/generated\/|^reports\/|\.tsbuildinfo$|^next-env\.d\.ts$|^\.env\./.test(
        f,
      ),
    );
    expect(junk).toEqual([]);
    expect(files).toContain('app/[tenant]/reports/notes.md');
  });

  it('turns the directory name into an npm-safe package name', () => {
    expect(readPackage(app).name).toBe('my-cool-app');
  });

  it('writes a .gitignore that keeps .env out of git when the template had none', () => {
    const ignore = fs.readFileSync(path.join(app, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['.env', 'node_modules/', '.data/']));
  });
});

describe('scaffolding from a git checkout', () => {
  it('copies tracked files only, and never a committed .env', () => {
    const repo = path.join(tmp, 'git-template');
    fs.mkdirSync(path.join(repo, 'scripts'), { recursive: true });
    fs.cpSync(path.join(ROOT, CLI), path.join(repo, CLI));
    fs.cpSync(path.join(ROOT, 'scripts/create-tenantry'), path.join(repo, 'scripts/create-tenantry'), {
      recursive: true,
    });
    for (const file of ['package.json', 'tenancy.config.ts']) fs.cpSync(path.join(ROOT, file), path.join(repo, file));
    fs.writeFileSync(path.join(repo, '.env'), `AUTH_SECRET=${KNOWN_SECRET}\n`);
    fs.writeFileSync(path.join(repo, 'tracked.txt'), 'kept\n');
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', '-f', '.');
    git('commit', '-q', '-m', 'template');
    fs.writeFileSync(path.join(repo, 'untracked-scratch.txt'), 'junk\n');

    expectSucceeded(runCli(repo, ['from-git', '--yes']));
    const files = listFiles(path.join(tmp, 'from-git')).sort();
    expect(files).toEqual(['.env', '.gitignore', 'package.json', 'tenancy.config.ts', 'tracked.txt']);
    expect(readEnvFile(path.join(tmp, 'from-git')).AUTH_SECRET).not.toBe(KNOWN_SECRET);
  });
});

describe('refusals', () => {
  it('refuses a non-empty target directory and writes nothing', () => {
    const occupied = path.join(tmp, 'occupied');
    fs.mkdirSync(occupied);
    fs.writeFileSync(path.join(occupied, 'keep.txt'), 'mine\n');
    const r = runCli(ROOT, ['occupied', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not empty/);
    expect(fs.readdirSync(occupied)).toEqual(['keep.txt']);
  });

  it('rejects an unknown resolver, naming the valid ones, and creates nothing', () => {
    const r = runCli(ROOT, ['never-made', '--yes', '--resolver', 'custom']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Unknown resolver "custom"');
    expect(r.stderr).toContain('subdomain, path, header, session');
    expect(fs.existsSync(path.join(tmp, 'never-made'))).toBe(false);
  });

  it('rejects a main domain that is not a bare host name', () => {
    for (const bad of ["example.com'; evil", 'https://example.com', 'example.com:3000', '-bad.com']) {
      const r = runCli(ROOT, ['never-made', '--yes', `--main-domain=${bad}`]);
      expect(r.status, bad).toBe(1);
      expect(r.stderr).toContain('Invalid main domain');
    }
    expect(fs.existsSync(path.join(tmp, 'never-made'))).toBe(false);
  });

  it('rejects unknown flags and a missing directory', () => {
    expect(runCli(ROOT, ['x', '--yes', '--resolvr', 'path']).status).toBe(1);
    const r = runCli(ROOT, ['--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Missing <dir>');
  });
});
