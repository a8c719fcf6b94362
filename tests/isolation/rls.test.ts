// The second wall on its own: migration coverage, the app role, and the TenantPool's per-connection
// tenant under pooling and transactions.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantDb, type TenantDb } from '@/lib/db/clients';
import { findRlsGaps } from '@/lib/db/rls-audit';
import { runAsTenant, TenantPool } from '@/lib/db/rls-pool';
import { createIsolationDb, type Seeded, seedTwoTenants } from './isolation-db';

let database: Awaited<ReturnType<typeof createIsolationDb>>;
let tdb: TenantDb;
let seeded: Seeded;
beforeAll(async () => {
  database = await createIsolationDb();
  tdb = createTenantDb({ url: database.url, appUrl: database.appUrl, rls: true, extension: false, poolSize: 2 });
  seeded = await seedTwoTenants(tdb.admin, tdb.graph);
});
afterAll(async () => {
  await tdb?.disconnect();
  await database?.drop();
});

async function owner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('RLS migration', () => {
  it('leaves no tenant-owned table without ENABLE, FORCE and the tenant_isolation policy', async () => {
    expect(await owner(findRlsGaps)).toEqual([]);
  });
  it('flags a new tenant-owned table until tenantry_enable_rls() runs', async () => {
    await owner(async (c) => {
      await c.query('create table "Widget" (id text primary key, "tenantId" text not null)');
      expect((await findRlsGaps(c)).map((g) => g.table)).toEqual(['Widget']);
      await c.query('select tenantry_enable_rls()');
      expect(await findRlsGaps(c)).toEqual([]);
      await c.query('drop table "Widget"');
    });
  });
  it('creates tenantry_app as a login role without superuser or BYPASSRLS', async () => {
    const role = await owner((c) =>
      c.query("select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = 'tenantry_app'"),
    );
    expect(role.rows).toEqual([{ rolcanlogin: true, rolsuper: false, rolbypassrls: false }]);
  });
  it('shows tenantry_app nothing without a tenant and only the tenant rows with one', async () => {
    const c = new pg.Client({ connectionString: database.appUrl });
    await c.connect();
    try {
      expect((await c.query('select count(*)::int n from "Item"')).rows[0].n).toBe(0);
      await c.query("select set_config('app.tenant_id', $1, false)", [seeded.a]);
      const rows = (await c.query('select "tenantId" from "Item"')).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.tenantId === seeded.a)).toBe(true);
      await expect(
        c.query('insert into "Item" (id, "tenantId", name) values ($1, $2, $3)', ['x1', seeded.b, 'evil']),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await c.end();
    }
  });
});

