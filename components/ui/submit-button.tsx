'use client';

import type { ComponentProps } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from './button';

type Props = Omit<ComponentProps<typeof Button>, 'type' | 'asChild'>;

/** A form's submit button that shows the pending state while its form's action runs. */
export function SubmitButton({ pending, ...props }: Props) {
  const status = useFormStatus();
  return <Button type="submit" pending={pending || status.pending} {...props} />;
}
