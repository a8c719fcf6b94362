/**
 * `DB_LOG_STATEMENTS=on`: every SQL statement a pool sends (including the RLS pool's `set_config`)
 * is written to stdout as one JSON line `{"area":"sql","statement":…}`. It exists so the per-page
 * statement budget can be measured from outside the process (tests/http/statement-budget.test.ts)
 * and so a developer can see what a page costs. Parameters are never logged (they carry user data).
 */
import type pg from 'pg';

type Query = (...args: unknown[]) => unknown;

function statementText(first: unknown): string | null {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string') return first.text;
  return null;
}

/** Logs every statement run on connections `pool` opens from now on. */
export function logStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as Query;
    const logged: Query = (...args) => {
      const text = statementText(args[0]);
      if (text) process.stdout.write(`${JSON.stringify({ area: 'sql', statement: text.replace(/\s+/g, ' ') })}\n`);
      return original(...args);
    };
    Object.defineProperty(client, 'query', { value: logged, configurable: true, writable: true });
  });
}
