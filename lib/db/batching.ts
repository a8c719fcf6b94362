/**
 * Keeps Prisma from running one tenant's query in another tenant's async context.
 *
 * Prisma collects `findUnique` calls made in the same tick and dispatches them from a
 * `process.nextTick` callback — which runs in the async context of the *first* caller. Under RLS the
 * tenant comes from that context, so tenant B's lookup would run as tenant A (B gets nothing, or in
 * RLS-only mode A's row). Outside transactions we therefore turn that batching off: each query is
 * sent from its own caller's context. Transaction batches stay as they are (one unit, one tenant).
 * Proved by tests/isolation/rls.test.ts ("runs concurrent findUnique calls of two tenants each
 * as its own tenant").
 *
 * This touches a private field of the pinned Prisma client; if an upgrade moves it we throw at
 * startup instead of running with the hole.
 */
type BatchRequest = { transaction?: unknown };
type BatchBy = (request: BatchRequest) => string | undefined;

export function disableCrossContextBatching(client: object): void {
  const handler = (client as { _requestHandler?: { dataloader?: { options?: { batchBy?: BatchBy } } } })
    ._requestHandler;
  const options = handler?.dataloader?.options;
  const batchBy = options?.batchBy;
  if (!options || typeof batchBy !== 'function') {
    throw new Error('lib/db: cannot find Prisma request batching (Prisma upgrade?); refusing to run RLS mode');
  }
  options.batchBy = (request) => (request.transaction ? batchBy(request) : undefined);
}
