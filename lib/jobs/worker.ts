import type PgBoss from 'pg-boss';
import { jobsLogger as logger } from './logger';
import { createBoss, ensureQueues, ensureSchedules } from './boss';
import { definedJobs } from './registry';
import { type RelayedJob, relayOutbox } from './relay';
import { runJob } from './run-job';

/**
 * A worker: the outbox relay plus one pg-boss subscription per defined job. Start as many as you
 * like (`npm run worker` on several machines); pg-boss hands each job to one of them, and the
 * relay is safe to run concurrently (job ids are idempotent).
 */
export type WorkerOptions = {
  boss?: PgBoss;
  relayIntervalMs?: number;
  pollingIntervalSeconds?: number;
  concurrency?: number;
};
export type RunningWorker = { boss: PgBoss; relayNow(): Promise<number>; stop(): Promise<void> };

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const boss = options.boss ?? createBoss();
  boss.on('error', (error) => logger.error({ area: 'jobs', err: error }, 'job queue error'));
  await boss.start();
  await ensureQueues(boss);
  await ensureSchedules(boss);

  // One subscription per job kind, fetching up to `concurrency` jobs at a time and running them
  // side by side. pg-boss waits a polling interval after every fetch unless notified, so a full
  // batch (more may be waiting) and a relay that just queued jobs both wake the subscriptions.
  const batchSize = options.concurrency ?? 4;
  const workerIds: string[] = [];
  for (const job of definedJobs()) {
    let workerId = '';
    workerId = await boss.work<RelayedJob>(
      job.name,
      { includeMetadata: true, batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async (items) => {
        await Promise.all(
          items.map(async (item) => {
            try {
              await runJob(job.name, item.id, item.data, item.retryCount);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              logger.warn(
                { area: 'jobs', job: job.name, id: item.id, attempt: item.retryCount, err: error },
                'job failed',
              );
              // Retried with backoff while retries last, then failed and copied to the dead letters.
              await boss.fail(job.name, item.id, { message });
            }
          }),
        );
        if (items.length === batchSize) boss.notifyWorker(workerId);
      },
    );
    workerIds.push(workerId);
  }

  let stopped = false;
  let relaying: Promise<number> = Promise.resolve(0);
  let failingSince = 0; // one log line per outage, not one per tick
  const relayNow = () => {
    relaying = relaying
      .then(() => relayOutbox(boss))
      .then((count) => {
        failingSince = 0;
        if (count > 0) for (const id of workerIds) boss.notifyWorker(id);
        return count;
      })
      .catch((error) => {
        if (!failingSince) logger.warn({ area: 'jobs', err: error }, 'outbox relay failed; retrying');
        failingSince ||= Date.now();
        return 0;
      });
    return relaying;
  };
  const interval = setInterval(() => void relayNow(), options.relayIntervalMs ?? 250);
  await relayNow();

  return {
    boss,
    relayNow,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(interval);
      await relaying;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
