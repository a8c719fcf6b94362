// `npm run worker`: one background worker (the outbox relay plus every job in lib/jobs/catalog).
// Run several, on several machines, against the same DATABASE_URL to scale out; `npm run dev` and
// `npm start` run one beside Next. SIGTERM/SIGINT finish the running jobs, then exit.
import '@/lib/env/load-dotenv-files';
import '@/lib/jobs/catalog';
import { env } from '@/lib/env';
import { validateAtStartup } from '@/lib/env/validate-at-startup';
import { startWorker } from '@/lib/jobs/worker';

validateAtStartup(['DATABASE_URL', 'SMTP_URL']);
const worker = await startWorker({ concurrency: env.JOBS_CONCURRENCY });
console.log(`▶ worker started (queue schema ${env.JOBS_SCHEMA}, concurrency ${env.JOBS_CONCURRENCY})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
