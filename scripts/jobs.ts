// `npm run jobs` — the operator's view of the background queue:
//   npm run jobs              counts per queue and state, then the failed (dead-lettered) jobs
//   npm run jobs -- retry ID  runs a failed job again (with a fresh set of retries)
import '@/lib/env/load-dotenv-files';
import { createBoss } from '@/lib/jobs/boss';
import { listFailedJobs, queueCounts, retryFailedJob } from '@/lib/jobs/admin';

const [command, id] = process.argv.slice(2);
const boss = createBoss(undefined, { supervise: false, schedule: false });
await boss.start();
try {
  if (command === 'retry') {
    if (!id) throw new Error('usage: npm run jobs -- retry <job id>');
    console.log((await retryFailedJob(boss, id)) ? `retrying ${id}` : `no failed job ${id}`);
  } else {
    console.table(await queueCounts(boss));
    const failed = await listFailedJobs(boss);
    console.log(failed.length === 0 ? 'no failed jobs' : `${failed.length} failed job(s):`);
    for (const job of failed)
      console.log(`${job.id}  ${job.name}  tenant=${job.tenantId ?? '-'}  retries=${job.retryCount}  ${job.error}`);
  }
} finally {
  await boss.stop({ graceful: false, wait: true });
}
