/**
 * No comment or document names a file that does not exist or lies outside the repository.
 *
 * The rule (what counts as a file reference, what is skipped, how a reference resolves) is stated
 * at the top of file-references.ts. In short: Markdown files whole and the comments of *.ts, *.tsx,
 * *.mts and *.mjs files are read; a reference is a path that starts with a top-level folder of the
 * repository, `./`, `../` or `@/`, a Markdown link, or a name ending in a source or doc extension;
 * globs, placeholders (`lib/<feature>/`), routes (`/api/v1/items`), URLs and package names are not
 * references. Skipped as not ours: node_modules, .git, .next*, lib/db/generated, reports,
 * package-lock.json.
 *
 * The first block proves the check can fail, on synthetic text; the last test runs it over the
 * repository and names every `file:line  reference` it finds.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentText } from './comment-text';
import { findBadReferences, type RepoFacts, scanRepository } from './file-references';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A small fake repository: these paths exist, nothing else does. */
function fakeRepo(paths: string[]): RepoFacts {
  const all = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i += 1) all.add(parts.slice(0, i).join('/'));
  }
  return {
    root: '/srv/checkout',
    topFolders: new Set(paths.filter((p) => p.includes('/')).map((p) => p.split('/')[0]!)),
    files: paths,
    exists: (relative) => all.has(relative),
  };
}

const repo = fakeRepo([
  'README.md',
  'middleware.ts',
  'docs/architecture.md',
  'docs/testing.md',
  'lib/db/index.ts',
  'lib/db/rls-pool.ts',
  'lib/tenants/server.ts',
  'lib/tenants/resolvers/index.test.ts',
  'app/[tenant]/dashboard/page.tsx',
  'app/(marketing)/page.tsx',
  'tests/isolation/rls.test.ts',
  'node_modules/prisma/config.js',
  'prisma/schema.prisma',
]);

const refs = (file: string, text: string) =>
  findBadReferences(repo, file, text).map((p) => `${p.line}: ${p.reference} (${p.reason})`);

describe('the reference check on synthetic input', () => {
  it('reports a test file that does not exist, with its line', () => {
    const source = ['/**', ' * Proved by tests/isolation/rls-pool.test.ts.', ' */', 'export const x = 1;'].join('\n');
    expect(refs('lib/db/rls-pool.ts', source)).toEqual(['2: tests/isolation/rls-pool.test.ts (missing)']);
  });

  it('reports a design file that is not in the repository, however it is named', () => {
    expect(refs('lib/db/index.ts', '// Public face of lib/db (CONTRACT.md "Public API").')).toEqual([
      '1: CONTRACT.md (missing)',
    ]);
    expect(refs('docs/testing.md', 'See [the contract](../../elsewhere/CONTRACT.md).')).toEqual([
      '1: ../../elsewhere/CONTRACT.md (outside)',
    ]);
  });

  it('reports relative paths that leave the repository and absolute paths into someone’s folders', () => {
    const home = ['', 'home', 'dev', 'notes.md'].join('/');
    const work = ['', 'work', 'team', 'notes.md'].join('/');
    expect(refs('lib/db/index.ts', `// see ../../../elsewhere/notes.md and ${home}\n// and ${work}`)).toEqual([
      '1: ../../../elsewhere/notes.md (outside)',
      `1: ${home} (outside)`,
      `2: ${work} (outside)`,
    ]);
    expect(refs('docs/testing.md', 'Copied from /srv/checkout/lib/db/index.ts')).toEqual([
      '1: /srv/checkout/lib/db/index.ts (outside)',
    ]);
  });

  it('reports a Markdown link to a missing page, and a missing folder or module path', () => {
    expect(refs('docs/testing.md', 'Read [notes](design-notes.md#one) and `lib/db/tenant-extension.ts`.')).toEqual([
      '1: design-notes.md (missing)',
      '1: lib/db/tenant-extension.ts (missing)',
    ]);
    expect(refs('README.md', 'Code in `sidecar/` and `lib/items/`; import from `@/lib/items/queries`.')).toEqual([
      '1: lib/items/ (missing)',
      '1: @/lib/items/queries (missing)',
    ]);
  });

  it('accepts what exists, in every spelling', () => {
    const text = [
      'lib/db/index.ts:42, `lib/db`, @/lib/tenants/server, ./architecture.md, [tests](testing.md#patterns),',
      'app/[tenant]/dashboard/page.tsx, app/(marketing)/page.tsx, rls.test.ts, resolvers/index.test.ts,',
      '../README.md, [home](../README.md), prisma/config (the package), prisma/schema.prisma.',
    ].join('\n');
    expect(refs('docs/architecture.md', text)).toEqual([]);
  });

  it('does not count routes, URLs, packages, globs, placeholders or names as files', () => {
    const text = [
      'GET /api/v1/items and /acme/dashboard; https://example.com/lib/gone.ts; next/headers, @prisma/client;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: text that quotes a template literal
      'app/[tenant]/** and tests/isolation/*.test.ts; lib/<feature>/schemas.ts; `${base}/lib/x.ts`;',
      'Next.js, Auth.js, Response.json, socket.io, /usr/bin/chromium; rename middleware.ts to proxy.ts.',
    ].join('\n');
    expect(refs('docs/architecture.md', text)).toEqual([]);
  });

  it('reads only the comments of a source file', () => {
    const source = [
      "const file = 'lib/gone.ts'; // but this one counts: lib/also-gone.ts",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: synthetic source with a template literal
      'const re = /\\/\\/ lib\\/in-regex.ts/; const url = `http://x/${"//"} lib/in-template.ts`;',
      '/* block: docs/gone.md */',
    ].join('\n');
    expect(refs('lib/db/index.ts', source)).toEqual(['1: lib/also-gone.ts (missing)', '3: docs/gone.md (missing)']);
  });
});

describe('commentText', () => {
  it('keeps comments in place and blanks code, strings, templates and regular expressions', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: synthetic source with a template literal
    const source = 'const a = "// no"; // yes\nconst b = `x ${c /* inner */} // no` / 2; /re\\/[/]/.test(a) // end';
    const out = commentText(source);
    expect(out).toHaveLength(source.length);
    expect(out.split('\n')).toHaveLength(2);
    expect(out.replace(/\s+/g, ' ').trim()).toBe('// yes /* inner */ // end');
  });
});

describe('the repository', () => {
  it('names no file that does not exist or lies outside it, in any comment or doc', () => {
    const found = scanRepository(ROOT).map(
      (p) =>
        `${p.file}:${p.line}  ${p.reference}  (${p.reason === 'outside' ? 'outside the repository' : 'no such file'})`,
    );
    expect(found, `Dangling file references (fix the path or drop the reference):\n${found.join('\n')}`).toEqual([]);
  });
});
