import { ChevronDown } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

type Props = ComponentProps<'select'> & { wrapperClassName?: string };

/**
 * A native <select> with the theme's look. Native on purpose: it posts with the form, works before
 * hydration, and gets the platform's picker on phones. Options take the theme colours explicitly
 * because some platforms draw the open list outside the page's colour scheme.
 */
export function Select({ className, wrapperClassName, children, ...props }: Props) {
  return (
    <div data-slot="select-wrapper" className={cn('relative w-full', wrapperClassName)}>
      <select
        data-slot="select"
        className={cn(
          controlClasses,
          'h-9 cursor-pointer appearance-none py-1 pr-8 pl-3',
          '[&>option]:bg-popover [&>option]:text-popover-foreground',
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
