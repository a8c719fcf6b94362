import { pino } from 'pino';
import { env } from '@/lib/env';

export type Logger = pino.Logger;

/** JSON logs on stdout; LOG_LEVEL=silent in tests. */
export function createLogger(level: string = env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'realtime', level });
}
