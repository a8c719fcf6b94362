'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { initialActionState } from '@/lib/actions/action-state';
import { createItem } from './actions';

export function AddItemForm() {
  const [state, action, pending] = useActionState(createItem, initialActionState);
  return (
    <form action={action} className="space-y-2" noValidate data-testid="add-item">
      <div className="flex gap-2">
        <label htmlFor="new-item" className="sr-only">
          New item name
        </label>
        <input
          id="new-item"
          name="name"
          placeholder="New item"
          className="flex-1 rounded border px-3 py-2 text-zinc-900"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50"
        >
          {pending ? 'Adding…' : 'Add'}
        </button>
      </div>
      <FormMessage state={state} field="name" />
      <FormMessage state={state} />
    </form>
  );
}
