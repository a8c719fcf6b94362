import { describe, expect, it } from 'vitest';
import { buildCsp, createNonce, nonceFromCsp } from './csp';

describe('buildCsp', () => {
  it('allows only nonced scripts and forbids framing', () => {
    const csp = buildCsp('abc', { dev: false });
    expect(csp).toContain(`script-src 'self' 'nonce-abc' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`object-src 'none'`);
  });

  it('lets the page reach the configured realtime sidecar over http and websockets', () => {
    const csp = buildCsp('n', { dev: false, realtimeUrl: 'https://rt.example.com' });
    expect(csp).toContain(`connect-src 'self' https://rt.example.com wss://rt.example.com`);
  });

  it('makes a fresh nonce per call', () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('reads the nonce back from a policy, and nothing from a missing one', () => {
    const nonce = createNonce();
    expect(nonceFromCsp(buildCsp(nonce, { dev: true }))).toBe(nonce);
    expect(nonceFromCsp(null)).toBeUndefined();
    expect(nonceFromCsp(`script-src 'self'`)).toBeUndefined();
  });
});
