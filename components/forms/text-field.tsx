import type { InputHTMLAttributes, ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/action-state';
import { FormMessage } from './form-message';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  name: string;
  label: string;
  state: ActionState;
  /** Shown under the input, e.g. a format hint. */
  help?: ReactNode;
};

const INPUT = 'w-full rounded border px-3 py-2 text-zinc-900';

/** A labelled input with its field-level error from the action's state (ids follow `name`). */
export function TextField({ name, label, state, help, className, ...input }: Props) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        className={className ? `${INPUT} ${className}` : INPUT}
        aria-describedby={help ? `${name}-help ${name}-error` : `${name}-error`}
        {...input}
      />
      {help ? (
        <p id={`${name}-help`} className="text-xs text-zinc-500">
          {help}
        </p>
      ) : null}
      <FormMessage state={state} field={name} id={`${name}-error`} />
    </div>
  );
}
