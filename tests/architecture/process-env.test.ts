import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOnly, describeReads, findEnvReads, forbiddenEnvReads, isAllowed } from './process-env-reads';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('process.env', () => {
  it('is read only through lib/env, outside tooling and tests', () => {
    const reads = forbiddenEnvReads(ROOT);
    expect(reads, describeReads(reads)).toEqual([]);
  });
});

describe('the process.env scan', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tenantry-env-scan-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('fails on a tree with a read outside lib/env, naming file and line', () => {
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(scratch, rel)), { recursive: true });
      writeFileSync(path.join(scratch, rel), text);
    };
    write('app/page.tsx', "import { env } from '@/lib/env';\nexport const url = process.env.REALTIME_PUBLIC_URL;\n");
    write('lib/env/index.ts', 'export const raw = process.env;\n');
    write('scripts/dev.mjs', 'const port = process.env.PORT;\n');
    write('lib/items/items.test.ts', "process.env.RATE_LIMIT_FREE = '2';\n");
    const reads = forbiddenEnvReads(scratch);
    expect(reads).toEqual([
      { file: 'app/page.tsx', line: 2, text: 'export const url = process.env.REALTIME_PUBLIC_URL;' },
    ]);
    expect(describeReads(reads)).toContain('app/page.tsx:2  export const url = process.env.REALTIME_PUBLIC_URL;');
  });

  it('catches every spelling of a read', () => {
    const source = [
      'const a = process.env.A;',
      'const b = process?.env?.B;',
      "const c = process['env'].C;",
      'const { env } = process;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the scan reads it
      'const d = `${process.env.D}`;',
      'const ok = process.cwd();',
    ].join('\n');
    expect(findEnvReads('x.ts', source).map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores comments and strings that mention process.env', () => {
    const source = [
      '// process.env.A in a comment',
      '/* process.env.B',
      '   still a comment */',
      "const s = 'process.env.C';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the scan reads it
      'const t = `text process.env.D ${1 + 1} more`;',
      'const url = "http://x"; // process.env.E',
    ].join('\n');
    expect(findEnvReads('x.ts', source)).toEqual([]);
    expect(codeOnly(source).split('\n')).toHaveLength(6);
  });

  it('allows lib/env, its browser file, tests and tooling, and nothing else', () => {
    for (const file of [
      'lib/env/index.ts',
      'lib/env/public.ts',
      'instrumentation.ts',
      'next.config.ts',
      'scripts/dev.mjs',
      'tests/fixtures/app-server.ts',
      'e2e/global-setup.ts',
      'bench/db.ts',
      'lib/tenants/config.test.ts',
    ]) {
      expect(isAllowed(file), file).toBe(true);
    }
    for (const file of [
      'lib/env/schema.ts',
      'middleware.ts',
      'app/api/health/route.ts',
      'components/presence/use-presence.ts',
      'realtime-server/config.ts',
      'prisma/seed.ts',
    ]) {
      expect(isAllowed(file), file).toBe(false);
    }
  });
});
