import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a well-formed incoming id', () => {
    expect(requestIdFrom('abc12345-proxy')).toBe('abc12345-proxy');
  });

  it('replaces a missing, short or malformed id (no log injection)', () => {
    for (const bad of [null, '', 'short', 'a b c d e f g h', 'x\nforged-line-1234', 'a'.repeat(200)]) {
      const id = requestIdFrom(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
