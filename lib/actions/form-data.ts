/**
 * FormData → plain object for zod. Repeated keys become arrays; Next's own `$ACTION_*` fields are
 * dropped. Files are kept as File objects (a schema that does not expect one rejects it).
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}
