'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { initialActionState } from '@/lib/actions/action-state';
import { deleteItem, renameItem } from './actions';

type Props = { id: string; name: string; canDelete: boolean };

export function ItemRow({ id, name, canDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [renameState, rename, renaming] = useActionState(
    async (prev: Parameters<typeof renameItem>[0], formData: FormData) => {
      const next = await renameItem(prev, formData);
      if (next.ok) setEditing(false);
      return next;
    },
    initialActionState,
  );
  const [deleteState, remove, deleting] = useActionState(deleteItem, initialActionState);

  return (
    <li className="space-y-1" data-testid="item">
      {editing ? (
        <form action={rename} className="flex gap-2" noValidate>
          <input type="hidden" name="id" value={id} />
          <input
            name="name"
            defaultValue={name}
            aria-label={`New name for ${name}`}
            className="flex-1 rounded border px-2 py-1 text-zinc-900"
          />
          <button type="submit" disabled={renaming} className="rounded border px-2 py-1 text-sm">
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)} className="px-2 py-1 text-sm">
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex items-center gap-3">
          <span data-testid="item-name">{name}</span>
          <button type="button" onClick={() => setEditing(true)} className="text-sm underline">
            Rename
          </button>
          {canDelete ? (
            <form action={remove}>
              <input type="hidden" name="id" value={id} />
              <button type="submit" disabled={deleting} className="text-sm text-red-700 underline">
                Delete
              </button>
            </form>
          ) : null}
        </div>
      )}
      <FormMessage state={renameState} field="name" />
      <FormMessage state={renameState} />
      <FormMessage state={deleteState} />
    </li>
  );
}
