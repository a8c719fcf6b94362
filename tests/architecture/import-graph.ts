import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listRepoFiles, SOURCE_FILE } from './repo-files';

/**
 * The layer rules as a check over the import graph (plain fs and a small import scanner, no
 * TypeScript API, so it runs anywhere vitest runs):
 *
 * 1. `components/` and `app/` never import the database: nothing under `lib/db`, the generated
 *    Prisma client, or `@prisma/client`. They call `lib/<feature>` queries and actions instead.
 * 2. `lib/` never imports `components/` or `app/`: data flows up, never back down.
 *
 * Every `import … from`, `export … from`, side-effect `import '…'`, `import('…')` and `require('…')`
 * counts, type-only ones included. Comments are skipped; `@/` and relative specifiers are resolved
 * against the repository root. Test: tests/architecture/import-graph.test.ts.
 */
export type SourceFile = { path: string; source: string };
export type Violation = { file: string; specifier: string; target: string; rule: string };

/** The source with comments blanked out (strings and template literals kept as they are). */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** Every module specifier the file imports or re-exports. */
export function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const pattern of PATTERNS) {
    for (const match of code.matchAll(pattern)) if (match[1]) found.push(match[1]);
  }
  return found;
}

/** An `@/`-prefixed or relative specifier as a repository path (posix, no extension); a package name stays as it is. */
export function resolveSpecifier(fromFile: string, specifier: string): string {
  if (specifier.startsWith('@/')) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith('./') || specifier.startsWith('../'))
    return path.posix.join(path.posix.dirname(fromFile), specifier);
  return specifier;
}

const under = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);

function isDatabase(target: string): boolean {
  return (
    under(target, 'lib/db') ||
    under(target, '@prisma/client') ||
    under(target, '.prisma/client') ||
    /(^|\/)generated\/client(\/|\.|$)/.test(target)
  );
}

/** The rule `file` breaks by importing `target`, or null. */
function brokenRule(file: string, target: string): string | null {
  if ((under(file, 'components') || under(file, 'app')) && isDatabase(target)) {
    return 'components/ and app/ must not import the database (lib/db, the generated Prisma client, @prisma/client); call a lib/<feature> query or action';
  }
  if (under(file, 'lib') && (under(target, 'components') || under(target, 'app'))) {
    return 'lib/ must not import components/ or app/; move the shared code into lib/<feature>';
  }
  return null;
}

export function findViolations(files: Iterable<SourceFile>): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    for (const specifier of importSpecifiers(file.source)) {
      const target = resolveSpecifier(file.path, specifier);
      const rule = brokenRule(file.path, target);
      if (rule) violations.push({ file: file.path, specifier, target, rule });
    }
  }
  return violations;
}

export function formatViolation(v: Violation): string {
  return `${v.file} imports '${v.specifier}' (${v.target}): ${v.rule}`;
}

/** Every source file of the repository (generated code, dependencies and build output excluded). */
export function readSourceFiles(root: string): SourceFile[] {
  return listRepoFiles(root, SOURCE_FILE).map((rel) => ({
    path: rel,
    source: readFileSync(path.join(root, rel), 'utf8'),
  }));
}
