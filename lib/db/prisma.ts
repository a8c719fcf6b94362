import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/client';

/** The one place that constructs a PrismaClient. Everything else goes through lib/db. */
export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

/** Same, over a pool we own (the RLS TenantPool); the pool is ended on `$disconnect()`. */
export function createPrismaClientFromPool(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}
