/**
 * Finds the file references in comments and docs that point nowhere: a path that does not exist, or
 * one outside the repository. `findBadReferences` is pure apart from the facts it is given, so the
 * rule is tested on synthetic text too (tests/architecture/references.test.ts).
 *
 * The rule, narrow on purpose so that URLs, package names and routes never count as files:
 * 1. What is read: the whole of a Markdown file; only the comments of a source file (comment-text.ts).
 * 2. A reference is a run of path characters (letters, digits, `_ . - [ ] @ +`, `/`, and route-group
 *    segments such as `(marketing)`); a trailing `:line`, `#anchor` or punctuation is not part of it.
 * 3. Not references: a run that follows a path character, `:` or `/` (so the route `/api/v1/items`
 *    and the package `next/headers` never start a run at `api` or `headers`), one inside a URL, and
 *    one next to `*`, `<`, `>`, `{`, `}`, `$` or `…` (globs, placeholders such as `lib/<feature>/`,
 *    template expressions).
 * 4. Checked:
 *    - an absolute path into a home, work, temporary or mount folder at the root of the file system,
 *      or into the checkout itself: refused, it names a place outside the repository (or one that
 *      only exists on one machine). Other absolute paths are routes or system programs;
 *    - `./<path>`, `../<path>` and, in Markdown, a link target `](<path>)`: from the file's folder;
 *      it must stay inside the repository and exist;
 *    - `@/<path>` (the import alias) and `<top-level folder>/<path>` (a folder that exists at the
 *      root: `lib/`, `tests/`, `docs/`…): from the root;
 *    - any other run ending in a source or doc extension (`.ts .tsx .mts .mjs .cjs .md .prisma .sql
 *      .css`; `.js` and `.json` only after a `/`, since `Next.js` and `Response.json` are names):
 *      a sibling of the file, a path from the root, or else the tail of some file's path
 *      (`resolvers/index.test.ts`, `scope-args.ts`). A design file that is not in the repository
 *      fails here.
 * 5. "Exists" accepts what an import accepts: the path (a file or a folder), or the path plus a
 *    source extension or `/index.ts`; and a package subpath that resolves in `node_modules`
 *    (`prisma/config` is the package's, not the folder's).
 * 6. Names that are not files of this repository by design: `proxy.ts` (Next's Node-runtime name
 *    for `middleware.ts`) and `next-env.d.ts` (written by Next, git-ignored).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commentText } from './comment-text';
import { isSkippedDir, listRepoFiles } from './repo-files';

export type Problem = { line: number; reference: string; reason: 'missing' | 'outside' };

export type RepoFacts = {
  /** Absolute path of the repository root. */
  root: string;
  /** Top-level folder names that exist (`lib`, `tests`, …). */
  topFolders: ReadonlySet<string>;
  /** Repo-relative paths (posix) of every scanned file, for tail matches. */
  files: readonly string[];
  /** Whether a repo-relative posix path exists (file or folder). */
  exists(relative: string): boolean;
};

const SEGMENT = String.raw`(?:[A-Za-z0-9_.\-\[\]@+]|\([A-Za-z0-9_-]+\))+`;
const TOKEN = new RegExp(String.raw`(?:\.{1,2}/|/)?${SEGMENT}(?:/${SEGMENT})*/?`, 'g');
const PATH_CHAR = /[-A-Za-z0-9_.[\]@+/:~\\]/;
const SKIP_CHARS = /[*<>{}$…]/;
const EXT = /\.(?:ts|tsx|mts|mjs|cjs|md|prisma|sql|css)$/;
const EXT_WITH_JS = /\.(?:ts|tsx|mts|mjs|cjs|js|md|json|prisma|sql|css)$/;
const MODULE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.mjs', '.d.mts', '.js', '.md', '/index.ts', '/index.tsx'];
const NOT_REPO_FILES = new Set(['proxy.ts', 'next-env.d.ts']);
const OUTSIDE_ROOTS = /^\/(?:home|Users|root|work|workspace|tmp|mnt)\//;
const URL_BEFORE = /[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*$/;
const MD_LINK = /\]\(([^)\s]+)\)/g;

function existsAsModule(facts: RepoFacts, relative: string): boolean {
  const clean = relative.replace(/\/+$/, '');
  if (clean === '' || clean === '.') return true;
  return MODULE_SUFFIXES.some((suffix) => facts.exists(clean + suffix));
}

