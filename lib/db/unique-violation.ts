/**
 * "That value is already taken": Prisma's P2002 (a unique index refused the write). Callers turn it
 * into a field message (an item name, a slug, an email) instead of a 500. The unique index is the
 * final word — a check-then-insert can race — so every writer of a unique column uses this.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}
