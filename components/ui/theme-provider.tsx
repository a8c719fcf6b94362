'use client';

import { ThemeProvider as NextThemes } from 'next-themes';
import type { ReactNode } from 'react';

/** Where the user's own choice (light, dark, system) is kept in the browser. */
export const THEME_STORAGE_KEY = 'tenantry-theme';

type Props = {
  children: ReactNode;
  /** The theme when the user has not chosen one: the tenant's setting, or `system` off-tenant. */
  defaultTheme: 'light' | 'dark' | 'system';
  /** The request's CSP nonce, for the inline script that sets the class before first paint. */
  nonce?: string;
};

/** next-themes with the app's settings: a `light`/`dark` class on <html>, and the native color-scheme. */
export function ThemeProvider({ children, defaultTheme, nonce }: Props) {
  return (
    <NextThemes
      attribute="class"
      defaultTheme={defaultTheme}
      enableSystem
      disableTransitionOnChange
      storageKey={THEME_STORAGE_KEY}
      nonce={nonce}
    >
      {children}
    </NextThemes>
  );
}
