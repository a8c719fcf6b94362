import { type Logger, pino } from 'pino';
import { env } from '@/lib/env';

/**
 * The worker's structured logs. Not lib/log/logger: that one is server-only (it reads Next's
 * request headers), and the worker is a plain Node process.
 */
export const jobsLogger: Logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'worker' },
  redact: { paths: ['payload.path', '*.token', 'token'], censor: '[redacted]' },
});
