/**
 * Micro-benchmark: nanoseconds per tenant resolution, for each resolver and for a chain, all
 * measured in this one run (compare the numbers with each other, not with another machine).
 * Run: npx tsx bench/resolvers.ts [iterations] [--json]
 */
import { defineTenancy } from '../lib/tenants/define-tenancy';
import { getTenantResolver, resolveTenant } from '../lib/tenants/resolvers/index';
import type { ResolveInput, TenantResolver } from '../lib/tenants/types';

// `--json`: also print the rows as one JSON line, last (bench/all.ts reads it).
const iterations = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 200_000);

const input: ResolveInput = {
  host: 'acme.example.com:3000',
  pathname: '/acme/dashboard/items',
  headers: new Headers({ 'x-tenant-id': 'acme', accept: 'text/html', 'user-agent': 'bench' }),
  cookies: { tenant_id: 'acme', other: 'x' },
  claims: { tenant_id: 'acme', sub: 'user-1' },
};
const miss: ResolveInput = { host: 'example.com', pathname: '/', headers: new Headers(), cookies: {}, claims: {} };

const config = (resolver: string) =>
  defineTenancy({ resolver, subdomain: { mainDomain: 'example.com' }, custom: () => 'acme' }, { env: {} });

async function measure(label: string, run: () => Promise<unknown>): Promise<{ label: string; ns: number }> {
  for (let i = 0; i < Math.min(iterations, 20_000); i++) await run(); // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run();
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  return { label, ns };
}

async function main(): Promise<void> {
  const rows: { label: string; ns: number }[] = [];
  for (const name of ['subdomain', 'path', 'header', 'session', 'custom']) {
    const resolver: TenantResolver = getTenantResolver(config(name));
    rows.push(await measure(`${name} (hit)`, () => resolver.resolve(input)));
  }
  const chain = getTenantResolver(config('custom,header,path,session,subdomain'));
  const lastHit: ResolveInput = { ...input, headers: new Headers(), cookies: {}, claims: {}, pathname: '/' };
  const lastConfig = config('header,path,session,subdomain');
  const last = getTenantResolver(lastConfig);
  rows.push(await measure('chain of 5, first hits', () => chain.resolve(input)));
  rows.push(await measure('chain of 4, last hits', () => last.resolve(lastHit)));
  const withDefault = defineTenancy({ ...lastConfig, defaultTenant: 'acme' }, { env: {} });
  rows.push(await measure('chain of 4, miss + default', () => resolveTenant(miss, withDefault)));
  const subdomainConfig = config('subdomain');
  rows.push(await measure('resolveTenant(subdomain hit)', () => resolveTenant(input, subdomainConfig)));
  // For scale: what validating a config costs, i.e. why the middleware builds it once.
  rows.push(await measure('defineTenancy (per call)', async () => config('subdomain')));

  console.log(`tenant resolution, ${iterations} iterations each (node ${process.version})`);
  const base = rows[0]!.ns;
  for (const { label, ns } of rows) {
    console.log(`${label.padEnd(32)} ${ns.toFixed(0).padStart(7)} ns/op   ${(ns / base).toFixed(2)}x subdomain`);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify({ iterations, rows }));
}

await main();
