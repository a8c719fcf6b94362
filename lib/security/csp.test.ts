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

  // Issue 10, finding 7: on main production allowed `https: wss:` (any origin) and no `ws:` at all.
  it('in production without a sidecar URL, allows exactly the page host on the sidecar port, ws: on plain HTTP', () => {
    const csp = buildCsp('n', { dev: false, pageHost: 'acme.example.test:3000', realtimePort: 3001 });
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1];
    expect(connect).toBe(`'self' http://acme.example.test:3001 ws://acme.example.test:3001`);
    const tls = buildCsp('n', { dev: false, pageHost: 'acme.example.com', realtimePort: 443, secure: true });
    expect(/connect-src ([^;]*)/.exec(tls)?.[1]).toBe(`'self' https://acme.example.com:443 wss://acme.example.com:443`);
    expect(buildCsp('n', { dev: false, realtimeUrl: 'http://rt.example.test:4000' })).toContain(
      `connect-src 'self' http://rt.example.test:4000 ws://rt.example.test:4000;`,
    );
  });

  it('makes a fresh nonce per call', () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('never repeats a nonce across refills of its random pool (256 nonces a refill)', () => {
    const nonces = Array.from({ length: 2000 }, createNonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it('reads the nonce back from a policy, and nothing from a missing one', () => {
    const nonce = createNonce();
    expect(nonceFromCsp(buildCsp(nonce, { dev: true }))).toBe(nonce);
    expect(nonceFromCsp(null)).toBeUndefined();
    expect(nonceFromCsp(`script-src 'self'`)).toBeUndefined();
  });
});