/** A path from the root or from `fromDir`; 'outside' when it leaves the repository. */
function resolveFrom(fromDir: string, target: string): string | 'outside' {
  const joined = path.posix.normalize(path.posix.join(fromDir, target));
  if (joined === '..' || joined.startsWith('../')) return 'outside';
  return joined === '.' ? '' : joined;
}

function checkToken(facts: RepoFacts, fileDir: string, token: string, markdownLink: boolean): Problem['reason'] | null {
  const rootPrefix = `${facts.root.replace(/\/+$/, '')}/`;
  if (OUTSIDE_ROOTS.test(token) || token.startsWith(rootPrefix)) return 'outside';
  if (token.startsWith('/')) return null; // a route or a system path such as /usr/bin/chromium
  if (token.startsWith('./') || token.startsWith('../') || markdownLink) {
    const resolved = resolveFrom(fileDir, token);
    if (resolved === 'outside') return 'outside';
    return existsAsModule(facts, resolved) ? null : 'missing';
  }
  if (token.startsWith('@/')) return existsAsModule(facts, token.slice(2)) ? null : 'missing';
  const first = token.split('/')[0] ?? '';
  if (token.includes('/') && facts.topFolders.has(first)) {
    return existsAsModule(facts, token) || existsAsModule(facts, `node_modules/${token}`) ? null : 'missing';
  }
  if (NOT_REPO_FILES.has(token) || token.startsWith('.')) return null;
  if (!(token.includes('/') ? EXT_WITH_JS : EXT).test(token)) return null;
  const sibling = resolveFrom(fileDir, token);
  if (sibling !== 'outside' && facts.exists(sibling)) return null;
  if (facts.exists(token)) return null;
  const tail = `/${token}`;
  return facts.files.some((f) => f === token || f.endsWith(tail)) ? null : 'missing';
}

function trimToken(raw: string): string {
  return raw.replace(/[.,;:)]+$/, '');
}

/** Every reference in `text` (the content of repo-relative `file`) that points nowhere or outside. */
export function findBadReferences(facts: RepoFacts, file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const fileDir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
  const markdown = file.endsWith('.md');
  const lines = (markdown ? source : commentText(source)).split('\n');
  lines.forEach((line, index) => {
    const seen = new Set<string>();
    const report = (reference: string, reason: Problem['reason'] | null) => {
      if (reason && !seen.has(reference)) {
        seen.add(reference);
        problems.push({ line: index + 1, reference, reason });
      }
    };
    const linkTargets = new Set<number>();
    if (markdown) {
      for (const m of line.matchAll(MD_LINK)) {
        const target = (m[1] ?? '').replace(/#.*$/, '');
        linkTargets.add((m.index ?? 0) + 2);
        if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || SKIP_CHARS.test(target)) continue;
        report(target, checkToken(facts, fileDir, target, true));
      }
    }
    for (const m of line.matchAll(TOKEN)) {
      const start = m.index ?? 0;
      if (linkTargets.has(start)) continue;
      const before = line.slice(0, start);
      const prev = before.at(-1) ?? '';
      const raw = m[0];
      if (prev !== '' && (PATH_CHAR.test(prev) || SKIP_CHARS.test(prev))) continue;
      if (URL_BEFORE.test(before)) continue;
      const next = line[start + raw.length] ?? '';
      if (SKIP_CHARS.test(next)) continue;
      const token = trimToken(raw);
      if (token === '' || !/[A-Za-z]/.test(token)) continue;
      report(token, checkToken(facts, fileDir, token, false));
    }
  });
  return problems;
}

const SCANNED = /\.(?:ts|tsx|mts|mjs|md)$/;

/** The facts of the repository at `root`, read from disk. */
export function repoFacts(root: string): RepoFacts {
  const files = listRepoFiles(root, /./);
  const topFolders = new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !isSkippedDir(e.name))
      .map((e) => e.name),
  );
  return { root, topFolders, files, exists: (relative) => existsSync(path.join(root, relative)) };
}

export type FileProblem = Problem & { file: string };

/** Every bad reference in the scanned files of the repository (*.ts, *.tsx, *.mts, *.mjs, *.md). */
export function scanRepository(root: string): FileProblem[] {
  const facts = repoFacts(root);
  return facts.files
    .filter((file) => SCANNED.test(file))
    .flatMap((file) =>
      findBadReferences(facts, file, readFileSync(path.join(root, file), 'utf8')).map((p) => ({ file, ...p })),
    );
}
