import { z } from 'zod';

/** Document input rules, for the server actions (lib/documents/actions.ts). */
export const documentTitle = z
  .string({ error: 'Enter a title' })
  .trim()
  .min(1, 'Enter a title')
  .max(120, 'Keep the title under 120 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'The title contains control characters');

export const documentBody = z.string().max(20_000, 'Keep the text under 20,000 characters').default('');

export const documentId = z.string({ error: 'Missing document' }).min(1, 'Missing document').max(64);

export const createDocumentSchema = z.object({ title: documentTitle, body: documentBody });
export const renameDocumentSchema = z.object({ id: documentId, title: documentTitle });
export const deleteDocumentSchema = z.object({ id: documentId });
