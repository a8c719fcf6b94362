import 'server-only';
import { withoutTenant } from '@/lib/db';
import { env } from '@/lib/env';
import { getTenantPresenceBackend } from '@/lib/presence';
import { HEALTH_CACHE_MS } from './cache-window';

/**
 * What `GET /api/health` reports. Each check is bounded in time and never throws: a health
 * endpoint that hangs or 500s when a dependency is down is worse than none.
 */
export type CheckStatus = 'ok' | 'degraded' | 'down' | 'disabled';
export type HealthReport = {
  status: 'ok' | 'degraded' | 'down';
  checks: { database: CheckStatus; redis: CheckStatus; realtime: CheckStatus };
};

const TIMEOUT_MS = 1_500;

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), TIMEOUT_MS).unref())]);
}

async function database(): Promise<CheckStatus> {
  const probe = withoutTenant((admin) => admin.$queryRaw`SELECT 1`).then(
    () => 'ok' as const,
    () => 'down' as const,
  );
  return withTimeout(probe, 'down');
}

async function redis(): Promise<CheckStatus> {
  const backend = getTenantPresenceBackend('health-check');
  const probe = backend.healthCheck().then(
    (h) => (h.backend === 'memory' ? ('disabled' as const) : h.status === 'ok' ? ('ok' as const) : ('down' as const)),
    () => 'down' as const,
  );
  return withTimeout(probe, 'down');
}

async function realtime(): Promise<CheckStatus> {
  const base = env.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${env.REALTIME_PORT}`;
  const probe = fetch(`${base}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
    (res) => (res.ok ? ('ok' as const) : ('down' as const)),
    () => 'down' as const,
  );
  return withTimeout(probe, 'down');
}

async function probe(): Promise<HealthReport> {
  const [db, r, rt] = await Promise.all([database(), redis(), realtime()]);
  // Without the database nothing works; Redis and the sidecar only degrade presence and limits.
  const status = db === 'down' ? 'down' : r === 'down' || rt === 'down' ? 'degraded' : 'ok';
  return { status, checks: { database: db, redis: r, realtime: rt } };
}

/**
 * The endpoint is unauthenticated, so one probe serves every caller for a few seconds: a flood of
 * health requests costs one owner-role query per interval, not one each (issue 10, finding 7).
 * Concurrent callers share the probe in flight. A "down" answer is not kept once it is known, so
 * recovery shows at the next request.
 */
let cached: { at: number; report: Promise<HealthReport> } | null = null;

export function checkHealth(now = Date.now()): Promise<HealthReport> {
  if (cached && now - cached.at < HEALTH_CACHE_MS) return cached.report;
  const entry = { at: now, report: probe() };
  cached = entry;
  entry.report.then((report) => {
    if (report.status === 'down' && cached === entry) cached = null;
  });
  return entry.report;
}
