import { startHandoff } from '@/lib/auth/handoff/start';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';

export const dynamic = 'force-dynamic';

/** Carries the session to a tenant's host, then lands on `next` there (lib/auth/handoff/start.ts). */
export const GET = withDatabaseUnavailable((request: Request) => startHandoff(request));
