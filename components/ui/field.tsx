'use client';

import { Slot } from '@radix-ui/react-slot';
import { isValidElement, type ReactElement, type ReactNode, useId } from 'react';
import { cn } from './cn';
import { Label } from './label';

type Props = {
  label: ReactNode;
  /** The control: one Input, Textarea, Select, Checkbox… It receives id and the aria wiring. */
  children: ReactElement;
  /** A hint under the control, read by screen readers with it. */
  description?: ReactNode;
  /** The field's error(s), e.g. `state.fieldErrors?.email`; the first one is shown. */
  error?: string | readonly string[] | null;
  /** The control's id; defaults to the child's id, then a generated one. */
  id?: string;
  className?: string;
};

type ControlProps = { id?: string; name?: string };

/**
 * Label + control + description + error, wired for assistive technology: the label names the
 * control, the description and the error are its `aria-describedby`, and an error sets
 * `aria-invalid` (which also turns the control's edge red). The error has a stable
 * `data-testid="error-<name>"` for tests.
 */
export function Field({ label, children, description, error, id, className }: Props) {
  const generated = useId();
  const child = isValidElement<ControlProps>(children) ? children.props : {};
  const controlId = id ?? child.id ?? generated;
  const message = typeof error === 'string' ? error : error?.[0];
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = message ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div data-slot="field" data-invalid={message ? true : undefined} className={cn('grid gap-1.5', className)}>
      <Label htmlFor={controlId}>{label}</Label>
      <Slot id={controlId} aria-invalid={message ? true : undefined} aria-describedby={describedBy}>
        {children}
      </Slot>
      {description ? (
        <p id={descriptionId} data-slot="field-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {message ? (
        <p
          id={errorId}
          data-slot="field-error"
          data-testid={child.name ? `error-${child.name}` : undefined}
          className="text-sm font-medium text-destructive"
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
