import { z } from 'zod';

/**
 * A zod error as the per-field messages a form shows: issues on a field go under its name (the
 * first path segment), issues on the input as a whole under `formErrors`. zod's own
 * `flattenError` does the grouping; this only fixes the type every caller wants.
 */
export type InputErrors = { fieldErrors: Record<string, string[]>; formErrors: string[] };

export function inputErrors(error: z.ZodError): InputErrors {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return { fieldErrors: fieldErrors as Record<string, string[]>, formErrors };
}
