import { describe, expect, it } from 'vitest';
import { HEALTH_CACHE_MS } from './cache-window';
import { checkHealth } from './checks';

// Issue 10, finding 7: on main every unauthenticated GET /api/health ran its own owner-role query.
describe('checkHealth', () => {
  it('answers every caller within the window from one probe', async () => {
    const t = Date.now();
    const first = checkHealth(t);
    expect(checkHealth(t + 1)).toBe(first);
    expect(checkHealth(t + HEALTH_CACHE_MS - 1)).toBe(first);
    const report = await first;
    expect(report.checks.database).toBe('ok');
    expect(checkHealth(t + HEALTH_CACHE_MS)).not.toBe(first);
  });
});
