import { describe, expect, it } from 'vitest';
import { applyPresenceDiff, initials, tokenExpiry, viewingText } from '@/components/presence/presence-state';
import type { PresenceUser } from '@/lib/realtime/protocol';

const user = (id: string, joinedAt: number, name = id): PresenceUser => ({ id, name, image: null, joinedAt, meta: {} });

describe('client presence state', () => {
  it('applies leaves and joins, replacing a re-joined user instead of duplicating them', () => {
    const start = [user('a', 1), user('b', 2)];
    const next = applyPresenceDiff(start, { joins: [user('c', 3), user('a', 1, 'Alice')], leaves: [user('b', 2)] });
    expect(next.map((u) => [u.id, u.name])).toEqual([
      ['a', 'Alice'],
      ['c', 'c'],
    ]);
    expect(start).toHaveLength(2);
  });

  it('writes initials and the viewing sentence', () => {
    expect(initials('Alice Lee Anders')).toBe('AA');
    expect(initials('bob')).toBe('B');
    expect(initials('  ')).toBe('?');
    expect(viewingText(1)).toBe('1 person is viewing');
    expect(viewingText(3)).toBe('3 people are viewing');
  });

  it('reads a token expiry without trusting it for anything else', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1234 })).toString('base64url');
    expect(tokenExpiry(`h.${payload}.s`)).toBe(1234);
    expect(tokenExpiry('garbage')).toBeNull();
  });
});
