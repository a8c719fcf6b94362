'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions/action-state';
import { fieldError } from './use-action-form';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  name: string;
  label: string;
  state: ActionState;
  /** Shown under the input, e.g. a format hint. */
  help?: ReactNode;
  /** The input's id; defaults to `name`. */
  id?: string;
};

/**
 * A labelled input with its field-level error from the action's state: the error sits under the
 * field, sets `aria-invalid` and is part of its `aria-describedby` (ui/Field does the wiring).
 */
export function TextField({ name, label, state, help, id, ...input }: Props) {
  return (
    <Field label={label} description={help} error={fieldError(state, name)} id={id ?? name}>
      <Input name={name} {...input} />
    </Field>
  );
}
