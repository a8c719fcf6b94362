/**
 * Builds the set of clients for one configuration: the admin (owner) client, the app client (the
 * `tenantry_app` role over a TenantPool when RLS is on), `db` (scoped by withTenant) and `forTenant`.
 * `lib/db/index.ts` builds one set lazily from the environment; tests build one per isolation mode.
 */
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { disableCrossContextBatching } from './batching';
import { withDirectCalls } from './direct-calls';
import { currentTenantId } from './context';
import type { PrismaClient } from './generated/client';
import { createPrismaClient, createPrismaClientFromPool } from './prisma';
import { TenantPool } from './rls-pool';
import { logStatements } from './statement-log';
import { tenantExtension } from './tenant-extension';
import { type ModelGraph, modelGraphFromClient } from './tenant-models';

export type TenantDbOptions = {
  /** Owner connection string (admin escape). */
  url: string;
  /** Connection string of the non-owner role, used when `rls` is on. */
  appUrl: string;
  rls: boolean;
  /** Wall 1. Always on in the app; off only for the matrix's "RLS only" mode. */
  extension?: boolean;
  poolSize?: number;
  /** Every statement to stdout (DB_LOG_STATEMENTS). */
  logStatements?: boolean;
};

function buildScopedClient(
  app: PrismaClient,
  graph: ModelGraph,
  getTenantId: () => string | undefined,
  o: TenantDbOptions,
) {
  const walls = { graph, getTenantId, inject: o.extension !== false, rls: o.rls };
  // The extension covers every call; awaited model calls take the same walls' direct path.
  return withDirectCalls(app.$extends(tenantExtension(walls)), app, walls);
}

export type ScopedClient = ReturnType<typeof buildScopedClient>;

export type TenantDb = {
  /** Scoped to the tenant of the surrounding `withTenant`; fails closed outside one. */
  db: ScopedClient;
  forTenant(tenantId: string): ScopedClient;
  /** The owner client, unscoped. Reach it through `withoutTenant` only. */
  admin: PrismaClient;
  graph: ModelGraph;
  options: TenantDbOptions;
  disconnect(): Promise<void>;
};

export function createTenantDb(options: TenantDbOptions): TenantDb {
  const logged = <P extends pg.Pool>(pool: P): P => {
    if (options.logStatements) logStatements(pool);
    return pool;
  };
  const poolSize = options.poolSize ?? 10;
  const admin = options.logStatements
    ? createPrismaClientFromPool(logged(new pg.Pool({ connectionString: options.url, max: poolSize })))
    : createPrismaClient(options.url, poolSize);
  const app = options.rls
    ? createPrismaClientFromPool(logged(new TenantPool({ connectionString: options.appUrl, max: poolSize })))
    : admin;
  if (options.rls) disableCrossContextBatching(app);
  const graph = modelGraphFromClient(app);
  const db = buildScopedClient(app, graph, currentTenantId, options);
  // $extends is cheap but not free; hot tenants reuse their client.
  const cache = new LRUCache<string, ScopedClient>({ max: 1000 });
  return {
    db,
    admin,
    graph,
    options,
    forTenant(tenantId) {
      if (typeof tenantId !== 'string' || tenantId === '') throw new TypeError('forTenant needs a tenant id');
      let client = cache.get(tenantId);
      if (!client) {
        client = buildScopedClient(app, graph, () => tenantId, options);
        cache.set(tenantId, client);
      }
      return client;
    },
    async disconnect() {
      await admin.$disconnect();
      if (app !== admin) await app.$disconnect();
    },
  };
}
