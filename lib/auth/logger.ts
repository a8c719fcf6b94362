/**
 * Auth.js logger. A wrong password is expected traffic, so `CredentialsSignin` is ONE warning line
 * (no stack trace, no email); other Auth.js errors are one error line with their cause's message.
 * Tests: tests/auth/credentials.test.ts.
 */
import { logger } from '@/lib/log/logger';

function errorName(error: Error): string {
  const type = (error as Error & { type?: unknown }).type;
  return typeof type === 'string' ? type : error.name;
}

export const authLogger = {
  error(error: Error): void {
    const name = errorName(error);
    if (name === 'CredentialsSignin') {
      logger.warn({ area: 'auth' }, 'sign-in refused: wrong email or password');
      return;
    }
    const raw = error.cause as { err?: unknown } | undefined;
    const inner = raw instanceof Error ? raw : raw?.err instanceof Error ? raw.err : null;
    logger.error({ area: 'auth', error: name, cause: inner?.message }, error.message);
  },
};
