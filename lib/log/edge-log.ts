/**
 * One JSON line from the edge middleware, shaped like the pino lines of the Node side (pino does not
 * run on the edge). Used for requests refused before the app sees them, so bad input always leaves
 * a trace.
 */
export function edgeLog(level: 'info' | 'warn', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({
    level: level === 'warn' ? 40 : 30,
    time: Date.now(),
    service: 'middleware',
    msg,
    ...fields,
  });
  (level === 'warn' ? console.warn : console.info)(line);
}
