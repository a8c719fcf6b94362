/**
 * The job catalogue: a name, whether it carries a tenant, and the function that runs it. A
 * tenant job's handler runs inside `withTenant(job's tenant)`, so `db` inside it is scoped to that
 * tenant alone — whatever ids the payload names (tests/jobs/jobs.test.ts).
 */
export type JobContext = { jobId: string; tenantId: string | null; attempt: number };

export type JobDefinition<P = unknown> = {
  name: string;
  /** true: enqueued with `enqueue(tenant, …)` and run inside withTenant; false: platform job, no tenant. */
  tenant: boolean;
  handler: (payload: P, context: JobContext) => Promise<void>;
  /** Attempts after the first (default 5), with exponential backoff from `retryDelaySeconds` (default 2). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long one attempt may run before it counts as failed and is retried (a killed worker). Default 300. */
  expireInSeconds?: number;
  /**
   * A recurring platform job: a cron expression (UTC). Every worker upserts the schedule when it
   * starts (pg-boss `schedule`); pg-boss sends one job per tick, whichever worker's clock sees it.
   */
  cron?: string;
};

const QUEUE_NAME = /^[a-z0-9_-]{1,100}$/;
const registry = new Map<string, JobDefinition>();

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  if (!QUEUE_NAME.test(definition.name)) throw new TypeError(`Invalid job name: ${definition.name}`);
  // A scheduled job is sent by pg-boss itself, with no outbox row and so no tenant.
  if (definition.cron && definition.tenant)
    throw new TypeError(`A recurring job is a platform job: ${definition.name}`);
  registry.set(definition.name, definition as JobDefinition);
  return definition;
}

export function jobDefinition(name: string): JobDefinition | undefined {
  return registry.get(name);
}

export function definedJobs(): JobDefinition[] {
  return [...registry.values()];
}

/** Where a job that used up its retries goes: `npm run jobs` lists and retries them. */
export const DEAD_LETTER_QUEUE = 'jobs-dead';
