// `npm run lifecycle -- purge-due|retention`: the tenant lifecycle's periodic work, as plain commands
// (a scheduler or the job queue runs them; docs/operations.md).
//   purge-due  purges every tenant whose deletion grace period is over (resumable: rerun after a kill)
//   retention  removes tenant and platform audit entries older than AUDIT_RETENTION_DAYS
import { purgeExpiredAudit } from '@/lib/audit/retention';
import { disconnectDb } from '@/lib/db';
import { purgeDueTenants } from '@/lib/lifecycle/purge';
import { resetStateStores } from '@/lib/state';

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command === 'purge-due') {
    const purged = await purgeDueTenants(new Date(), {
      onProgress: ({ model, deleted }) => console.log(`  ${model}: ${deleted} rows deleted`),
    });
    console.log(`purged ${purged.length} tenant(s)${purged.length ? `: ${purged.join(', ')}` : ''}`);
    return 0;
  }
  if (command === 'retention') {
    const result = await purgeExpiredAudit();
    console.log(
      `removed ${result.tenantEntries} tenant and ${result.platformEntries} platform audit entries older than ${result.cutoff.toISOString()}`,
    );
    return 0;
  }
  console.error('usage: npm run lifecycle -- purge-due|retention');
  return 2;
}

main()
  .then(async (code) => {
    await disconnectDb();
    await resetStateStores();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await disconnectDb();
    process.exit(1);
  });
