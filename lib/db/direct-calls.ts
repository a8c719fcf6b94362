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
import { startAsTenant } from './rls-pool';
import { SCOPED_OPERATIONS, scopeArgs } from './scope-args';
import { delegateKey, type ModelGraph } from './tenant-models';

export type DirectCallOptions = {
  graph: ModelGraph;
  getTenantId: () => string | undefined;
  inject: boolean;
  rls: boolean;
};

type PrismaPromiseLike = PromiseLike<unknown> & Record<string, unknown>;
type Call = (args?: unknown) => PrismaPromiseLike;
type Delegate = Record<string, Call>;
/** What every call on one model delegate shares. */
type ModelCalls = { model: string; base: Delegate; extended: Delegate; options: DirectCallOptions };

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
        const calls = { model, base: Reflect.get(base, prop) as Delegate, extended: extended as Delegate, options };
        delegate = directDelegate(calls);
        delegates.set(prop, delegate);
      }
      return delegate;
    },
  });
}

function bound(target: object, value: unknown): unknown {
  return typeof value === 'function' ? value.bind(target) : value;
}

function directDelegate(calls: ModelCalls): Delegate {
  const Pending = pendingCallClass(calls);
  const methods = new Map<string, Call>();
  return new Proxy(calls.extended, {
    get(target, prop) {
      if (typeof prop !== 'string' || !SCOPED_OPERATIONS.has(prop)) return bound(target, Reflect.get(target, prop));
      let method = methods.get(prop);
      if (!method) {
        const operation = prop;
        method = (args) => new Pending(operation, args) as unknown as PrismaPromiseLike;
        methods.set(prop, method);
      }
      return method;
    },
  });
}

/**
 * A PrismaPromise-shaped value: lazy like Prisma's (nothing runs until it is awaited, and then once),
 * awaited through the direct path; any other use (`requestTransaction` from a batch `$transaction`, a
 * fluent relation call, `spec`) is forwarded to the extended client's own promise for the same call.
 */
class PendingCall {
  #running: Promise<unknown> | undefined;
  #viaExtension: PrismaPromiseLike | undefined;
  readonly #calls: ModelCalls;
  readonly #operation: string;
  readonly #args: unknown;
  constructor(calls: ModelCalls, operation: string, args: unknown) {
    this.#calls = calls;
    this.#operation = operation;
    this.#args = args;
  }
  // biome-ignore lint/suspicious/noThenProperty: this object is a promise, by design
  then<A = unknown, B = never>(
    onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#running ??= runDirect(this.#calls, this.#operation, this.#args);
    return this.#running.then(onFulfilled, onRejected);
  }
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<unknown> {
    return this.then(undefined, onRejected);
  }
  finally(onFinally?: (() => void) | null): Promise<unknown> {
    return this.then().finally(onFinally);
  }
  requestTransaction(batch: unknown): unknown {
    const viaExtension = this.viaExtension();
    return (viaExtension.requestTransaction as (b: unknown) => unknown).call(viaExtension, batch);
  }
  get spec(): unknown {
    return this.viaExtension().spec;
  }
  get [Symbol.toStringTag](): string {
    return 'PrismaPromise';
  }
  viaExtension(): PrismaPromiseLike {
    this.#viaExtension ??= this.#calls.extended[this.#operation]?.(this.#args);
    if (!this.#viaExtension) throw new Error(`lib/db: no ${this.#operation} on ${this.#calls.model}`);
    return this.#viaExtension;
  }
}

/** PendingCall plus the model's fluent relation calls (`user.findUnique(…).memberships()`), via the extension. */
function pendingCallClass(calls: ModelCalls): new (operation: string, args: unknown) => PendingCall {
  class ModelPendingCall extends PendingCall {
    constructor(operation: string, args: unknown) {
      super(calls, operation, args);
    }
  }
  const relations = calls.options.graph.get(calls.model)?.relations.keys() ?? [];
  for (const relation of relations) {
    if (relation in PendingCall.prototype) continue;
    Object.defineProperty(ModelPendingCall.prototype, relation, {
      value(this: PendingCall, args?: unknown) {
        const viaExtension = this.viaExtension();
        return (viaExtension[relation] as (a?: unknown) => unknown).call(viaExtension, args);
      },
    });
  }
  return ModelPendingCall;
}

function runDirect(calls: ModelCalls, operation: string, args: unknown): Promise<unknown> {
  const { model, base, options } = calls;
  try {
    const tenantId = options.getTenantId();
    const scoped = options.inject ? scopeArgs({ graph: options.graph, tenantId }, model, operation, args) : undefined;
    const pending = (base[operation] as Call).call(base, scoped ? scoped.args : args);
    const result = options.rls ? startAsTenant(tenantId, pending) : Promise.resolve(pending.then());
    return scoped ? result.then(scoped.check) : result;
  } catch (error) {
    return Promise.reject(error);
  }
}
