import 'server-only';
import { entitlementsOf } from './effective';
import { SUBSCRIPTION_SELECT, toState } from './subscription';

/**
 * Seat limits. `seatsFullMessage` is what an inviter or invitee reads: it says how to add seats.
 * `seatCheckInTx` counts members against the limit inside the caller's transaction, after the
 * caller took the tenant-row lock (lib/billing/lock.ts), so concurrent accepts are serialised.
 */
export function seatsFullMessage(limit: number): string {
  return `All ${limit} seats of this workspace's plan are in use. An owner can add seats on the Billing page (Billing → Change seats), or remove a member first.`;
}

type SeatTx = {
  membership: { count: () => PromiseLike<number> };
  subscription: {
    findUnique: (args: { where: { tenantId: string }; select: typeof SUBSCRIPTION_SELECT }) => PromiseLike<unknown>;
  };
};

export async function seatCheckInTx(
  tx: SeatTx,
  tenantId: string,
  now = new Date(),
): Promise<{ used: number; limit: number; full: boolean }> {
  const row = (await tx.subscription.findUnique({ where: { tenantId }, select: SUBSCRIPTION_SELECT })) as Parameters<
    typeof toState
  >[0];
  const { seatLimit } = entitlementsOf(toState(row), now);
  const used = await tx.membership.count();
  return { used, limit: seatLimit, full: used >= seatLimit };
}
