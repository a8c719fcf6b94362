import { askHandler } from '@/lib/domains/routes';

export const dynamic = 'force-dynamic';

/** Caddy's `on_demand_tls` ask endpoint (deploy/Caddyfile, docs/custom-domains.md). */
export const GET = askHandler;
