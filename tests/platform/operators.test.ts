import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import * as ops from '@/lib/platform/actions';
import { listPlatformAudit } from '@/lib/platform/audit';
import { setPlatformOperator } from '@/lib/platform/operator-role';
import { findOperator, isOperatorEmail, type Operator } from '@/lib/platform/operators';
import { OPERATOR_NOT_FOUND, runOperatorAction } from '@/lib/platform/run-operator-action';
import { listRepoFiles, SOURCE_FILE } from '../architecture/repo-files';
import { seededDbForSuite, tenantId, userId } from '../accounts/scratch';

seededDbForSuite();

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAIRS = Object.entries(ops) as [string, { def: { name: string }; body: unknown }][];

let acme: string;
let alice: string;
beforeAll(async () => {
  acme = await tenantId('acme');
  alice = await userId('alice@acme.test');
});

describe('who is an operator', () => {
  it('an email named in PLATFORM_OPERATORS (trimmed, any case)', () => {
    expect(isOperatorEmail('Ops@Example.test ', ['ops@example.test'])).toBe(true);
    expect(isOperatorEmail('ops@example.test.evil', ['ops@example.test'])).toBe(false);
    expect(isOperatorEmail('ops@example.test', [])).toBe(false);
  });

  it('a user with platformRole OPERATOR, granted and revoked by the CLI’s function', async () => {
    expect(await findOperator(alice)).toBeNull();
    expect(await setPlatformOperator('alice@acme.test', true)).toBe(true);
    expect(await findOperator(alice)).toMatchObject({ id: alice, email: 'alice@acme.test' });
    expect(await setPlatformOperator('alice@acme.test', false)).toBe(true);
    expect(await findOperator(alice)).toBeNull();
  });

  it('nobody who does not exist', async () => {
    expect(await findOperator('no-such-user')).toBeNull();
    expect(await setPlatformOperator('nobody@example.test', true)).toBe(false);
  });
});

describe('a non-operator gets 404 from every /admin action', () => {
  it.each(PAIRS)('%s answers "Not found" and runs nothing', async (_name, pair) => {
    const before = await withoutTenant((c) => c.tenant.findUniqueOrThrow({ where: { id: acme } }));
    const auditBefore = (await listPlatformAudit()).length;
    const { state } = await runOperatorAction(
      pair.def as never,
      pair.body as never,
      { tenantId: acme, reason: 'attack', userId: alice, write: 'on' },
      { operator: null, ip: null },
    );
    expect(state).toEqual({ ok: false, error: OPERATOR_NOT_FOUND });
    expect(await withoutTenant((c) => c.tenant.findUniqueOrThrow({ where: { id: acme } }))).toEqual(before);
    expect(await withoutTenant((c) => c.impersonation.count())).toBe(0);
    expect((await listPlatformAudit()).length).toBe(auditBefore);
  });

  it('an operator’s action runs and lands in the platform audit log', async () => {
    const operator: Operator = { id: alice, email: 'alice@acme.test', name: 'Alice' };
    const { state } = await runOperatorAction(
      ops.suspendTenantOp.def,
      ops.suspendTenantOp.body,
      { tenantId: acme, reason: 'unpaid invoices' },
      { operator, ip: '203.0.113.9' },
    );
    expect(state.ok).toBe(true);
    const [entry] = await listPlatformAudit({ tenantId: acme });
    expect(entry).toMatchObject({
      actorEmail: 'alice@acme.test',
      action: 'tenant.suspend',
      targetTenantSlug: 'acme',
      data: { tenantId: acme, reason: 'unpaid invoices' },
      ip: '203.0.113.9',
    });
    await runOperatorAction(
      ops.unsuspendTenantOp.def,
      ops.unsuspendTenantOp.body,
      { tenantId: acme },
      {
        operator,
        ip: null,
      },
    );
  });
});

describe('the console’s pages and routes', () => {
  const adminFiles = listRepoFiles(ROOT, SOURCE_FILE).filter(
    (f) => f.startsWith('app/admin/') && /\/(page|layout|route)\.tsx?$/.test(f),
  );

  it('exist', () => {
    expect(adminFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(adminFiles)('%s checks the operator before anything else', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const body = text.slice(text.search(/export (default )?async function/));
    const first = /await (requireOperator|getOperator)\(\)/.exec(body);
    expect(first, 'calls requireOperator() or getOperator()').not.toBeNull();
    // Nothing is awaited before the operator check.
    expect(body.indexOf('await ')).toBe(first?.index);
    if (first?.[1] === 'getOperator')
      expect(body).toMatch(/if \(!operator\) return new Response\('Not Found', \{ status: 404 \}\)/);
  });
});

describe('no request can make a user an operator', () => {
  const files = listRepoFiles(ROOT, SOURCE_FILE).filter((f) => !f.startsWith('tests/'));

  it('only lib/platform/operator-role.ts writes platformRole', () => {
    const writers = files.filter((f) => /platformRole\s*:/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(writers.filter((f) => f !== 'lib/platform/operator-role.ts' && f !== 'lib/platform/operators.ts')).toEqual(
      [],
    );
    // operators.ts only selects it.
    expect(readFileSync(path.join(ROOT, 'lib/platform/operators.ts'), 'utf8')).toMatch(/platformRole: true/);
  });

  it('and only the CLI imports it', () => {
    const importers = files.filter((f) => readFileSync(path.join(ROOT, f), 'utf8').includes('platform/operator-role'));
    expect(importers).toEqual(['scripts/operator.ts']);
  });
});
