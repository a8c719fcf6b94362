import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Shared look of single-line controls (input, select): edge, focus ring, invalid state. */
export const controlClasses = cn(
  'w-full min-w-0 rounded-md border border-input bg-background text-base text-foreground shadow-xs transition-[color,box-shadow] md:text-sm',
  'placeholder:text-muted-foreground',
  'outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
  'disabled:cursor-not-allowed disabled:opacity-50',
  'aria-invalid:border-destructive aria-invalid:ring-2 aria-invalid:ring-destructive/30',
);

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        controlClasses,
        'h-9 px-3 py-1',
        'file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground',
        className,
      )}
      {...props}
    />
  );
}
