import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { releaseSingleton, singleton } from './singleton';

describe('singleton', () => {
  it('creates the value once and hands the same one to every caller of the key', () => {
    const key = `test.${randomUUID()}`;
    let created = 0;
    const make = () => ({ n: ++created });
    const first = singleton(key, make);
    expect(singleton(key, make)).toBe(first);
    expect(created).toBe(1);
  });

  it('keeps the value on globalThis under a Symbol.for key, so another copy of the module finds it', () => {
    const key = `test.${randomUUID()}`;
    const value = singleton(key, () => ['shared']);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`tenantry.${key}`)]).toBe(value);
  });

  it('forgets a released value and creates a new one on the next call', () => {
    const key = `test.${randomUUID()}`;
    const first = singleton(key, () => ({}));
    expect(releaseSingleton(key)).toBe(first);
    expect(releaseSingleton(key)).toBeUndefined();
    expect(singleton(key, () => ({}))).not.toBe(first);
  });
});
