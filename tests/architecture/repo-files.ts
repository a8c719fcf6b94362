import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's own files, as the architecture checks see them: dependencies, build output,
 * reports and generated code are never scanned. One walker for every check, so they agree on
 * what "the repository" is.
 */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.data',
  'coverage',
  'reports',
  'test-results',
  'playwright-report',
]);
const SKIPPED_PATHS = new Set(['lib/db/generated', 'package-lock.json']);

/** Source files that run: TypeScript and JavaScript in every module flavour. */
export const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.next');
}

/** Repository-relative posix paths of every file under `root` whose name matches `pattern`. */
export function listRepoFiles(root: string, pattern: RegExp, dir = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (isSkippedDir(entry.name) || SKIPPED_PATHS.has(rel)) continue;
    if (entry.isDirectory()) files.push(...listRepoFiles(root, pattern, rel));
    else if (entry.isFile() && pattern.test(entry.name)) files.push(rel);
  }
  return files;
}
