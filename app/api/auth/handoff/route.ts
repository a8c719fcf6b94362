import { exchangeHandoff } from '@/lib/auth/handoff/exchange';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';

export const dynamic = 'force-dynamic';

/** Redeems a session handoff ticket on the tenant's host (lib/auth/handoff/exchange.ts). */
export const GET = withDatabaseUnavailable((request: Request) => exchangeHandoff(request));
