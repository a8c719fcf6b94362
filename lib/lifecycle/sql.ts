import { withoutTenant } from '@/lib/db';

/**
 * Raw SQL on the owner connection, for the lifecycle's schema-driven export and purge (tables.ts says
 * why not the Prisma delegates). Crossing tenants is the point of these jobs; each statement names
 * its tenant in a bound parameter, never in the text.
 */
export function ownerQuery<T>(text: string, ...params: unknown[]): Promise<T[]> {
  return withoutTenant((client) => client.$queryRawUnsafe<T[]>(text, ...params));
}

export function ownerExecute(text: string, ...params: unknown[]): Promise<number> {
  return withoutTenant((client) => client.$executeRawUnsafe(text, ...params));
}
