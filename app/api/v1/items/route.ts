import { withApiKey } from '@/lib/api-keys/with-api-key';
import { createItemHandler, listItemsHandler } from '@/lib/items/api';

/**
 * `GET /api/v1/items` and `POST /api/v1/items` (`{ "name": "…" }`), for API clients:
 *   Authorization: Bearer tnt_…   X-Tenant-ID: <slug>
 * The key decides the tenant (see lib/api-keys/authenticate.ts); the middleware's choice is not used.
 */
export const dynamic = 'force-dynamic';

export const GET = withApiKey(listItemsHandler);
export const POST = withApiKey(createItemHandler);
