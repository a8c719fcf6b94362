/**
 * A JSON request body for an API route, read defensively: at most `maxBytes` (413 beyond), strict
 * UTF-8 (RFC 8259) — `request.text()` would silently turn invalid bytes into U+FFFD and store them
 * — and malformed JSON is a 400, never a 500. Tests: tests/accounts/api-keys.test.ts.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > maxBytes)
    return { ok: false, response: Response.json({ error: 'Body too large' }, { status: 413 }) };
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) };
  } catch {
    return { ok: false, response: Response.json({ error: 'Malformed JSON body' }, { status: 400 }) };
  }
}
