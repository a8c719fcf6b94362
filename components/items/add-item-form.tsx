'use client';

import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { createItem } from './actions';

export function AddItemForm() {
  const { state, formProps } = useActionForm(createItem, { resetOnSuccess: true });
  const error = fieldError(state, 'name');
  return (
    <form {...formProps} className="space-y-2" data-testid="add-item">
      <div className="flex gap-2">
        <label htmlFor="new-item" className="sr-only">
          New item name
        </label>
        <Input
          id="new-item"
          name="name"
          placeholder="New item"
          className="flex-1"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-item-error' : undefined}
        />
        <SubmitButton>Add</SubmitButton>
      </div>
      <FormMessage state={state} field="name" id="new-item-error" />
      <FormMessage state={state} />
    </form>
  );
}
