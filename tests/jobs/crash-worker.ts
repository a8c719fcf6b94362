// A worker process for tests/mail/faults.test.ts to SIGKILL in the middle of a job.
import './crash-job';
import { createBoss } from '@/lib/jobs/boss';
import { startWorker } from '@/lib/jobs/worker';

await startWorker({ boss: createBoss(undefined, { supervise: false }), relayIntervalMs: 100 });
console.log('WORKER READY');
