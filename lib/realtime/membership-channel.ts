/**
 * The Redis pub/sub channel on which the app announces membership changes and every sidecar node
 * listens (realtime-server/membership-listener.ts): a removed member's or re-roled member's open
 * sockets are cut within moments instead of living on until their token expires.
 * Runtime-agnostic; no Redis import here.
 */
import { z } from 'zod';

export function membershipChannel(keyPrefix: string | undefined): string {
  return `${keyPrefix ?? 'tenantry'}:membership-changes`;
}

export const membershipChangeSchema = z.object({
  tenantId: z.string().min(1).max(128),
  userId: z.string().min(1).max(256),
  change: z.enum(['removed', 'role']),
});

export type MembershipChange = z.infer<typeof membershipChangeSchema>;
