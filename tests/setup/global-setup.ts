// Vitest global setup: each concern registers its own setup here (database, next server, ...).
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
