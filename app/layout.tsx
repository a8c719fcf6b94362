import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { ImpersonationBanner } from '@/components/admin/impersonation-banner';
import { TenantTheme } from '@/components/ui/tenant-theme';
import { ThemeProvider } from '@/components/ui/theme-provider';
import { Toaster } from '@/components/ui/toaster';
import { getMemberContext, orUnavailablePage } from '@/lib/auth/guard';
import { nonceFromCsp } from '@/lib/security/csp';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TenantProvider } from '@/lib/tenants/context';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tenantry', template: '%s · Tenantry' },
  description: 'A multi-tenant SaaS starter for Next.js.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Branding (theme, logo, name in the client context) only for members: a non-member's 404 on a
  // tenant host must look exactly like an unknown tenant's. This is the first database read of
  // every page, so an unreachable database turns into the 503 page here.
  const member = await orUnavailablePage(() => getMemberContext());
  const tenant = member?.tenant ?? null;
  // While an operator views this tenant as a member, every page says so (lib/auth/impersonation.ts).
  const impersonator = member?.user.impersonator ?? null;
  const tenantTheme = tenant ? (tenant.getSetting<string>('theme', 'light') === 'dark' ? 'dark' : 'light') : null;
  const nonce = nonceFromCsp((await headers()).get('content-security-policy'));
  return (
    // next-themes sets the class on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      {/* Spread, not `={undefined}`: an absent prop leaves no trace in the page's RSC payload either. */}
      <body {...(tenantTheme ? { 'data-tenant-theme': tenantTheme } : {})}>
        <ThemeProvider defaultTheme={tenantTheme ?? 'system'} nonce={nonce}>
          <TenantTheme theme={tenantTheme} />
          {impersonator && member ? (
            <ImpersonationBanner impersonator={impersonator} email={member.user.email} />
          ) : null}
          <TenantProvider tenant={tenant ? tenant.toJSON() : null} contextName={getTenancyConfig().contextName}>
            {children}
          </TenantProvider>
          <Toaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
