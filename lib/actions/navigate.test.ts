import { describe, expect, it } from 'vitest';
import { navigateTo, navigationTarget } from '@/lib/actions/navigate';

describe('navigate after success', () => {
  it('reads back the one key an action sets', () => {
    expect(navigationTarget({ ok: true, data: navigateTo('/acme/dashboard') })).toBe('/acme/dashboard');
  });

  it('navigates nowhere on failure, without data, or for another key', () => {
    expect(navigationTarget({ ok: false, error: 'no' })).toBeNull();
    expect(navigationTarget({ ok: true })).toBeNull();
    expect(navigationTarget({ ok: true, data: { redirectTo: '/x' } })).toBeNull();
    expect(navigationTarget({ ok: true, data: { href: 42 } })).toBeNull();
    expect(navigationTarget({ ok: true, data: navigateTo('') })).toBeNull();
  });
});
