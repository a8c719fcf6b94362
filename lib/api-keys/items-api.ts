import 'server-only';
import { createItemSchema } from '@/components/items/schemas';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { ApiContext } from './with-api-key';

/**
 * The items endpoints behind `withApiKey` (app/api/v1/items/route.ts re-exports them), kept here
 * so tests call them without an HTTP server. `db` is already scoped to the key's tenant. The body
 * rules are the dashboard's (components/items/schemas.ts), so the API and the UI accept the same names.
 */
const ITEM = { id: true, name: true, createdAt: true } as const;
const MAX_BODY_BYTES = 16 * 1024;

export async function listItemsHandler(): Promise<Response> {
  const items = await db.item.findMany({ select: ITEM, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 });
  return Response.json({ items });
}

// JSON must be UTF-8 (RFC 8259); `request.text()` would silently turn invalid bytes into U+FFFD
// and store them in a name, so decode strictly and refuse instead.
const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return { ok: false, response: Response.json({ error: 'Body too large' }, { status: 413 }) };
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) };
  } catch {
    return { ok: false, response: Response.json({ error: 'Malformed JSON body' }, { status: 400 }) };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

export async function createItemHandler(request: Request, { tenant, keyId, ip }: ApiContext): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = createItemSchema.safeParse(body.value);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'body');
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    return Response.json({ error: 'Invalid body', fieldErrors }, { status: 400 });
  }
  try {
    const item = await db.item.create({ data: { tenantId: tenant.id, name: parsed.data.name }, select: ITEM });
    await recordAudit({ tenantId: tenant.id, userId: null, action: 'items.create', data: { itemId: item.id, name: item.name, via: 'api', keyId }, ip });
    return Response.json({ item }, { status: 201 });
  } catch (error) {
    if (isUniqueViolation(error)) return Response.json({ error: 'Invalid body', fieldErrors: { name: ['an item with this name already exists'] } }, { status: 409 });
    throw error;
  }
}
