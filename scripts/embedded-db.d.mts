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
export type EmbeddedPostgres = {
  url: string;
  port: number;
  /** Where the data really is: `dir`, or a place the `postgres` user can reach when running as root. */
  dir: string;
  stop(): Promise<void>;
};
/** A failure explained in one sentence: print `message`, not the stack. */
export class EmbeddedPostgresError extends Error {}
export function startEmbeddedPostgres(options?: EmbeddedPostgresOptions): Promise<EmbeddedPostgres>;
export function hydrateEmbeddedPostgres(): Promise<number>;
