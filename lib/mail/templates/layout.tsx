import { Body, Container, Head, Html, Img, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** What a tenant contributes to a mail: its name and, when set, its https logo. Loaded from the job's tenant. */
export type Branding = { name: string; logoUrl?: string | null };

/** The frame every mail shares: the tenant's logo and name when a tenant is involved, else the product's. */
export function EmailLayout({ preview, brand, children }: { preview: string; brand?: Branding; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ fontFamily: 'Helvetica, Arial, sans-serif', backgroundColor: '#f6f6f6' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Section>
            {brand?.logoUrl ? <Img src={brand.logoUrl} alt={brand.name} height="40" /> : null}
            <Text style={{ fontSize: '18px', fontWeight: 'bold' }}>{brand?.name ?? 'Tenantry'}</Text>
          </Section>
          {children}
        </Container>
      </Body>
    </Html>
  );
}
