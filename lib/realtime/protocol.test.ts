import { describe, expect, it } from 'vitest';
import { joinPayloadSchema, validatePresenceKey } from './protocol';

describe('presence protocol', () => {
  it('accepts plain presence keys', () => {
    expect(validatePresenceKey('doc-123_a')).toBe('doc-123_a');
  });

  it('refuses keys that could name a tenant or a room', () => {
    for (const key of ['t:other:doc', 'doc:1', '', 'x'.repeat(65), '../doc', 'doc*', 'doc 1', 42, null]) {
      expect(() => validatePresenceKey(key)).toThrow(/invalid presence key/);
    }
  });

  it('bounds meta: flat scalars, at most 16 fields and 1 KiB', () => {
    expect(joinPayloadSchema.safeParse({ key: 'doc', meta: { cursor: 3, typing: true } }).success).toBe(true);
    expect(joinPayloadSchema.safeParse({ key: 'doc', meta: { nested: { a: 1 } } }).success).toBe(false);
    expect(joinPayloadSchema.safeParse({ key: 'doc', meta: { big: 'x'.repeat(257) } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 1]));
    expect(joinPayloadSchema.safeParse({ key: 'doc', meta: many }).success).toBe(false);
    const wide = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, 'x'.repeat(200)]));
    expect(joinPayloadSchema.safeParse({ key: 'doc', meta: wide }).success).toBe(false);
    expect(joinPayloadSchema.safeParse({ key: 'doc', tenant: 'globex' }).success).toBe(false);
  });
});
