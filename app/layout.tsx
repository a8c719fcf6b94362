import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getMemberContext, orUnavailablePage } from '@/lib/auth/guard';
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
  const tenant = (await orUnavailablePage(() => getMemberContext()))?.tenant ?? null;
  const theme = tenant?.getSetting<string>('theme', 'light') === 'dark' ? 'theme-dark' : 'theme-light';
  return (
    <html lang="en">
      <body className={theme}>
        <TenantProvider tenant={tenant ? tenant.toJSON() : null} contextName={getTenancyConfig().contextName}>
          {children}
        </TenantProvider>
      </body>
    </html>
  );
}
