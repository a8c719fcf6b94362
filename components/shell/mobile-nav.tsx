'use client';

import * as DialogPrimitive from '@radix-ui/react-dialog';
import { Menu, X } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { overlayClasses } from '@/components/ui/dialog';
import type { NavItem } from './nav-items';
import { NavLinks } from './nav-links';

type Props = { items: NavItem[]; tenantName: string; switcher: ReactNode };

/**
 * The nav on small screens: a menu button opening a sheet from the left (a Radix dialog, so focus is
 * trapped and Escape closes it). Following a link closes it.
 */
export function MobileNav({ items, tenantName, switcher }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu" data-testid="open-menu">
          <Menu aria-hidden="true" />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClasses} />
        <DialogPrimitive.Content
          className={cn(
            'fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r border-border',
            'bg-background p-4 text-foreground shadow-lg outline-none',
          )}
        >
          <div className="flex items-center justify-between gap-2">
            <DialogPrimitive.Title className="truncate font-semibold">{tenantName}</DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close menu">
                <X aria-hidden="true" />
              </Button>
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description className="sr-only">Pages of {tenantName}</DialogPrimitive.Description>
          {switcher}
          <nav aria-label="Main">
            <NavLinks items={items} onNavigate={() => setOpen(false)} />
          </nav>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
