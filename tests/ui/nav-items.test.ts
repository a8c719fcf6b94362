import { describe, expect, it } from 'vitest';
import { visibleNav } from '@/components/shell/nav-items';
import { isCurrent } from '@/components/shell/nav-links';

describe('tenant nav', () => {
  const all = { settings: {} };
  const labels = (items: { label: string }[]) => items.map((i) => i.label);

  it('lists only the pages the role may open', () => {
    expect(labels(visibleNav('MEMBER', all, ''))).toEqual(['Dashboard', 'Documents']);
    expect(labels(visibleNav('ADMIN', all, ''))).toEqual([
      'Dashboard',
      'Documents',
      'Members',
      'Settings',
      'Audit log',
    ]);
  });

  it('drops a feature switched off in Settings', () => {
    expect(labels(visibleNav('OWNER', { settings: { features: ['items'] } }, ''))).not.toContain('Documents');
  });

  it('builds links under the tenant base and marks the current page in either URL shape', () => {
    const [dashboard] = visibleNav('MEMBER', all, '/acme');
    expect(dashboard?.href).toBe('/acme/dashboard');
    const documents = { segment: 'documents' };
    expect(isCurrent('/documents', documents)).toBe(true);
    expect(isCurrent('/acme/documents/ck1', documents)).toBe(true);
    expect(isCurrent('/acme/dashboard', documents)).toBe(false);
  });
});