describe('TenantPool', () => {
  /** A one-connection TenantPool, and a query showing the tenant it ran as and the Item rows it saw. */
  const onePool = () => {
    const pool = new TenantPool({ connectionString: database.appUrl, max: 1 });
    const q = (t: string | null) =>
      runAsTenant(t, () =>
        pool.query({ text: 'select current_setting(\'app.tenant_id\', true) as t, count(*)::int as n from "Item"' }),
      );
    return { pool, q };
  };
  /** Drops the connection's prepared tenant switch, so that the next switch fails on the server. */
  const breakNextSwitch = async (pool: TenantPool) => {
    const client = await pool.connect();
    await client.query('deallocate tenantry_set_tenant');
    client.release();
  };
  const itemsNamedLike = async (pattern: string) =>
    (await owner((c) => c.query('select count(*)::int n from "Item" where name like $1', [pattern]))).rows[0].n;
  it('never hands the previous tenant to the next user of a pooled connection', async () => {
    const { pool, q } = onePool();
    try {
      expect((await q(seeded.a)).rows[0]).toMatchObject({ t: seeded.a });
      expect((await q(null)).rows[0]).toEqual({ t: '', n: 0 });
      expect((await q(seeded.b)).rows[0]).toMatchObject({ t: seeded.b });
      const mixed = await Promise.all(Array.from({ length: 50 }, (_, i) => q(i % 2 ? seeded.a : seeded.b)));
      expect(mixed.every((r, i) => r.rows[0].t === (i % 2 ? seeded.a : seeded.b))).toBe(true);
    } finally {
      await pool.end();
    }
  });
  it('refuses a tenant id PostgreSQL cannot set before sending anything, so no query runs as the previous tenant', async () => {
    const { pool, q } = onePool();
    try {
      expect((await q(seeded.a)).rows[0]).toMatchObject({ t: seeded.a });
      // A NUL byte cannot be stored in a setting. Sent, the switch would fail and the update pipelined
      // behind it would run as A and rename every A row.
      const write = runAsTenant('x\u0000y', () =>
        pool.query({ text: 'update "Item" set name = name || \'-hijacked\'' }),
      );
      await expect(write).rejects.toThrow(/NUL/);
      expect(await itemsNamedLike('%-hijacked')).toBe(0);
      expect((await q(null)).rows[0]).toEqual({ t: '', n: 0 });
    } finally {
      await pool.end();
    }
  });
  it('never returns the rows of a query whose tenant switch failed on the server, and drops that connection', async () => {
    const { pool, q } = onePool();
    try {
      expect((await q(seeded.a)).rows[0]).toMatchObject({ t: seeded.a });
      const pid = async () =>
        (await runAsTenant(seeded.a, () => pool.query({ text: 'select pg_backend_pid() as p' }))).rows[0].p;
      const before = await pid();
      // Dropping the connection's prepared switch makes the next switch fail on the server: the query
      // pipelined behind it runs as A, and must not reach the caller.
      await breakNextSwitch(pool);
      await expect(q(seeded.b)).rejects.toThrow(/tenantry_set_tenant/);
      expect(await pid()).not.toBe(before);
      expect((await q(seeded.b)).rows[0]).toMatchObject({ t: seeded.b });
    } finally {
      await pool.end();
    }
  });
  it('a write scoped to the wanted tenant (what wall 1 sends) changes nothing when its switch fails on the server', async () => {
    const { pool, q } = onePool();
    try {
      expect((await q(seeded.a)).rows[0]).toMatchObject({ t: seeded.a });
      await breakNextSwitch(pool);
      // Runs as A (the switch to B failed): A's rows fail the tenant condition, B's are hidden from A.
      const write = runAsTenant(seeded.b, () =>
        pool.query({ text: 'update "Item" set name = name || $2 where "tenantId" = $1', values: [seeded.b, '-moved'] }),
      );
      await expect(write).rejects.toThrow(/tenantry_set_tenant/);
      expect(await itemsNamedLike('%-moved')).toBe(0);
    } finally {
      await pool.end();
    }
  });
  it('sets the tenant transaction-locally so a rollback leaves nothing behind', async () => {
    const pool = new TenantPool({ connectionString: database.appUrl, max: 1 });
    try {
      const client = await pool.connect();
      await client.query('BEGIN');
      const inside = await runAsTenant(seeded.a, () =>
        client.query("select current_setting('app.tenant_id', true) as t"),
      );
      expect(inside.rows[0].t).toBe(seeded.a);
      await client.query('ROLLBACK');
      client.release();
      const after = await runAsTenant(null, () =>
        pool.query({ text: "select current_setting('app.tenant_id', true) as t" }),
      );
      expect(after.rows[0].t).toBe('');
    } finally {
      await pool.end();
    }
  });
  it('runs concurrent findUnique calls of two tenants each as its own tenant', async () => {
    const [a, b] = await Promise.all([
      tdb.forTenant(seeded.a).item.findUnique({ where: { id: seeded.aRows.Item?.[0] } }),
      tdb.forTenant(seeded.b).item.findUnique({ where: { id: seeded.bRows.Item?.[0] } }),
    ]);
    expect(a?.tenantId).toBe(seeded.a);
    expect(b?.tenantId).toBe(seeded.b);
  });
  it('keeps an interactive transaction on one connection and rolls it back together', async () => {
    const A = tdb.forTenant(seeded.a);
    const before = await tdb.admin.document.count({ where: { tenantId: seeded.a } });
    await expect(
      A.$transaction(async (tx) => {
        const pid1 = await tx.document.create({ data: { tenantId: seeded.a, title: 'tx' } });
        expect(pid1.tenantId).toBe(seeded.a);
        expect(await tx.document.count()).toBe(before + 1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await tdb.admin.document.count({ where: { tenantId: seeded.a } })).toBe(before);
  });
});
