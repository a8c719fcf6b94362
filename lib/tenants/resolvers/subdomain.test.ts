import { describe, expect, it } from 'vitest';
import { hostLabels, subdomainResolver } from './subdomain';
import { resolveInput } from './test-input';

const exclude = ['www', 'api', 'admin'];
const plain = subdomainResolver({ exclude });
const onExample = subdomainResolver({ exclude, mainDomain: 'example.com' });
const onLocalhost = subdomainResolver({ exclude, mainDomain: 'localhost' });
const slugOf = async (resolver: typeof plain, host: string) =>
  (await resolver.resolve(resolveInput({ host })))?.slug ?? null;

describe('subdomain resolver without mainDomain', () => {
  it('takes the first label of a host with three or more labels', async () => {
    expect(await plain.resolve(resolveInput({ host: 'acme.example.com' }))).toEqual({ slug: 'acme', via: 'subdomain' });
    expect(await slugOf(plain, 'acme.app.example.co.uk')).toBe('acme');
  });

  it('finds no tenant on a host of one or two labels', async () => {
    expect(await slugOf(plain, 'example.com')).toBeNull();
    expect(await slugOf(plain, 'localhost')).toBeNull();
  });

  it('treats <label>.localhost as a tenant host in development', async () => {
    expect(await slugOf(plain, 'acme.localhost:3000')).toBe('acme');
  });

  it('strips the port', async () => {
    expect(await slugOf(plain, 'acme.example.com:3000')).toBe('acme');
  });

  it('compares labels case-insensitively and lower-cases the slug', async () => {
    expect(await slugOf(plain, 'ACME.Example.COM')).toBe('acme');
    expect(await slugOf(plain, 'WWW.example.com')).toBeNull();
  });

  it('handles the trailing dot of a fully qualified name', async () => {
    expect(await slugOf(plain, 'acme.example.com.')).toBe('acme');
    expect(await slugOf(plain, 'acme.example.com.:443')).toBe('acme');
  });

  it.each(['www', 'api', 'admin'])('never treats the excluded label %j as a tenant', async (label) => {
    expect(await slugOf(plain, `${label}.example.com`)).toBeNull();
  });

  it.each([
    '127.0.0.1',
    '127.0.0.1:3000',
    '10.1.2.3',
    '0x7f.0.0.1',
    '127.1',
    '[::1]',
    '[::1]:3000',
    '::1',
    'fe80::1',
    '[2001:db8::1]:443',
  ])('never treats the IP address %j as a tenant', async (host) => {
    expect(await slugOf(plain, host)).toBeNull();
  });

  it.each([
    'acme_x.example.com',
    'büro.example.com',
    '-acme.example.com',
    'acme-.example.com',
    'acme..example.com',
    '.acme.example.com',
    'acme.example.com:port',
    'acme.example.com:99999999',
    'acme .example.com',
    '',
    ':3000',
  ])('finds no tenant in the malformed host %j', async (host) => {
    expect(await slugOf(plain, host)).toBeNull();
  });

  it('accepts a punycode label, which is ASCII and matches the slug rule', async () => {
    expect(await slugOf(plain, 'xn--bro-hoa.example.com')).toBe('xn--bro-hoa');
  });

  it('refuses a first label longer than a slug may be', async () => {
    expect(await slugOf(plain, `${'a'.repeat(64)}.example.com`)).toBeNull();
  });

  it('refuses an oversized host without scanning it label by label', async () => {
    expect(await slugOf(plain, `acme.${'b'.repeat(60)}.${'c.'.repeat(200)}com`)).toBeNull();
    expect(hostLabels(`acme.${'x'.repeat(10_000)}.com`)).toBeNull();
  });
});

describe('subdomain resolver with mainDomain', () => {
  it('takes exactly one label in front of the main domain', async () => {
    expect(await slugOf(onExample, 'acme.example.com')).toBe('acme');
    expect(await slugOf(onExample, 'Acme.EXAMPLE.com:8080')).toBe('acme');
  });

  it('finds no tenant on the main domain itself', async () => {
    expect(await slugOf(onExample, 'example.com')).toBeNull();
  });

  it("refuses a host that only ends with the main domain's text (evilexample.com)", async () => {
    expect(await slugOf(onExample, 'evilexample.com')).toBeNull();
    expect(await slugOf(onExample, 'acme.evilexample.com')).toBeNull();
  });

  it('refuses more than one label in front (a.b.example.com)', async () => {
    expect(await slugOf(onExample, 'a.b.example.com')).toBeNull();
  });

  it('refuses other domains that merely contain the main domain', async () => {
    expect(await slugOf(onExample, 'acme.example.com.evil.net')).toBeNull();
    expect(await slugOf(onExample, 'acme.example.org')).toBeNull();
  });

  it('still honours exclusions under the main domain', async () => {
    expect(await slugOf(onExample, 'www.example.com')).toBeNull();
  });

  it('works with mainDomain localhost (acme.localhost)', async () => {
    expect(await slugOf(onLocalhost, 'acme.localhost:3000')).toBe('acme');
    expect(await slugOf(onLocalhost, 'localhost:3000')).toBeNull();
    expect(await slugOf(onLocalhost, 'a.b.localhost')).toBeNull();
  });

  it('normalizes a main domain given with capitals or dots', async () => {
    const r = subdomainResolver({ mainDomain: '.Example.COM.' });
    expect(await slugOf(r, 'acme.example.com')).toBe('acme');
  });
});

describe('hostLabels', () => {
  it('returns lower-case labels without port or trailing dot', () => {
    expect(hostLabels('Acme.Example.com.:3000')).toEqual(['acme', 'example', 'com']);
  });
});
