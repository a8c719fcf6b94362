/**
 * The scoped client's fast path: a model call awaited on its own (`await db.item.findMany(…)`) runs
 * both walls without Prisma's extension machinery.
 *
 * Why: once a client has any `$extends`, Prisma runs every call through its query-callback chain and
 * walks every returned row with its result-extension visitor, even with no result extension defined.
 * That was about 45 % of what the walls cost under concurrency (docs/benchmarks.md, issue 16).
 *
 * What runs instead is exactly what the extension's `$allOperations` does (tenant-extension.ts), on the
 * same unextended client the extension wraps: `scopeArgs` on the arguments (wall 1), the call inside
 * `runAsTenant` (wall 2), `check` on the result. The tenant is read when the call is awaited, as the
 * extension reads it, not when it is built.
 *
 * Invariants (proved by tests/isolation/* in all three modes, which now run through this path, and by
 * tests/isolation/direct-calls.test.ts):
 * - Only the operations `scopeArgs` knows take this path; anything else on a delegate (an unknown
 *   operation, `fields`) is the extended client's, which refuses what it cannot scope.
 * - Whatever is not a plain await of one call goes to the extended client, built from the same
 *   arguments: a fluent relation call (`findUnique(…).memberships()`), a batch `$transaction([…])`
 *   (which calls `requestTransaction`), interactive transactions (`tx` is extended), raw SQL, `$extends`.
 */
import type { PrismaClient } from './generated/client';
import { runAsTenant } from './rls-pool';
import { SCOPED_OPERATIONS, scopeArgs } from './scope-args';
import { delegateKey, type ModelGraph } from './tenant-models';

export type DirectCallOptions = {
  graph: ModelGraph;
  getTenantId: () => string | undefined;
  inject: boolean;
  rls: boolean;
};

type Call = (args?: unknown) => PromiseLike<unknown>;
type Delegate = Record<string, Call>;

/** `scoped` with the fast path on its model delegates; every other property is `scoped`'s own. */
export function withDirectCalls<C extends object>(scoped: C, base: PrismaClient, options: DirectCallOptions): C {
  const models = new Map([...options.graph.keys()].map((model) => [delegateKey(model), model]));
  const delegates = new Map<string, Delegate>();
  return new Proxy(scoped, {
    get(target, prop) {
      const model = typeof prop === 'string' ? models.get(prop) : undefined;
      if (model === undefined || typeof prop !== 'string') return bound(target, Reflect.get(target, prop));
      let delegate = delegates.get(prop);
      if (!delegate) {
        const extended: unknown = Reflect.get(target, prop);
        delegate = directDelegate(model, extended as Delegate, Reflect.get(base, prop) as Delegate, options);
        delegates.set(prop, delegate);
      }
      return delegate;
    },
  });
}

function bound(target: object, value: unknown): unknown {
  return typeof value === 'function' ? value.bind(target) : value;
}

function directDelegate(model: string, extended: Delegate, base: Delegate, options: DirectCallOptions): Delegate {
  const calls = new Map<string, Call>();
  return new Proxy(extended, {
    get(target, prop) {
      if (typeof prop !== 'string' || !SCOPED_OPERATIONS.has(prop)) return bound(target, Reflect.get(target, prop));
      let call = calls.get(prop);
      if (!call) {
        const operation = prop;
        call = (args) =>
          lazyPrismaPromise(
            () => runDirect(model, operation, args, base, options),
            () => (target[operation] as Call).call(target, args),
          );
        calls.set(prop, call);
      }
      return call;
    },
  });
}

async function runDirect(
  model: string,
  operation: string,
  args: unknown,
  base: Delegate,
  { graph, getTenantId, inject, rls }: DirectCallOptions,
): Promise<unknown> {
  const tenantId = getTenantId();
  const scoped = inject ? scopeArgs({ graph, tenantId }, model, operation, args) : undefined;
  const finalArgs = scoped ? scoped.args : args;
  const query = base[operation] as Call;
  const result = rls
    ? await runAsTenant(tenantId, async () => await query.call(base, finalArgs))
    : await query.call(base, finalArgs);
  return scoped ? scoped.check(result) : result;
}

/**
 * A PrismaPromise-shaped value: lazy like Prisma's (nothing runs until it is awaited, and then once),
 * awaited through `direct`; any other use (`requestTransaction`, a fluent relation) is forwarded to the
 * extended client's own promise for the same call, made on first such use.
 */
function lazyPrismaPromise(direct: () => Promise<unknown>, extended: () => PromiseLike<unknown>): PromiseLike<unknown> {
  let running: Promise<unknown> | undefined;
  let viaExtension: PromiseLike<unknown> | undefined;
  const run = () => {
    running ??= direct();
    return running;
  };
  const own: Record<PropertyKey, unknown> = {
    // biome-ignore lint/suspicious/noThenProperty: this object is a promise, by design
    then: (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
      run().then(onFulfilled, onRejected),
    catch: (onRejected?: (e: unknown) => unknown) => run().catch(onRejected),
    finally: (onFinally?: () => void) => run().finally(onFinally),
    [Symbol.toStringTag]: 'PrismaPromise',
  };
  return new Proxy(own, {
    get(target, prop) {
      if (Object.hasOwn(target, prop)) return target[prop];
      viaExtension ??= extended();
      return bound(viaExtension, Reflect.get(viaExtension, prop));
    },
  }) as unknown as PromiseLike<unknown>;
}
