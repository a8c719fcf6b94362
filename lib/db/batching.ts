/**
 * Keeps Prisma from batching two tenants' queries into one database round trip.
 *
 * Prisma collects `findUnique` calls made in the same tick into one batch, keyed by the *shape* of
 * the query, and runs the batch in the async context of its first caller. Under RLS the tenant comes
 * from that context, so tenant B's lookup could run as tenant A. Adding the tenant to the batch key
 * keeps batching within a tenant and never across. Proved by tests/isolation/rls-pool.test.ts
 * ("never batches two tenants' findUnique calls together").
 *
 * This touches a private field of the pinned Prisma client; if an upgrade moves it we throw at
 * startup instead of running unprotected.
 */
import { currentRlsTenant } from './rls-pool';

type BatchRequest = { transaction?: unknown };
type BatchBy = (request: BatchRequest) => string | undefined;

export function keepTenantsInSeparateBatches(client: object): void {
  const handler = (client as { _requestHandler?: { dataloader?: { options?: { batchBy?: BatchBy } } } })
    ._requestHandler;
  const options = handler?.dataloader?.options;
  const batchBy = options?.batchBy;
  if (!options || typeof batchBy !== 'function') {
    throw new Error('lib/db: cannot find Prisma request batching (Prisma upgrade?); refusing to run RLS mode');
  }
  options.batchBy = (request) => {
    const key = batchBy(request);
    // Transaction batches are one unit on one connection; only free-standing batches are split.
    return key === undefined || request.transaction ? key : `${key}#tenant:${currentRlsTenant()}`;
  };
}
