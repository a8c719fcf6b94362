import type PgBoss from 'pg-boss';
import { jobsLogger as logger } from './logger';
import { createBoss, ensureQueues } from './boss';
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

  for (const job of definedJobs()) {
    for (let i = 0; i < (options.concurrency ?? 1); i++) {
      await boss.work<RelayedJob>(
        job.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
        async ([item]) => {
          if (!item) return;
          try {
            await runJob(job.name, item.id, item.data, item.retryCount);
          } catch (error) {
            logger.warn(
              { area: 'jobs', job: job.name, id: item.id, attempt: item.retryCount, err: error },
              'job failed',
            );
            throw error; // pg-boss marks it for retry with backoff, then the dead letters
          }
        },
      );
    }
  }

  let stopped = false;
  let relaying: Promise<number> = Promise.resolve(0);
  let failingSince = 0; // one log line per outage, not one per tick
  const relayNow = () => {
    relaying = relaying
      .then(() => relayOutbox(boss))
      .then((count) => {
        failingSince = 0;
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
