import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTenancyConfig } from '@/lib/tenants/config';
import { TenantProvider } from '@/lib/tenants/context';
import { getTenant } from '@/lib/tenants/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tenantry', template: '%s · Tenantry' },
  description: 'A multi-tenant SaaS starter for Next.js.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const tenant = await getTenant();
  const theme = tenant?.getSetting('theme', 'light') === 'dark' ? 'theme-dark' : 'theme-light';
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
