/**
 * One value per process, however many copies of the module that asks for it are loaded.
 *
 * Why not a module-level `let`: Next's dev server re-evaluates a module on every edit, and a build
 * bundles server code into several layers (pages, route handlers, server actions, instrumentation),
 * each with its own copy of the same module. A module-level cache would open a database pool or a
 * Redis connection per copy and per edit, and an in-memory store (presence, state, the tenant
 * cache) would split into views that cannot see each other's writes. `globalThis` is shared by
 * every copy, and a `Symbol.for` key is the same symbol in each of them without ever colliding
 * with anyone else's property. Tests: lib/singleton.test.ts.
 */
type Slots = Record<symbol, unknown>;

function slot(key: string): symbol {
  return Symbol.for(`tenantry.${key}`);
}

/** The value stored under `key`, created by `create` on first use. */
export function singleton<T>(key: string, create: () => T): T {
  const slots = globalThis as unknown as Slots;
  const id = slot(key);
  if (!(id in slots)) slots[id] = create();
  return slots[id] as T;
}

/** Forgets the value under `key` and returns it (to be closed); the next `singleton` call creates a new one. */
export function releaseSingleton<T>(key: string): T | undefined {
  const slots = globalThis as unknown as Slots;
  const id = slot(key);
  const value = slots[id] as T | undefined;
  delete slots[id];
  return value;
}
