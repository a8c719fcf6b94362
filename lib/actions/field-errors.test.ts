import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputErrors } from '@/lib/actions/field-errors';

describe('inputErrors', () => {
  const schema = z.object({ name: z.string().min(1, 'Enter a name').max(3, 'Too long'), tags: z.array(z.string()) });

  it('groups messages by field (the first path segment), in order', () => {
    const result = schema.safeParse({ name: '', tags: ['a', 1] });
    if (result.success) throw new Error('expected a failure');
    expect(inputErrors(result.error)).toEqual({
      fieldErrors: { name: ['Enter a name'], tags: [expect.any(String)] },
      formErrors: [],
    });
  });

  it('keeps issues about the input as a whole apart', () => {
    const result = schema.safeParse(['not', 'an', 'object']);
    if (result.success) throw new Error('expected a failure');
    const errors = inputErrors(result.error);
    expect(errors.fieldErrors).toEqual({});
    expect(errors.formErrors).toHaveLength(1);
  });
});
