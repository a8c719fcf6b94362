import { describe, expect, it } from 'vitest';
import { TenantScopeError } from './errors';
import { isDatabaseUnavailable } from './unavailable';

/** The predicate behind every 503: it must see through Prisma's wrapping, and hide nothing else. */
describe('isDatabaseUnavailable', () => {
  const prisma = (code: string, kind?: string) =>
    Object.assign(new Error('Invalid `prisma.item.findMany()` invocation'), {
      name: 'PrismaClientKnownRequestError',
      code,
      meta: kind ? { driverAdapterError: Object.assign(new Error(kind), { cause: { kind } }) } : undefined,
    });

  it('recognises refused, reset and timed-out connections however they are wrapped', () => {
    expect(isDatabaseUnavailable(prisma('P1001', 'DatabaseNotReachable'))).toBe(true);
    expect(isDatabaseUnavailable(prisma('P2010', 'ConnectionClosed'))).toBe(true);
    expect(isDatabaseUnavailable(prisma('P2024'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('wrapped', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(
      true,
    );
  });

  it('does not turn query, constraint or isolation errors into a 503', () => {
    expect(isDatabaseUnavailable(prisma('P2002', 'UniqueConstraintViolation'))).toBe(false);
    expect(isDatabaseUnavailable(prisma('P2021', 'TableDoesNotExist'))).toBe(false);
    expect(isDatabaseUnavailable(new TenantScopeError('NO_TENANT', 'no tenant set', 'Item'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
