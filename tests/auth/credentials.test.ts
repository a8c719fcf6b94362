import { verify as argonVerify } from '@node-rs/argon2';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authLogger } from '@/lib/auth/logger';
import { authorizeCredentials } from '@/lib/auth/providers';
import { requestSignUp } from '@/lib/accounts/sign-up';
import { verifyPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { useSeededDb } from './helpers';
import { logger } from '@/lib/log/logger';

describe('email + password', () => {
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ close } = await useSeededDb());
  });
  afterAll(() => close());

  it('signs in a seeded user with the right password', async () => {
    expect(await authorizeCredentials({ email: 'alice@acme.test', password: 'password' })).toMatchObject({
      email: 'alice@acme.test',
    });
  });

  it('accepts the email in any case and with spaces', async () => {
    expect(await authorizeCredentials({ email: '  Alice@ACME.test ', password: 'password' })).not.toBeNull();
  });

  it.each([
    ['a wrong password', { email: 'alice@acme.test', password: 'wrong' }],
    ['an unknown email', { email: 'nobody@acme.test', password: 'password' }],
    ['a malformed email', { email: 'not-an-email', password: 'password' }],
    ['no password', { email: 'alice@acme.test' }],
    ['no input', undefined],
  ])('refuses %s', async (_label, input) => {
    expect(await authorizeCredentials(input)).toBeNull();
  });

  it('stores an Argon2id hash at sign-up, never the password, and refuses the password until the address is verified', async () => {
    await requestSignUp({ name: 'Dora', email: 'dora@new.test', password: 's3cret-pass' });
    const row = await db.user.findUniqueOrThrow({ where: { email: 'dora@new.test' } });
    expect(row.passwordHash).not.toContain('s3cret-pass');
    expect(row.passwordHash?.startsWith('$argon2id$')).toBe(true);
    expect(await argonVerify(row.passwordHash ?? '', 's3cret-pass')).toBe(true);
    expect(await verifyPassword('s3cret-pass', row.passwordHash)).toBe(true);
    expect(await authorizeCredentials({ email: 'dora@new.test', password: 's3cret-pass' })).toBeNull();
    await db.user.update({ where: { id: row.id }, data: { emailVerified: new Date() } });
    expect(await authorizeCredentials({ email: 'dora@new.test', password: 's3cret-pass' })).not.toBeNull();
  });

  it('still accepts a bcrypt hash from before and replaces it with Argon2id on success', async () => {
    const legacy = await bcryptHash('old-pass-123', 10);
    await db.user.create({
      data: { name: 'Eve', email: 'eve@legacy.test', passwordHash: legacy, emailVerified: new Date() },
    });
    expect(await authorizeCredentials({ email: 'eve@legacy.test', password: 'wrong-pass' })).toBeNull();
    const stillLegacy = await db.user.findUniqueOrThrow({ where: { email: 'eve@legacy.test' } });
    expect(stillLegacy.passwordHash).toBe(legacy);
    expect(await authorizeCredentials({ email: 'eve@legacy.test', password: 'old-pass-123' })).not.toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { email: 'eve@legacy.test' } });
    expect(row.passwordHash?.startsWith('$argon2id$')).toBe(true);
    expect(await authorizeCredentials({ email: 'eve@legacy.test', password: 'old-pass-123' })).not.toBeNull();
  });

  it('a sign-up for a verified address changes nothing', async () => {
    await requestSignUp({ name: 'Alice 2', email: 'alice@acme.test', password: 'whatever1' });
    expect(await authorizeCredentials({ email: 'alice@acme.test', password: 'whatever1' })).toBeNull();
    expect(await authorizeCredentials({ email: 'alice@acme.test', password: 'password' })).not.toBeNull();
  });
});

describe('auth logger', () => {
  it('logs a wrong password as one warning line without a stack trace', () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const signInError = Object.assign(new Error('Read more at https://errors.authjs.dev#credentialssignin'), {
      type: 'CredentialsSignin',
    });
    authLogger.error(signInError);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).not.toMatch(/\\n|at /);
    expect(error).not.toHaveBeenCalled();
    warn.mockRestore();
    error.mockRestore();
  });
});
