import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listRepoFiles, SOURCE_FILE } from './repo-files';

/**
 * Finds `process.env` reads outside the places allowed to make them. The rule: the app reads its
 * environment through `env` from lib/env (typed, validated, one table), so a variable cannot be
 * read without being in the schema and docs/configuration.md. Used by process-env.test.ts.
 */

/** Files that may read process.env, and why. */
const ALLOWED_FILES: Readonly<Record<string, string>> = {
  'lib/env/index.ts': 'the env module itself',
  // Next inlines only LITERAL `process.env.NEXT_PUBLIC_X` reads into browser bundles; `env` reads by
  // key at run time, which finds an empty object in the browser.
  'lib/env/public.ts': 'the browser-visible NEXT_PUBLIC_* variables',
  // Next replaces the literal `process.env.NEXT_RUNTIME` at build time to keep Node-only code off the edge.
  'instrumentation.ts': 'the NEXT_RUNTIME branch',
  'next.config.ts': 'loaded by Next before the app exists',
  'prisma.config.ts': 'loaded by the Prisma CLI',
  'playwright.config.ts': 'test tooling',
  'vitest.config.ts': 'test tooling',
};

/** Directories of tooling and tests: they set up processes and their environments. */
const ALLOWED_DIRS = ['scripts/', 'bench/', 'tests/', 'e2e/'];

export function isAllowed(relPath: string): boolean {
  return (
    relPath in ALLOWED_FILES || ALLOWED_DIRS.some((dir) => relPath.startsWith(dir)) || /\.test\.tsx?$/.test(relPath)
  );
}

/**
 * `source` with comments and the text of string literals blanked (line breaks kept, so line numbers
 * hold). Template literal `${…}` expressions stay code. Good enough for our own sources; it does
 * not try to tell a regex literal from a division.
 */
export function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  const stack: ('code' | 'template')[] = ['code'];
  const braces: number[] = [0];
  const blank = (ch: string) => (ch === '\n' ? '\n' : ' ');
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    const mode = stack[stack.length - 1];
    if (mode === 'template') {
      if (ch === '\\') {
        out += blank(ch) + blank(next ?? '');
        i += 2;
      } else if (ch === '`') {
        stack.pop();
        out += ch;
        i++;
      } else if (ch === '$' && next === '{') {
        stack.push('code');
        braces.push(0);
        out += '${';
        i += 2;
      } else {
        out += blank(ch);
        i++;
      }
      continue;
    }
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      for (; i < stop; i++) out += blank(source[i]!);
    } else if (ch === '"' || ch === "'") {
      out += ch;
      i++;
      while (i < source.length && source[i] !== ch && source[i] !== '\n') {
        if (source[i] === '\\') {
          out += ' ';
          i++;
        }
        out += blank(source[i] ?? '');
        i++;
      }
      out += source[i] ?? '';
      i++;
    } else if (ch === '`') {
      stack.push('template');
      out += ch;
      i++;
    } else {
      if (ch === '{') braces[braces.length - 1]!++;
      if (ch === '}') {
        if (braces[braces.length - 1] === 0 && stack.length > 1) {
          stack.pop();
          braces.pop();
          out += ch;
          i++;
          continue;
        }
        braces[braces.length - 1]!--;
      }
      out += ch;
      i++;
    }
  }
  return out;
}

// `process.env`, `process?.env`, `process['env']` (any computed access), `const { env } = process`.
const READ = /\bprocess\s*(?:\?\.|\.)\s*env\b|\bprocess\s*(?:\?\.)?\s*\[|\}\s*=\s*process\b(?!\s*\.)/;

export type EnvRead = { file: string; line: number; text: string };

/** The lines of `source` (file `relPath`) that read process.env. */
export function findEnvReads(relPath: string, source: string): EnvRead[] {
  const original = source.split('\n');
  return codeOnly(source)
    .split('\n')
    .flatMap((code, index) =>
      READ.test(code) ? [{ file: relPath, line: index + 1, text: original[index]!.trim() }] : [],
    );
}

/** Every process.env read under `root` outside the allowed places. */
export function forbiddenEnvReads(root: string): EnvRead[] {
  return listRepoFiles(root, SOURCE_FILE)
    .filter((file) => !isAllowed(file))
    .flatMap((file) => findEnvReads(file, readFileSync(path.join(root, file), 'utf8')));
}

export function describeReads(reads: readonly EnvRead[]): string {
  const lines = reads.map((r) => `  ${r.file}:${r.line}  ${r.text}`);
  return `process.env read outside lib/env; use \`import { env } from '@/lib/env'\` (and add the variable to lib/env/schema.ts and docs/configuration.md):\n${lines.join('\n')}`;
}
