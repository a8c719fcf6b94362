import type { Switcher } from '@/lib/tenant-switcher/queries';
import { switchTenant } from './actions';

type Props = { switcher: Switcher; activeTenantId: string };

/**
 * The user's organisations (from `loadSwitcher`), linked the way the active resolver selects a
 * tenant: a URL in subdomain and path mode, a form (membership check + token re-issue) in session
 * mode. Listing a tenant here grants nothing; the destination page checks membership again.
 */
export function TenantSwitcher({ switcher, activeTenantId }: Props) {
  return (
    <nav aria-label="Organisations" data-testid="tenant-switcher">
      <ul className="flex flex-wrap gap-2 text-sm">
        {switcher.tenants.map((t) => {
          const active = t.id === activeTenantId;
          const label = (
            <>
              {t.name} <span className="text-zinc-500">({t.role.toLowerCase()})</span>
            </>
          );
          return (
            <li key={t.id}>
              {active ? (
                <span aria-current="true" className="rounded bg-zinc-200 px-2 py-1 font-medium text-zinc-900">
                  {label}
                </span>
              ) : t.href ? (
                <a href={t.href} className="rounded px-2 py-1 underline" data-testid={`switch-${t.slug}`}>
                  {label}
                </a>
              ) : switcher.mode === 'session' ? (
                <form action={switchTenant}>
                  <input type="hidden" name="slug" value={t.slug} />
                  <button type="submit" className="rounded px-2 py-1 underline" data-testid={`switch-${t.slug}`}>
                    {label}
                  </button>
                </form>
              ) : (
                <span className="px-2 py-1">{label}</span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
