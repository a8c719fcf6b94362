import { describe, expect, it } from 'vitest';
import { clientIpFrom, stripUntrustedForwarded } from './forwarded';

// Issue 10, finding 7: on main the FIRST X-Forwarded-For entry (client-chosen) became the audit IP.
describe('the trusted-hop rule', () => {
  it('never takes a client-written entry as the client IP', () => {
    // One proxy: it appended the address it saw (203.0.113.9); "6.6.6.6" came from the client.
    const h = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    expect(clientIpFrom(h, 1)).toBe('203.0.113.9');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.1, 10.0.0.2' }), 2)).toBe('198.51.100.1');
  });

  it('with no trusted proxy, strips every forwarding header so Next writes the socket address', () => {
    const h = new Headers({
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'javascript',
      'x-real-ip': '6.6.6.6',
      forwarded: 'for=6.6.6.6;host=evil.example',
      host: 'acme.localhost',
    });
    stripUntrustedForwarded(h, 0);
    expect([...h.keys()]).toEqual(['host']);
    // What Next fills in afterwards (one entry: the socket) is what the audit log reads.
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '127.0.0.1' }), 0)).toBe('127.0.0.1');
  });

  it('keeps the headers when proxies are trusted, and ignores X-Real-IP without them', () => {
    const h = new Headers({ 'x-forwarded-host': 'acme.example.com' });
    stripUntrustedForwarded(h, 1);
    expect(h.get('x-forwarded-host')).toBe('acme.example.com');
    expect(clientIpFrom(new Headers({ 'x-real-ip': '6.6.6.6' }), 0)).toBeNull();
    expect(clientIpFrom(new Headers({ 'x-real-ip': '192.0.2.7' }), 1)).toBe('192.0.2.7');
  });
});
