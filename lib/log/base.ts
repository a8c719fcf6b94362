import { type Logger, pino } from 'pino';
import { env } from '@/lib/env';

/**
 * The process's pino logger, without request scope: scripts and jobs (the lifecycle CLI) log through
 * it under plain Node, where lib/log/logger.ts (server-only, request headers) cannot load.
 */
export const logger: Logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'web' },
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'key', '*.key', 'authorization'],
    censor: '[redacted]',
  },
});
