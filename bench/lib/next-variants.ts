/**
 * Production builds of the app in three variants, for the HTTP benches:
 * - `middleware`: the app as it ships (`middleware.ts`, edge runtime);
 * - `none`: the same tree with `middleware.ts` deleted — nothing resolves, strips or rewrites;
 * - `proxy`: `middleware.ts` renamed to `proxy.ts` (function `proxy`), i.e. the same code on Node,
 *   the switch the README documents;
 * - `empty`: a middleware that only returns `NextResponse.next()`, with the shipped matcher — what
 *   Next charges for running any edge middleware at all, Tenantry's code aside.
 *
 * Each variant is a copy of the working tree in a temp directory with `node_modules` symlinked back,
 * so the bench never edits the user's tree (not even the `tsconfig.json` include list that
 * `next build` rewrites for a new dist dir) and all three are built the same way. Turbopack only
 * compiles files under its root and follows the symlink out of the copy, so the copy's
 * `next.config.ts` wraps the real one with `turbopack.root: '/'`; nothing else changes.
 *
 * `BENCH_VARIANTS_DIR` (set by bench/all.ts) points at variants already built by this module, so
 * the benches share one set of builds; without it a bench builds its own and removes them after.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = '.next-bench';
export type Variant = 'middleware' | 'none' | 'proxy' | 'empty';
export const ALL_VARIANTS: Variant[] = ['middleware', 'none', 'proxy', 'empty'];

// Build output, local data and VCS metadata stay behind; everything else (including untracked
// source and the generated Prisma client) is what the user would build.
const EXCLUDES = [
  '/node_modules',
  '/.git',
  '/.next*',
  '/.data',
  '/test-results',
  '/playwright-report',
  '*.tsbuildinfo',
];

const WRAPPED_CONFIG = `import type { NextConfig } from 'next';
import base from './next.config.base';

// Written by bench/lib/next-variants.ts: node_modules is a symlink out of this copy.
const config: NextConfig = { ...base, turbopack: { ...base.turbopack, root: '/' } };
export default config;
`;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${out.slice(-4000)}`);
  return out;
}

/**
 * The framework's floor, added to every variant's copy (never to the product): a dynamic page that
 * reads one request header and renders one line through the same root layout. The dashboard's rps
 * over this page's, in the same build, is what Tenantry adds on top of Next itself.
 */
export const FLOOR_PATH = '/bench-floor';
export const FLOOR_TEXT = 'bench floor page';
const FLOOR_PAGE = `import { headers } from 'next/headers';

export default async function BenchFloor() {
  const h = await headers();
  return <main>${FLOOR_TEXT} {h.get('x-request-id') ? 'with id' : 'without id'}</main>;
}
`;

const EMPTY_MIDDLEWARE = `import { NextResponse } from 'next/server';

export function middleware() {
  return NextResponse.next();
}
`;

function mutate(dir: string, variant: Variant): void {
  mkdirSync(path.join(dir, 'app', FLOOR_PATH.slice(1)), { recursive: true });
  writeFileSync(path.join(dir, 'app', FLOOR_PATH.slice(1), 'page.tsx'), FLOOR_PAGE);
  const middleware = path.join(dir, 'middleware.ts');
  if (variant === 'none') unlinkSync(middleware);
  if (variant === 'empty') {
    const matcher = /export const config = \{[\s\S]*?\n\};\n/.exec(readFileSync(middleware, 'utf8'));
    if (!matcher) throw new Error('middleware.ts no longer exports a literal `config`');
    writeFileSync(middleware, `${EMPTY_MIDDLEWARE}\n${matcher[0]}`);
  }
  if (variant === 'proxy') {
    const source = readFileSync(middleware, 'utf8');
    const renamed = source.replace(/export async function middleware\(/, 'export async function proxy(');
    if (renamed === source) throw new Error('middleware.ts no longer declares `export async function middleware(`');
    writeFileSync(path.join(dir, 'proxy.ts'), renamed);
    unlinkSync(middleware);
  }
}

/** Copies the tree, applies the variant and runs `next build`; returns the copy's directory. */
export function buildVariant(parent: string, variant: Variant, log: (line: string) => void = () => {}): string {
  const dir = path.join(parent, variant);
  run('rsync', ['-a', ...EXCLUDES.map((e) => `--exclude=${e}`), `${ROOT}/`, `${dir}/`], ROOT);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  renameSync(path.join(dir, 'next.config.ts'), path.join(dir, 'next.config.base.ts'));
  writeFileSync(path.join(dir, 'next.config.ts'), WRAPPED_CONFIG);
  mutate(dir, variant);
  const started = performance.now();
  const out = run(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], dir, {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  // Next prints "ƒ Proxy (Middleware)" when the build has one; check each variant is what it claims.
  const hasProxy = /Proxy \(Middleware\)/.test(out);
  if (hasProxy !== (variant !== 'none'))
    throw new Error(`variant ${variant}: unexpected build output\n${out.slice(-2000)}`);
  log(`built variant ${variant} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

export type Variants = { dirs: Record<Variant, string>; cleanup: () => void };

/** The variants from BENCH_VARIANTS_DIR when set, otherwise fresh builds removed by `cleanup()`. */
export function prepareVariants(wanted: Variant[], log: (line: string) => void): Variants {
  const shared = process.env.BENCH_VARIANTS_DIR;
  const parent = shared ?? mkdtempSync(path.join(tmpdir(), 'tenantry-bench-'));
  const dirs = {} as Record<Variant, string>;
  try {
    for (const variant of wanted) {
      const dir = path.join(parent, variant);
      dirs[variant] =
        shared && existsSync(path.join(dir, DIST_DIR, 'BUILD_ID')) ? dir : buildVariant(parent, variant, log);
    }
  } catch (error) {
    if (!shared) rmSync(parent, { recursive: true, force: true });
    throw error;
  }
  return { dirs, cleanup: () => (shared ? undefined : rmSync(parent, { recursive: true, force: true })) };
}
