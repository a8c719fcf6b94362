import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { minimumRole } from '@/lib/actions/run-tenant-action';

/** `npx tsc --noEmit` (part of `npm test`) checks the @ts-expect-error lines: each must stay an error. */
describe('defineAction', () => {
  it('takes the permission from the name when the name is a row of the table', () => {
    const pair = defineAction({ name: 'items.delete', schema: z.object({ id: z.string() }) }, async (input) => ({
      message: input.id,
    }));
    expect(minimumRole(pair.def)).toBe('ADMIN');
  });

  it('takes it from `permission` for any other name', () => {
    const pair = defineAction(
      { name: 'apiKeys.create', permission: 'apiKeys.manage', schema: z.object({}) },
      async () => undefined,
    );
    expect(minimumRole(pair.def)).toBe('ADMIN');
  });

  it('does not compile an action that no permission row guards', () => {
    // @ts-expect-error `notes.delete` is not in PERMISSIONS and no `permission` is given
    const pair = defineAction({ name: 'notes.delete', schema: z.object({}) }, async () => undefined);
    // At run time such a definition (e.g. built from untyped data) falls back to any member.
    expect(minimumRole(pair.def)).toBe('MEMBER');
  });
});
