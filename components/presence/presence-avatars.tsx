'use client';

import type { PresenceClientMeta } from '@/lib/realtime/protocol';
import { initials, viewingText } from './presence-state';
import { usePresence } from './use-presence';

export type Props = {
  /** What is being viewed, e.g. `doc-<id>` ([A-Za-z0-9_-], max 64). */
  presenceKey: string;
  meta?: PresenceClientMeta;
  /** How many avatars to show before "+N". */
  max?: number;
  /** Token endpoint; in path mode it carries the tenant (`/<slug>/api/realtime/token`). */
  tokenUrl?: string;
};

/** Who else is here, live: initials avatars and "N people are viewing". */
export function PresenceAvatars({ presenceKey, meta, max = 8, tokenUrl }: Props) {
  const { users, count, status } = usePresence(presenceKey, meta, { tokenUrl });
  const shown = users.slice(0, max);
  return (
    <div className="flex items-center gap-3" data-testid="presence" data-status={status}>
      <ul className="flex -space-x-2" aria-label="People viewing">
        {shown.map((user) => (
          <li
            key={user.id}
            data-testid="presence-user"
            data-user-id={user.id}
            data-name={user.name}
            title={user.name}
            className="flex h-8 w-8 items-center justify-center rounded-full border-2 border-background bg-primary text-xs font-semibold text-primary-foreground"
          >
            <span aria-hidden="true">{initials(user.name)}</span>
            <span className="sr-only">{user.name}</span>
          </li>
        ))}
        {users.length > shown.length && (
          <li className="flex h-8 w-8 items-center justify-center rounded-full border-2 border-background bg-muted text-xs text-muted-foreground">
            +{users.length - shown.length}
          </li>
        )}
      </ul>
      <p className="text-sm text-muted-foreground" data-testid="presence-count" aria-live="polite">
        {status === 'connected' || count > 0
          ? viewingText(count)
          : status === 'error'
            ? 'Live presence unavailable'
            : 'Connecting…'}
      </p>
    </div>
  );
}
