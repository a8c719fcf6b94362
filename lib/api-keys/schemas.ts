import { z } from 'zod';

/** Input rules of the API key forms on the settings page. */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: 'Name the key.' })
    .trim()
    .min(1, 'Name the key.')
    .max(60, 'Keep the name under 60 characters.'),
});
export const revokeApiKeySchema = z.object({ id: z.string().min(1).max(64) });
