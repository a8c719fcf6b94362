import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations, formatViolation, importSpecifiers, readSourceFiles, resolveSpecifier } from './import-graph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the import graph of this repository', () => {
  const files = readSourceFiles(ROOT);

  it('scans the layers it guards', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('app/[tenant]/dashboard/page.tsx');
    expect(paths).toContain('components/items/actions.ts');
    expect(paths).toContain('lib/items/queries.ts');
    expect(paths.some((p) => p.startsWith('lib/db/generated/'))).toBe(false);
    expect(paths.some((p) => p.startsWith('node_modules/'))).toBe(false);
  });

  it('keeps the database out of components/ and app/, and components/ and app/ out of lib/', () => {
    expect(findViolations(files).map(formatViolation)).toEqual([]);
  });
});

describe('the import-graph check', () => {
  it('reports each broken rule, naming the file and the import', () => {
    const violations = findViolations([
      { path: 'components/documents/document-list.tsx', source: "import { forTenant } from '@/lib/db';\n" },
      { path: 'app/[tenant]/page.tsx', source: "import type { Role } from '../../lib/db/generated/enums';\n" },
      { path: 'app/api/x/route.ts', source: "import { withDatabaseUnavailable } from '@/lib/db/on-unavailable';\n" },
      { path: 'components/x/y.ts', source: "export { PrismaClient } from '@prisma/client';\n" },
      { path: 'components/x/z.ts', source: "const m = await import('@/lib/db');\n" },
      { path: 'lib/items/api.ts', source: "import {\n  createItemSchema,\n} from '@/components/items/schemas';\n" },
      { path: 'lib/x/y.ts', source: "import '../../app/layout';\n" },
    ]);
    expect(violations.map((v) => [v.file, v.specifier])).toEqual([
      ['components/documents/document-list.tsx', '@/lib/db'],
      ['app/[tenant]/page.tsx', '../../lib/db/generated/enums'],
      ['app/api/x/route.ts', '@/lib/db/on-unavailable'],
      ['components/x/y.ts', '@prisma/client'],
      ['components/x/z.ts', '@/lib/db'],
      ['lib/items/api.ts', '@/components/items/schemas'],
      ['lib/x/y.ts', '../../app/layout'],
    ]);
    expect(formatViolation(violations[0]!)).toMatch(
      /^components\/documents\/document-list\.tsx imports '@\/lib\/db' \(lib\/db\): components\/ and app\//,
    );
    expect(formatViolation(violations[5]!)).toMatch(
      /^lib\/items\/api\.ts imports '@\/components\/items\/schemas' .*lib\/ must not import components\//,
    );
  });

  it('allows the imports the layers are meant to make', () => {
    expect(
      findViolations([
        {
          path: 'app/[tenant]/dashboard/page.tsx',
          source:
            "import { listItems } from '@/lib/items/queries';\nimport { ItemRow } from '@/components/items/item-row';\n",
        },
        {
          path: 'components/items/actions.ts',
          source: "'use server';\nimport { createItemAction } from '@/lib/items/actions';\n",
        },
        { path: 'lib/items/queries.ts', source: "import { forTenant } from '@/lib/db';\n" },
        { path: 'lib/dbx/a.ts', source: "import { x } from '@/lib/db';\n" },
        { path: 'components/x/a.ts', source: "import { x } from '@/lib/dbx/a';\n" },
        {
          path: 'tests/x.test.ts',
          source: "import { db } from '@/lib/db';\nimport { GET } from '@/app/api/v1/items/route';\n",
        },
      ]),
    ).toEqual([]);
  });

  it('ignores imports that are only mentioned in comments', () => {
    const source =
      "// import { db } from '@/lib/db';\n/* import { db } from '@/lib/db'; */\nconst url = 'https://example.com/x'; // not a comment start inside a string\n";
    expect(importSpecifiers(source)).toEqual([]);
    expect(findViolations([{ path: 'components/a.tsx', source }])).toEqual([]);
  });

  it('resolves @/ and relative specifiers against the repository root', () => {
    expect(resolveSpecifier('app/[tenant]/dashboard/page.tsx', '../../../lib/db')).toBe('lib/db');
    expect(resolveSpecifier('components/items/item-row.tsx', './actions')).toBe('components/items/actions');
    expect(resolveSpecifier('lib/a/b.ts', '@/lib/db/index')).toBe('lib/db/index');
    expect(resolveSpecifier('lib/a/b.ts', 'zod')).toBe('zod');
  });
});
