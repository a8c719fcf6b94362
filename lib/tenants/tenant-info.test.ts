import { describe, expect, it } from 'vitest';
import { TenantInfo } from './tenant-info';

describe('TenantInfo', () => {
  it('defaults slug to id, name to slug, settings and metadata to {}', () => {
    const t = new TenantInfo({ id: 'acme' });
    expect(t.slug).toBe('acme');
    expect(t.name).toBe('acme');
    expect(t.settings).toEqual({});
    expect(t.metadata).toEqual({});
    expect(t.raw).toBeUndefined();
  });

  it('defaults name to the slug when only a slug is given', () => {
    expect(new TenantInfo({ id: 'c1', slug: 'acme' }).name).toBe('acme');
  });

  it('keeps given values and the raw row', () => {
    const row = { id: 'c1' };
    const t = new TenantInfo({
      id: 'c1',
      slug: 'acme',
      name: 'Acme Corp',
      settings: { theme: 'dark' },
      metadata: { plan: 'pro' },
      raw: row,
    });
    expect([t.id, t.slug, t.name]).toEqual(['c1', 'acme', 'Acme Corp']);
    expect(t.raw).toBe(row);
    expect(t.metadata).toEqual({ plan: 'pro' });
  });

  it('treats non-object settings (a Json array or scalar) as {}', () => {
    expect(new TenantInfo({ id: 'a', settings: [1, 2] as unknown as Record<string, unknown> }).settings).toEqual({});
    expect(new TenantInfo({ id: 'a', settings: null }).settings).toEqual({});
  });

  it('refuses an empty or missing id', () => {
    expect(() => new TenantInfo({ id: '' })).toThrow(TypeError);
    expect(() => new TenantInfo({} as { id: string })).toThrow(TypeError);
  });

  it('getSetting returns the value or the fallback', () => {
    const t = new TenantInfo({ id: 'a', settings: { theme: 'dark', premium: false } });
    expect(t.getSetting('theme')).toBe('dark');
    expect(t.getSetting('premium', true)).toBe(false);
    expect(t.getSetting('missing', 'light')).toBe('light');
    expect(t.getSetting('missing')).toBeUndefined();
  });

  it('getSetting never reads inherited properties', () => {
    const t = new TenantInfo({ id: 'a' });
    expect(t.getSetting('constructor', 'x')).toBe('x');
    expect(t.getSetting('__proto__', 'x')).toBe('x');
  });

  it('equals compares by id with a TenantInfo or a string', () => {
    const a = new TenantInfo({ id: 'c1', slug: 'acme' });
    expect(a.equals(new TenantInfo({ id: 'c1', slug: 'renamed' }))).toBe(true);
    expect(a.equals(new TenantInfo({ id: 'c2', slug: 'acme' }))).toBe(false);
    expect(a.equals('c1')).toBe(true);
    expect(a.equals('acme')).toBe(false);
    expect(a.equals(null)).toBe(false);
  });

  it('toString is the id', () => {
    expect(`${new TenantInfo({ id: 'c1', slug: 'acme' })}`).toBe('c1');
  });

  it('toJSON is plain data without the raw row, and round-trips through fromJSON', () => {
    const t = new TenantInfo({ id: 'c1', slug: 'acme', name: 'Acme', settings: { theme: 'dark' }, raw: { secret: 1 } });
    const json = t.toJSON();
    expect(json).toEqual({ id: 'c1', slug: 'acme', name: 'Acme', settings: { theme: 'dark' }, metadata: {} });
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(t))).toEqual(json);
    const back = TenantInfo.fromJSON(json);
    expect(back.equals(t)).toBe(true);
    expect(back.getSetting('theme')).toBe('dark');
  });
});
