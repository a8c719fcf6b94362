/**
 * Whether a server-action body is one React's reply decoder can take without throwing.
 *
 * Next decodes the arguments before any of our code runs, so these are checked at the middleware
 * (lib/actions/action-request.ts) and answered with a 4xx instead of the decoder's 500:
 *   - an action id that is not hex (Next logs those as errors before answering 400) → 400;
 *   - a content type React never sends (`application/json`, urlencoded) → 415;
 *   - a body over Next's 1 MB action limit, however it is framed (chunked too) → 413;
 *   - a multipart body that does not parse, or whose model fields (`0`, `1`, …) are not JSON → 400;
 *   - a text/plain body that is not JSON → 400;
 *   - JSON nested deeper than MAX_DEPTH (the decoder recurses: 5,000 levels overflowed its stack) → 400;
 *   - a reference to a part that is not there (`$K1`, `$@1`, `$Q1`, `$1` …): in a text/plain body
 *     every reference dangles (React sends multipart whenever it needs parts); in a multipart body
 *     the part must exist as a field or a field prefix → 400 (the decoder's "Invalid forward reference").
 * React escapes a user string that starts with `$` as `$$…`, so no real argument looks like a reference.
 * Edge-safe; reads a clone, leaving the body to Next.
 */

/** Far deeper than any form or object an action takes, far shallower than a stack overflow. */
export const MAX_DEPTH = 64;

export type BodyProblem = { status: 400 | 413 | 415; message: string };

/** Next's default `serverActions.bodySizeLimit`: a larger body only reaches its 413-as-500. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/** `$` + optional tag (a letter that is not a hex digit, nor `n`, a BigInt) + a hex part id: a reference to another part. */
const PART_REFERENCE = /^\$(?:[@A-Zg-mo-z])?[0-9a-f]+$/;

/** Deepest `[`/`{` nesting outside strings, stopping early past `limit`. */
export function nestingDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/**
 * The parts a model references. `$K<hex>` names no part (its entries are `_<hex>_…` fields, and
 * none is an empty FormData), so it is left out of the multipart check; outlined references
 * (`$1f`, `$Q1`, `$@1`, `$B1` …) name the field `String(parseInt(hex, 16))`.
 */
function partReferences(value: unknown, out: { tag: string; id: number }[] = []): { tag: string; id: number }[] {
  if (typeof value === 'string') {
    const match = PART_REFERENCE.exec(value);
    if (match) {
      const tag = /^\$[@A-Zg-mo-z]/.test(value) ? value.charAt(1) : '';
      out.push({ tag, id: Number.parseInt(value.slice(1 + tag.length), 16) });
    }
  } else if (Array.isArray(value)) for (const item of value) partReferences(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) partReferences(item, out);
  return out;
}

const hasPartReference = (value: unknown) => partReferences(value).length > 0;

/**
 * The `$`-strings React's reply encoder writes: an escaped literal (`$$…`), a constant, a date, a
 * BigInt, or a tag with a hex id. Anything else (a bare `$`, a tag without its id) is not React's
 * and sends Next's decoder into an error it answers with a 500 (tests/reliability/fuzz.test.ts).
 */
const ENCODED_STRING = /^\$(?:\$.*|undefined|Infinity|-Infinity|NaN|-0|D.*|n-?\d+|[@A-Za-z]?[0-9a-f]+)$/s;

function hasForeignDollarString(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$') && !ENCODED_STRING.test(value);
  if (Array.isArray(value)) return value.some(hasForeignDollarString);
  if (value && typeof value === 'object') return Object.values(value).some(hasForeignDollarString);
  return false;
}

function parseModel(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, message: 'Server action arguments nested too deeply' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'Malformed server action request' };
  }
}

/** Next's action ids are hex digests; anything else is refused before Next logs it as an error. */
const ACTION_ID = /^[0-9a-f]{16,128}$/i;

export async function bodyProblem(request: Request): Promise<BodyProblem | null> {
  if (!ACTION_ID.test(request.headers.get('next-action') ?? ''))
    return { status: 400, message: 'Unknown server action' };
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  // React sends text/plain (JSON) or multipart; Next decodes anything that is not multipart as JSON text.
  const isText = type === '' || type.startsWith('text/plain');
  if (!isText && !type.startsWith('multipart/form-data'))
    return { status: 415, message: 'Unsupported server action content type' };
  try {
    // Read once, whatever the framing: a chunked body declares no Content-Length for the middleware to check.
    const bytes = await request.clone().arrayBuffer();
    if (bytes.byteLength > MAX_ACTION_BODY_BYTES) return { status: 413, message: 'Payload Too Large' };
    if (isText) {
      const model = parseModel(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      if (!model.ok) return { status: 400, message: model.message };
      // The argument list: Next spreads it into the action (a string or object there is a TypeError, a 500).
      if (!Array.isArray(model.value)) return { status: 400, message: 'Server action arguments must be a list' };
      if (hasForeignDollarString(model.value)) return { status: 400, message: 'Malformed server action arguments' };
      if (hasPartReference(model.value))
        return { status: 400, message: 'Server action arguments reference missing parts' };
      return null;
    }
    // The original header: the multipart boundary is case-sensitive (Chromium's has capitals), and
    // `type` above is lower-cased for matching only.
    const form = await new Response(bytes, {
      headers: { 'content-type': request.headers.get('content-type') ?? type },
    }).formData();
    // React appends every part before the model that references it (the root, `0`, comes last):
    // a reference to a part that is missing or comes later is "Invalid forward reference" in the decoder.
    const position = new Map<string, number>();
    let index = 0;
    for (const [name] of form) {
      if (!position.has(name)) position.set(name, index);
      index++;
    }
    index = 0;
    for (const [name, value] of form) {
      const here = index++;
      // Numeric fields are the reply's JSON models; `_1_name` and `$ACTION_…` fields are form entries.
      if (!/^\d+$/.test(name) || typeof value !== 'string') continue;
      const model = parseModel(value);
      if (!model.ok) return { status: 400, message: model.message };
      if (name === '0' && !Array.isArray(model.value))
        return { status: 400, message: 'Server action arguments must be a list' };
      if (hasForeignDollarString(model.value)) return { status: 400, message: 'Malformed server action arguments' };
      const dangling = partReferences(model.value).some(
        ({ tag, id }) => tag !== 'K' && !((position.get(String(id)) ?? Number.POSITIVE_INFINITY) < here),
      );
      if (dangling) return { status: 400, message: 'Server action arguments reference missing parts' };
    }
    return null;
  } catch {
    return { status: 400, message: 'Malformed server action request' };
  }
}
