import { lookupHandler } from '@/lib/domains/routes';

export const dynamic = 'force-dynamic';

/** The middleware's signed custom-host lookup (lib/domains/edge-lookup.ts); not for browsers. */
export const GET = lookupHandler;
