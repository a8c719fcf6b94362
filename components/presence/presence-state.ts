import type { PresenceDiffMessage, PresenceUser } from '@/lib/realtime/protocol';

/** Applies a diff to a list: leaves first, then joins (a join replaces an entry with the same id). */
export function applyPresenceDiff(
  users: readonly PresenceUser[],
  diff: Pick<PresenceDiffMessage, 'joins' | 'leaves'>,
): PresenceUser[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const user of diff.leaves) byId.delete(user.id);
  for (const user of diff.joins) byId.set(user.id, user);
  return [...byId.values()].sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

/** "AL" for "Alice Lee", "B" for "bob"; never empty. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.join('').toUpperCase() || '?';
}

export function viewingText(count: number): string {
  return count === 1 ? '1 person is viewing' : `${count} people are viewing`;
}

/** Seconds-since-epoch `exp` of a JWT, read without verifying (only to schedule a refresh). */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}
