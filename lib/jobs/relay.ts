import type PgBoss from 'pg-boss';
import { withoutTenant } from '@/lib/db';

/**
 * Moves committed outbox rows into pg-boss. The outbox row's id (a UUID) becomes the pg-boss job
 * id, and pg-boss inserts a job id at most once, so a relay that crashes between the send and the
 * `relayedAt` mark cannot make a second job. The relay reads every tenant's outbox — that is its
 * one job, hence the explicit `withoutTenant`; it never runs a job's code.
 */
export type RelayedJob = { tenantId: string | null; payload: unknown };

const BATCH = 100;

export async function relayOutbox(boss: PgBoss): Promise<number> {
  return withoutTenant(async (admin) => {
    const tenantRows = await admin.jobOutbox.findMany({
      where: { relayedAt: null },
      orderBy: { createdAt: 'asc' },
      take: BATCH,
      select: { id: true, tenantId: true, name: true, payload: true },
    });
    for (const row of tenantRows) {
      await boss.send(row.name, { tenantId: row.tenantId, payload: row.payload } satisfies RelayedJob, { id: row.id });
      // The payload now lives in the queue; the outbox keeps no copy (it may hold a link token).
      await admin.jobOutbox.update({
        where: { id: row.id },
        data: { relayedAt: new Date(), payload: {} },
        select: { id: true },
      });
    }
    const platformRows = await admin.platformJobOutbox.findMany({
      where: { relayedAt: null },
      orderBy: { createdAt: 'asc' },
      take: BATCH,
      select: { id: true, name: true, payload: true },
    });
    for (const row of platformRows) {
      await boss.send(row.name, { tenantId: null, payload: row.payload } satisfies RelayedJob, { id: row.id });
      await admin.platformJobOutbox.update({
        where: { id: row.id },
        data: { relayedAt: new Date(), payload: {} },
        select: { id: true },
      });
    }
    return tenantRows.length + platformRows.length;
  });
}
