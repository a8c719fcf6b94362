/**
 * ZenStack v3 as three bench cases over bench/db-cases.ts's scratch database: plain (no plugin), the
 * `tenantId == auth().tenantId` policy, and that policy plus a post-update rule. Each issues exactly
 * the Prisma-shaped calls bench/db-cases.ts issues for Tenantry's cases, with the tenant filter and
 * tenantId written out, so the only difference is what the client adds.
 */
import { ZenStackClient } from '@zenstackhq/orm';
import { PostgresDialect } from '@zenstackhq/orm/dialects/postgres';
import { PolicyPlugin } from '@zenstackhq/plugin-policy';
import pg from 'pg';
import type { DbBench, Runner, Variant } from '../db-cases';
import { schema as policySchema } from './generated/policy/schema';
import { schema as postUpdateSchema } from './generated/post-update/schema';

/** Counts the statements a pool's connections send (ZenStack's transactions and read-backs included). */
export type CountedPool = pg.Pool & { statements: number };

function countedPool(url: string): CountedPool {
  const pool = Object.assign(new pg.Pool({ connectionString: url, max: 10 }), { statements: 0 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      pool.statements++;
      return query(...args);
    };
  });
  return pool;
}

export function openZenStack(bench: DbBench) {
  // Owner connection, like plain Prisma: ZenStack enforces its rules in the SQL it writes, not in
  // the database, so it needs no app role. Pool 10, like every other case.
  const pool = countedPool(bench.database.url);
  const postUpdatePool = countedPool(bench.database.url);
  const plain = new ZenStackClient(policySchema, { dialect: new PostgresDialect({ pool }) });
  const policy = plain.$use(new PolicyPlugin());
  const postUpdate = new ZenStackClient(postUpdateSchema, {
    dialect: new PostgresDialect({ pool: postUpdatePool }),
  }).$use(new PolicyPlugin());

  // The three clients share a schema shape (post-update.zmodel differs only in Item's rules), so one
  // runner serves all three; `pick` returns the client a request for tenant `t` would use.
  type ItemClient = Pick<typeof plain, 'item'>;
  const runner =
    (pick: (t: string) => ItemClient, label: string): Runner =>
    (op, t, i) => {
      const c = pick(t);
      if (op === 'findMany')
        return c.item.findMany({ where: { tenantId: t }, orderBy: { createdAt: 'desc' }, take: 20 });
      if (op === 'create') return c.item.create({ data: { tenantId: t, name: bench.uniq(label, i) } });
      return c.item.update({
        where: { id: bench.firstId.get(t) as string, tenantId: t },
        data: { name: bench.uniq(label, i) },
      });
    };
  // $setAuth per request, as an app would: it returns a shallow clone, no new connection.
  const variants: Variant[] = [
    ['zenstack plain', runner(() => plain, 'zs')],
    ['zenstack + tenant policy', runner((t) => policy.$setAuth({ tenantId: t }), 'zsp')],
    [
      'zenstack + policy + post-update',
      runner((t) => postUpdate.$setAuth({ tenantId: t }) as unknown as ItemClient, 'zspu'),
    ],
  ];
  return {
    plain,
    policy,
    postUpdate,
    variants,
    pools: { plain: pool, postUpdate: postUpdatePool },
    async close() {
      await Promise.allSettled([plain.$disconnect(), postUpdate.$disconnect()]);
    },
  };
}

export type ZenStackCases = ReturnType<typeof openZenStack>;
