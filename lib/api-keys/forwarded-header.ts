/**
 * The middleware deletes every client-sent `x-tenant-*` header before the app sees it — including
 * the default API tenant header `X-Tenant-ID`. For `/api/` paths it forwards the client's value
 * under this name instead, outside the trusted namespace: it is only a CLAIM, which
 * `authenticateApiKey` compares with the API key's tenant (never a decision anyone trusts).
 * Edge-safe (imported by middleware.ts).
 */
export const API_TENANT_HEADER = 'x-api-tenant';
