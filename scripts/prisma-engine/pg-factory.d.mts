// Types for pg-factory.mjs (used by tests/prisma/pg-factory.test.ts).
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
export function withDatabase(url: string, database: string): string;
export function runScript(url: string, script: string): Promise<void>;
export function createPgFactory(datasource: { url: string; shadowDatabaseUrl?: string }): {
  provider: 'postgres';
  adapterName: string;
  connect(): Promise<SqlDriverAdapter>;
  connectToShadowDb(): Promise<SqlDriverAdapter>;
};
