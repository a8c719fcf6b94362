'use client';

import { Building2, Check, ChevronsUpDown, Plus } from 'lucide-react';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { RoleBadge } from '@/components/ui/role-badge';
import type { Switcher } from '@/lib/tenant-switcher/queries';
import { switchTenant } from './actions';

type Props = { switcher: Switcher; activeTenantId: string; className?: string };

/**
 * The user's organisations (from `loadSwitcher`) in a menu, each with the user's role there, and
 * "Create organisation". An entry selects a tenant the way the active resolver does: a URL in
 * subdomain and path mode (a full page load: another tenant is another app frame), the switch action
 * (membership check + token re-issue) in session mode. Listing a tenant grants nothing; the
 * destination page checks membership again.
 */
export function TenantSwitcher({ switcher, activeTenantId, className }: Props) {
  const [pending, startTransition] = useTransition();
  const active = switcher.tenants.find((t) => t.id === activeTenantId);

  const switchBySession = (slug: string) => {
    const form = new FormData();
    form.set('slug', slug);
    startTransition(() => switchTenant(form));
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          className={cn('w-full justify-between', className)}
          pending={pending}
          data-testid="tenant-switcher"
          aria-label={`Organisation: ${active?.name ?? 'none'}. Switch organisation`}
        >
          <span className="flex min-w-0 items-center gap-2">
            <Building2 aria-hidden="true" />
            <span className="truncate">{active?.name ?? 'Organisations'}</span>
          </span>
          <ChevronsUpDown aria-hidden="true" className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-60">
        <DropdownMenuLabel className="text-xs text-muted-foreground">Your organisations</DropdownMenuLabel>
        {switcher.tenants.map((t) => {
          const isActive = t.id === activeTenantId;
          const body = (
            <>
              <Check aria-hidden="true" className={isActive ? 'opacity-100' : 'opacity-0'} />
              <span className="min-w-0 flex-1 truncate">{t.name}</span>
              <RoleBadge value={t.role} />
            </>
          );
          if (isActive) {
            return (
              <DropdownMenuItem key={t.id} aria-current="true" data-testid={`switch-${t.slug}`} onSelect={() => {}}>
                {body}
              </DropdownMenuItem>
            );
          }
          if (t.href) {
            return (
              <DropdownMenuItem key={t.id} asChild data-testid={`switch-${t.slug}`}>
                <a href={t.href}>{body}</a>
              </DropdownMenuItem>
            );
          }
          return (
            <DropdownMenuItem
              key={t.id}
              data-testid={`switch-${t.slug}`}
              disabled={switcher.mode !== 'session'}
              onSelect={() => switchBySession(t.slug)}
            >
              {body}
            </DropdownMenuItem>
          );
        })}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild data-testid="create-organisation">
          <a href="/onboarding">
            <Plus aria-hidden="true" /> Create organisation
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
