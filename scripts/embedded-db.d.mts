// Types for scripts/embedded-db.mjs (plain ESM so `npm run dev` needs no TypeScript loader).
export type EmbeddedPostgresOptions = {
  /** Data directory; default `.data/postgres`. */
  dir?: string;
  /** TCP port; default 5433 or a free one; 0 = any free port. */
  port?: number;
  /** Database created if missing and named in the URL; default `tenantry`. */
  database?: string;
  /** false = throw-away cluster (no fsync; data deleted by stop()). Default true. */
  persistent?: boolean;
};
export type EmbeddedPostgres = { url: string; port: number; stop(): Promise<void> };
export function startEmbeddedPostgres(options?: EmbeddedPostgresOptions): Promise<EmbeddedPostgres>;
export function hydrateEmbeddedPostgres(): Promise<number>;
