'use client';

import { useTheme } from 'next-themes';
import { useEffect, useRef } from 'react';
import { THEME_STORAGE_KEY } from './theme-provider';

type Props = { theme: 'light' | 'dark' | null };

function hasOwnChoice(): boolean {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY) !== null;
  } catch {
    return false; // storage blocked: there is no stored choice to respect
  }
}

/**
 * Follows the tenant's theme setting while the page stays open. On load the ThemeProvider's
 * `defaultTheme` already is the tenant's theme; next-themes reads it only once, so when it changes
 * afterwards (an admin saves Settings, a client-side move to another tenant) this applies the new
 * one — unless the user picked a theme themselves, which always wins. `setTheme` also stores the
 * value, so the entry is removed again: the tenant's theme is a default, not the user's choice.
 */
export function TenantTheme({ theme }: Props) {
  const { setTheme } = useTheme();
  const applied = useRef(theme);

  useEffect(() => {
    if (applied.current === theme) return;
    applied.current = theme;
    if (hasOwnChoice()) return;
    setTheme(theme ?? 'system');
    try {
      localStorage.removeItem(THEME_STORAGE_KEY);
    } catch {
      // storage blocked: nothing was stored either
    }
  }, [theme, setTheme]);

  return null;
}
