'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  slug: string;
  exportHref: string;
  graceDays: number;
  candidates: { userId: string; email: string }[];
  transfer: Action;
  remove: Action;
};

/** The owner's part of settings: export, transfer ownership, delete (with a grace period). */
export function OwnerZone({ slug, exportHref, graceDays, candidates, transfer, remove }: Props) {
  const [transferState, transferAction, transferring] = useActionState(transfer, initialActionState);
  const [deleteState, deleteAction, deleting] = useActionState(remove, initialActionState);
  return (
    <section className="space-y-6" data-testid="owner-zone">
      <h2 className="text-lg font-semibold">Owner</h2>
      <p className="text-sm">
        <a href={exportHref} className="underline" data-testid="export-data">
          Export all data
        </a>{' '}
        — one zip with a file per kind of record and a manifest.
      </p>
      <form action={transferAction} className="space-y-2" data-testid="transfer">
        <label htmlFor="transfer-user" className="block text-sm font-medium">
          Make another member an owner
        </label>
        <Select id="transfer-user" name="userId" defaultValue="">
          <option value="" disabled>
            Choose a member
          </option>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.email}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="stepDown" className="size-4 accent-primary" /> and step down to admin
        </label>
        <Button type="submit" size="sm" variant="outline" pending={transferring}>
          Transfer ownership
        </Button>
        <FormMessage state={transferState} field="userId" />
        <FormMessage state={transferState} />
      </form>
      <form action={deleteAction} className="space-y-2" data-testid="delete-tenant">
        <label htmlFor="confirm" className="block text-sm font-medium">
          Delete this workspace: type <code>{slug}</code> to confirm. It is suspended now and purged after {graceDays}{' '}
          days; until then it can be restored.
        </label>
        <Input id="confirm" name="confirm" autoComplete="off" />
        <Button type="submit" size="sm" variant="destructive" pending={deleting}>
          Delete workspace
        </Button>
        <FormMessage state={deleteState} field="confirm" />
        <FormMessage state={deleteState} />
      </form>
    </section>
  );
}
