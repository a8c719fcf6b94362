import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stdout; LOG_LEVEL=silent in tests. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'realtime', level });
}
