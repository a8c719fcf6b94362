import { randomBytes } from 'node:crypto';

/** A unique, sortable-enough id for rows the tests insert with raw SQL. */
export function createId(): string {
  return `t${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
}
