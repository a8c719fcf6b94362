'use client';

import { useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { toast } from '@/components/ui/toaster';
import { deleteItem, renameItem } from './actions';

type Props = { id: string; name: string; canDelete: boolean };

export function ItemRow({ id, name, canDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const rename = useActionForm(renameItem, { onSuccess: () => setEditing(false) });
  const error = fieldError(rename.state, 'name');
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const remove = async () => {
    const form = new FormData();
    form.set('id', id);
    const result = await deleteItem({ ok: true }, form);
    if (result.ok) toast.success(result.message ?? 'Deleted');
    else setDeleteError(result.error ?? 'Could not delete');
  };

  return (
    <li className="space-y-1 px-3 py-2" data-testid="item">
      {editing ? (
        <form {...rename.formProps} className="flex flex-wrap gap-2">
          <input type="hidden" name="id" value={id} />
          <Input
            name="name"
            defaultValue={name}
            aria-label={`New name for ${name}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `item-${id}-error` : undefined}
            className="min-w-0 flex-1"
            autoFocus
          />
          <SubmitButton size="sm">Save</SubmitButton>
          <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="item-name" className="min-w-0 flex-1 break-words text-sm">
            {name}
          </span>
          <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Rename
          </Button>
          {canDelete ? (
            <ConfirmDialog
              trigger={
                <Button type="button" size="sm" variant="ghost" className="text-destructive">
                  Delete
                </Button>
              }
              title={`Delete “${name}”?`}
              description="The item is removed for everyone in this organisation."
              confirmLabel="Delete"
              onConfirm={remove}
            />
          ) : null}
        </div>
      )}
      <FormMessage state={rename.state} field="name" id={`item-${id}-error`} />
      <FormMessage state={rename.state} />
      {deleteError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {deleteError}
        </p>
      ) : null}
    </li>
  );
}
