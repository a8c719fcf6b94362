import { withoutTenant } from '@/lib/db';
import { defineJob } from '@/lib/jobs/registry';

/**
 * The job of the killed-worker test. In the worker that gets killed (CRASH_WORKER=1) an attempt
 * announces itself and never finishes; anywhere else it records that it ran, in the database.
 */
defineJob<{ label: string }>({
  name: 'test-crash',
  tenant: false,
  retryDelaySeconds: 1,
  expireInSeconds: 2,
  async handler({ label }, { jobId, attempt }) {
    if (process.env.CRASH_WORKER === '1') {
      console.log(`RUNNING ${jobId}`);
      await new Promise(() => undefined);
    }
    await withoutTenant((c) =>
      c.emailDelivery.create({ data: { eventKey: `crash:${label}:${attempt}`, template: 'test-crash', to: label } }),
    );
  },
});
