// Copies the template (this package's own directory) into a new app.
//
// Invariant: nothing machine-local or secret leaves the source — no `.git`, `node_modules`,
// `.data` (the embedded database), build output, generated Prisma client or `.env*` file — and
// the CLI's own files stay behind (the app is not the CLI). In a git checkout only tracked files
// are candidates (`git ls-files`), so untracked junk never travels; the deny list below applies
// on top of that too, in case one of those was committed by mistake. Installed from npm (no
// `.git`), the tree is walked with the same deny list. Tests: tests/scaffold/create-tenantry.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Directory names skipped at any depth. */
const ANY_DEPTH_DIRS = new Set(['.git', 'node_modules']);
/** Top-level directories that only ever hold local state or build output. */
const ROOT_DIRS = new Set(['.data', '.next', 'test-results', 'playwright-report', 'reports', 'coverage']);
/** Paths (relative, with `/`) that belong to the scaffolder or are generated. */
const PREFIXES = ['lib/db/generated/', 'scripts/create-tenantry/', 'tests/scaffold/'];
const FILES = new Set(['scripts/create-tenantry.mjs', 'docs/create-tenantry.md']);

/** Whether a relative path (`/`-separated) must not be copied into a new app. */
export function isExcluded(relPath) {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1];
  if (parts.some((part) => ANY_DEPTH_DIRS.has(part))) return true;
  if (parts.length > 1 && (ROOT_DIRS.has(parts[0]) || parts[0].startsWith('.next-'))) return true;
  if (FILES.has(relPath) || PREFIXES.some((prefix) => relPath.startsWith(prefix))) return true;
  return base.startsWith('.env') || base.endsWith('.tsbuildinfo') || base === 'next-env.d.ts' || base === '.DS_Store';
}

/** Tracked files of the checkout at `root` (null when `root` is not the top of a git work tree). */
function gitFiles(root) {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' });
  if (top.error || top.status !== 0 || path.resolve(top.stdout.trim()) !== fs.realpathSync(root)) return null;
  const list = spawnSync('git', ['ls-files', '-z', '--cached'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (list.status !== 0) return null;
  // A tracked file deleted in the work tree is simply not there to copy.
  return list.stdout.split('\0').filter((rel) => rel !== '' && fs.existsSync(path.join(root, rel)));
}

/** Every file under `root`, relative, skipping excluded directories (and `skipDir`, the new app itself). */
function walkFiles(root, skipDir) {
  const out = [];
  const visit = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (abs === skipDir) continue;
      if (entry.isDirectory()) {
        if (!isExcluded(`${relPath}/`)) visit(abs, relPath);
      } else {
        out.push(relPath);
      }
    }
  };
  visit(root, '');
  return out;
}

/** The files to copy from `root` and how they were found. */
export function listTemplateFiles(root, skipDir) {
  const tracked = gitFiles(root);
  const files = tracked ?? walkFiles(root, skipDir);
  return { source: tracked ? 'git' : 'walk', files: files.filter((rel) => !isExcluded(rel)).sort() };
}

/** Copies the template at `root` into `target` (which must exist and be empty). Returns the copied paths. */
export function copyTemplate(root, target) {
  const { source, files } = listTemplateFiles(root, path.resolve(target));
  for (const rel of files) {
    const from = path.join(root, rel);
    const to = path.join(target, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const stat = fs.lstatSync(from);
    if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else fs.copyFileSync(from, to); // keeps the mode, so `.ci/run` stays executable
  }
  return { source, files };
}
