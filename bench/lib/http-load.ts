/**
 * Requests per second of several HTTP cases measured in one run, as ratios.
 *
 * Every case gets a warm-up, then `rounds` rounds of a fixed-duration autocannon run each; the case
 * order flips every round (A B C, C B A, …) so slow drift of the machine (thermal, GC, Postgres
 * caches) lands on both sides of a comparison. A ratio is computed per round and the median of
 * those is reported, next to the median absolute rps as context.
 * The load generator shares the machine with the server, so differences are compressed, not
 * inflated: a ratio below 1 here is an upper bound on the real speed-up of the faster side.
 */
import autocannon from 'autocannon';
import { type AppServer, requestAs } from '@/tests/fixtures/app-server';

export type HttpCase = {
  name: string;
  server: AppServer;
  path: string;
  headers: Record<string, string>;
  /** Must appear in a correct response body; checked once before measuring. */
  expect: string;
  /** Must not appear (the other tenant's name). */
  refuse?: string;
};

export type LoadOptions = { rounds: number; seconds: number; warmupSeconds: number; connections: number };
export const QUICK: LoadOptions = { rounds: 3, seconds: 2, warmupSeconds: 1, connections: 10 };
export const FULL: LoadOptions = { rounds: 5, seconds: 8, warmupSeconds: 4, connections: 10 };

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** One request through node:http; refuses to benchmark a case that does not render the right page. */
export async function checkCase(c: HttpCase): Promise<number> {
  const { host = 'localhost', ...rest } = c.headers;
  const res = await requestAs(c.server, host, c.path, { headers: rest });
  const wrong = c.refuse && res.body.includes(c.refuse);
  if (res.status !== 200 || !res.body.includes(c.expect) || wrong) {
    throw new Error(
      `case "${c.name}": ${res.status}, expected "${c.expect}"${wrong ? `, found "${c.refuse}"` : ''}\n${res.body.slice(0, 500)}`,
    );
  }
  return res.body.length;
}

async function rps(c: HttpCase, seconds: number, connections: number): Promise<number> {
  const result = await autocannon({
    url: `${c.server.url}${c.path}`,
    headers: c.headers,
    duration: seconds,
    connections,
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`case "${c.name}": ${bad} failed requests of ${result.requests.total}`);
  return result.requests.total / result.duration;
}

/** Median rps of every case, and for each ratio pair [numerator, denominator] the median per-round ratio. */
export async function measureCases(
  cases: HttpCase[],
  pairs: [string, string][],
  options: LoadOptions,
  log: (line: string) => void,
): Promise<{ rps: Map<string, number>; ratios: Map<string, number> }> {
  // Same page on both sides of a ratio: the body sizes are logged so a mismatch shows.
  for (const c of cases) log(`${c.name}: ${c.path} renders ${await checkCase(c)} bytes`);
  for (const c of cases) await rps(c, options.warmupSeconds, options.connections);
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? cases : [...cases].reverse();
    for (const c of order) samples.get(c.name)?.push(await rps(c, options.seconds, options.connections));
    log(
      `round ${round + 1}/${options.rounds}: ${cases.map((c) => `${c.name} ${samples.get(c.name)?.at(-1)?.toFixed(0)}`).join(', ')} rps`,
    );
  }
  const ratios = new Map<string, number>();
  for (const [a, b] of pairs) {
    const sa = samples.get(a) ?? [];
    const sb = samples.get(b) ?? [];
    ratios.set(`${a}/${b}`, median(sa.map((v, i) => v / (sb[i] ?? Number.NaN))));
  }
  return { rps: new Map([...samples].map(([name, s]) => [name, median(s)])), ratios };
}
