import 'server-only';
import { headers } from 'next/headers';
import type { Logger } from 'pino';
import { TENANT_SLUG_HEADER } from '@/lib/tenants/headers';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * Structured JSON logs (pino). `getRequestLogger()` returns a child logger that carries the
 * request id (set by the middleware) and the tenant on every line, so one grep follows one
 * request through pages, actions and the data layer.
 */
import { logger } from './base';

export { logger };

export async function getRequestLogger(bindings: Record<string, unknown> = {}): Promise<Logger> {
  try {
    const h = await headers();
    return logger.child({
      requestId: h.get(REQUEST_ID_HEADER) ?? undefined,
      tenant: h.get(TENANT_SLUG_HEADER) ?? undefined,
      ...bindings,
    });
  } catch {
    // Outside a request (scripts, startup): no request id to add.
    return logger.child(bindings);
  }
}
