/**
 * The second wall's plumbing: a pg Pool that puts the current tenant on every connection it hands out,
 * before the connection runs anything, so Postgres row-level security filters by it.
 *
 * Invariants (proved by tests/isolation/rls.test.ts, "TenantPool", and the matrix in RLS modes):
 * - A query runs with `app.tenant_id` equal to the tenant of the Prisma call that issued it ('' when
 *   none, which matches no row): a pooled connection never carries a previous user's tenant into the
 *   next query, because the value is compared and (re)set at every use, not trusted from last time.
 * - Inside a transaction the tenant is set with `is_local = true`, so a rollback or commit cannot
 *   leave a stale value behind and the whole transaction stays on one connection.
 *
 * Why a Pool subclass: PrismaPg runs every non-transactional query through `pool.query(config)` and
 * opens transactions with `pool.connect()`. Wrapping those two calls is enough; Prisma's result
 * decoding stays untouched. A tenant switch is pipelined with the query (one round trip). The tenant travels from the Prisma extension to here in an
 * AsyncLocalStorage (`runAsTenant`), which follows the call through Prisma's async internals.
 */
import pg from 'pg';
import { processStorage } from './process-storage';

type TenantSlot = { tenantId: string };
const rlsContext = processStorage<TenantSlot>('rls-tenant');

/** Runs `fn` so that queries it issues on a TenantPool connection see `tenantId` (null: no tenant). */
export function runAsTenant<T>(tenantId: string | null | undefined, fn: () => Promise<T>): Promise<T> {
  return rlsContext.run({ tenantId: tenantId ?? '' }, fn);
}

const thenOf = <T>(pending: PromiseLike<T>): Promise<T> => Promise.resolve(pending.then());

/**
 * Starts a lazy query (a PrismaPromise) as `tenantId`: `then` is called inside the context, so every
 * statement it issues sees the tenant. The same as `runAsTenant(t, async () => await pending)` with
 * two fewer promises and no closure, on the hot path of every RLS call.
 */
export function startAsTenant<T>(tenantId: string | null | undefined, pending: PromiseLike<T>): Promise<T> {
  return rlsContext.run({ tenantId: tenantId ?? '' }, thenOf<T>, pending);
}

/** The tenant the current async context runs as ('' = none). */
export function currentRlsTenant(): string {
  return rlsContext.getStore()?.tenantId ?? '';
}

// Named, so each connection parses and plans them once: a tenant switch is then Bind/Execute only,
// which is most of what RLS costs when requests rotate over tenants (docs/benchmarks.md).
const SET_SESSION = { name: 'tenantry_set_tenant', text: "select set_config('app.tenant_id', $1, false)" };
const SET_LOCAL = { name: 'tenantry_set_tenant_local', text: "select set_config('app.tenant_id', $1, true)" };
// Statements that must reach the server untouched at the edges of a transaction; SET TRANSACTION
// in particular must be the first statement after BEGIN.
const TX_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET\s+TRANSACTION)\b/i;

type QueryFn = (config: pg.QueryConfig) => Promise<pg.QueryResult>;
type ConnState = {
  raw: QueryFn;
  /** Session-level tenant on this connection; undefined = unknown (fresh), always re-set. */
  session: string | undefined;
  /** Tenant set with is_local inside the current transaction. */
  local: string | undefined;
  inTx: boolean;
};

const STATE = Symbol('tenantry.rls');
type TrackedClient = pg.PoolClient & { [STATE]?: ConnState };

function stateOf(client: TrackedClient): ConnState {
  const state = client[STATE];
  if (state) return state;
  const raw: QueryFn = client.query.bind(client) as QueryFn;
  const created: ConnState = { raw, session: undefined, local: undefined, inTx: false };
  client[STATE] = created;
  // Every statement PrismaPg sends inside a transaction passes here first.
  const wrapped = async (config: pg.QueryConfig | string) => {
    const text = typeof config === 'string' ? config : config.text;
    if (created.inTx && !TX_CONTROL.test(text)) {
      const want = currentRlsTenant();
      if ((created.local ?? created.session) !== want) {
        await raw({ ...SET_LOCAL, values: [want] });
        created.local = want;
      }
    }
    return raw(typeof config === 'string' ? { text: config } : config);
  };
  Object.defineProperty(client, 'query', { value: wrapped, configurable: true, writable: true });
  return created;
}

const ignore = () => undefined;

/**
 * The query pipelined behind a tenant switch runs whether or not the switch succeeded, as the tenant
 * the connection had before. So a switch must never fail on its input: a value PostgreSQL would refuse
 * is refused here, before anything is sent. NUL is the only one (pg sends every other JS string as
 * valid UTF-8, and a custom setting takes any text).
 */
function assertSettableTenant(tenantId: string): void {
  if (tenantId.includes('\u0000')) throw new Error('TenantPool: a tenant id cannot contain a NUL byte');
}

/**
 * Sets the session tenant and runs the query in one round trip and one write: pg's pipeline mode sends
 * both without waiting, and the corked socket sends their eight protocol messages in one syscall. If
 * setting the tenant fails on the server (a cancel, a timeout: its input was checked above), its error
 * is thrown, the query's result is never returned and the caller destroys the connection; the query
 * itself has run as the previous tenant, so wall 1's scoping is what keeps that from touching another
 * tenant's rows (docs/security-model.md).
 */
async function switchAndQuery(
  client: TrackedClient,
  state: ConnState,
  want: string,
  config: pg.QueryConfig,
): Promise<pg.QueryResult> {
  assertSettableTenant(want);
  const stream = client.connection.stream;
  stream.cork();
  let query: Promise<pg.QueryResult>;
  let set: Promise<pg.QueryResult>;
  try {
    set = state.raw({ name: SET_SESSION.name, text: SET_SESSION.text, values: [want] });
    query = state.raw(config);
  } finally {
    stream.uncork();
  }
  query.catch(ignore); // awaited below once the tenant is known to be set; never left unhandled
  await set;
  state.session = want;
  return await query;
}

export class TenantPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    // pg's pipeline mode lets the tenant switch ride along with the query (see query() below).
    super({ ...config, pipeline: true } as pg.PoolConfig);
    // pg-pool destroys an idle connection that errors (server restart, terminate) and emits it here;
    // with no listener that event would crash the process. The next checkout opens a fresh one.
    this.on('error', () => undefined);
    this.on('release', (_err: Error | undefined, client: TrackedClient) => {
      const state = client[STATE];
      if (state) {
        state.inTx = false;
        state.local = undefined;
      }
    });
    const connect = pg.Pool.prototype.connect.bind(this) as () => Promise<pg.PoolClient>;
    // Used by PrismaPg only to open a transaction.
    Object.defineProperty(this, 'connect', {
      value: async () => {
        const client = (await connect()) as TrackedClient;
        stateOf(client).inTx = true;
        return client;
      },
    });
    // Used by PrismaPg for every statement outside a transaction.
    Object.defineProperty(this, 'query', {
      value: async (config: pg.QueryConfig) => {
        const want = currentRlsTenant();
        const client = (await connect()) as TrackedClient;
        const state = stateOf(client);
        try {
          const result =
            state.session === want ? await state.raw(config) : await switchAndQuery(client, state, want, config);
          client.release();
          return result;
        } catch (error) {
          // Like pg-pool: a connection that failed mid-use is destroyed, never reused.
          client.release(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      },
    });
  }
}
