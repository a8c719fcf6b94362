import { currentTenantId, db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/registry';

/**
 * Jobs for the queue tests: real jobs, run by the real worker, that record what they saw. The
 * probe is what a buggy or malicious tenant job would do with another tenant's ids.
 */
export type ProbeReport = {
  tenant: string | undefined;
  readById: unknown;
  readByTenantId: number;
  updateManyCount: number;
  updateThrew: boolean;
  deleteManyCount: number;
  createdTenantId: string | null;
};
export const reports = new Map<string, ProbeReport>();
export const attempts = new Map<string, number>();

const errorOf = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return false;
  } catch {
    return true;
  }
};

defineJob<{ label: string; itemId: string; otherTenantId: string }>({
  name: 'test-probe',
  tenant: true,
  async handler({ label, itemId, otherTenantId }) {
    const readById = await db.item.findUnique({ where: { id: itemId } });
    const readByTenantId = await db.item.count({ where: { tenantId: otherTenantId } });
    const updateMany = await db.item.updateMany({ where: { id: itemId }, data: { name: 'pwned by a job' } });
    const updateThrew = await errorOf(() => db.item.update({ where: { id: itemId }, data: { name: 'pwned' } }));
    const deleteMany = await db.item.deleteMany({ where: { id: itemId } });
    let createdTenantId: string | null = null;
    try {
      const created = await db.item.create({
        data: { tenantId: otherTenantId, name: `planted-${label}` },
        select: { tenantId: true },
      });
      createdTenantId = created.tenantId;
    } catch {
      createdTenantId = null;
    }
    reports.set(label, {
      tenant: currentTenantId(),
      readById,
      readByTenantId,
      updateManyCount: updateMany.count,
      updateThrew,
      deleteManyCount: deleteMany.count,
      createdTenantId,
    });
  },
});

/** Fails its first `failures` attempts, then succeeds. */
defineJob<{ label: string; failures: number }>({
  name: 'test-flaky',
  tenant: true,
  retryLimit: 3,
  retryDelaySeconds: 1,
  async handler({ label, failures }) {
    const n = (attempts.get(label) ?? 0) + 1;
    attempts.set(label, n);
    if (n <= failures) throw new Error(`flaky attempt ${n}`);
  },
});

/** Always fails: ends in the dead letters after one retry. */
defineJob<{ label: string }>({
  name: 'test-doomed',
  tenant: false,
  retryLimit: 1,
  retryDelaySeconds: 1,
  async handler({ label }) {
    attempts.set(label, (attempts.get(label) ?? 0) + 1);
    throw new Error(`doomed ${label}`);
  },
});

/** Counts runs per label (idempotency). */
defineJob<{ label: string }>({
  name: 'test-count',
  tenant: true,
  async handler({ label }) {
    attempts.set(label, (attempts.get(label) ?? 0) + 1);
  },
});

/** Counts runs per label, with room for a few held attempts (tests/jobs/held-jobs.test.ts). */
defineJob<{ label: string }>({
  name: 'test-held',
  tenant: true,
  retryLimit: 4,
  retryDelaySeconds: 1,
  async handler({ label }) {
    attempts.set(label, (attempts.get(label) ?? 0) + 1);
  },
});

/** The same with a single retry, so a held job reaches the dead letters quickly. */
defineJob<{ label: string }>({
  name: 'test-held-once',
  tenant: true,
  retryLimit: 1,
  retryDelaySeconds: 1,
  async handler({ label }) {
    attempts.set(label, (attempts.get(label) ?? 0) + 1);
  },
});
