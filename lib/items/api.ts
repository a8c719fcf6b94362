import 'server-only';
import { inputErrors } from '@/lib/actions/field-errors';
import type { ApiContext } from '@/lib/api-keys/with-api-key';
import { recordAudit } from '@/lib/audit';
import { readJsonBody } from '@/lib/http/read-json';
import { ITEM_NAME_TAKEN, insertItem, listItems } from '@/lib/items/queries';
import { createItemSchema } from '@/lib/items/schemas';

/**
 * The REST face of items, behind `withApiKey` (app/api/v1/items/route.ts wraps these): the same
 * schema and queries as the dashboard and its actions, so the API and the UI accept the same names
 * and see the same rows. The key's tenant (`ctx.tenant`) is the only tenant these touch.
 * Tests: tests/accounts/api-keys.test.ts (through the route's exports).
 */
const MAX_BODY_BYTES = 16 * 1024;
const MAX_LIST = 500;

export async function listItemsHandler(_request: Request, { tenant }: ApiContext): Promise<Response> {
  return Response.json({ items: await listItems(tenant.id, { limit: MAX_LIST }) });
}

export async function createItemHandler(request: Request, { tenant, keyId, ip }: ApiContext): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = createItemSchema.safeParse(body.value);
  if (!parsed.success) {
    // Issues on the body as a whole (not an object at all) are reported under `body`.
    const { fieldErrors, formErrors } = inputErrors(parsed.error);
    return Response.json(
      { error: 'Invalid body', fieldErrors: formErrors.length ? { body: formErrors, ...fieldErrors } : fieldErrors },
      { status: 400 },
    );
  }
  const result = await insertItem(tenant.id, { name: parsed.data.name, createdById: null });
  if (!result.ok)
    return Response.json({ error: 'Invalid body', fieldErrors: { name: [ITEM_NAME_TAKEN] } }, { status: 409 });
  const { item } = result;
  await recordAudit({
    tenantId: tenant.id,
    userId: null,
    action: 'items.create',
    data: { itemId: item.id, name: item.name, via: 'api', keyId },
    ip,
  });
  return Response.json({ item }, { status: 201 });
}
