import 'server-only';
import { hasRole, type Role } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { entitlements } from '@/lib/billing/entitlements';
import { lockTenantRow } from '@/lib/billing/lock';
import { seatCheckInTx, seatsFullMessage } from '@/lib/billing/seats';
import { seatsUsed } from '@/lib/billing/subscription';
import { db, forTenant, withoutTenant } from '@/lib/db';
import { queueTenantMail } from '@/lib/mail/send';
import { generateInvitationToken, hashInvitationToken, INVITATION_TTL_MS, isWellFormedInvitationToken } from './token';

/**
 * Invitations: a single-use link that makes the holder of ONE email address a member.
 *
 * Invariants (tests/accounts/invitations.test.ts):
 * - only the token's SHA-256 is stored; the token itself exists in the link alone;
 * - an invitation is accepted at most once (the accept is a conditional update on
 *   `acceptedAt IS NULL AND expiresAt > now`, so two concurrent accepts cannot both win);
 * - it expires 7 days after it was made;
 * - only a user signed in with the invited email, VERIFIED, can accept it (an unverified sign-up
 *   with the invited address proves nothing: tests/accounts/verified-accounts.test.ts);
 * - the invitation row and its email job commit in one transaction: both or neither;
 * - nobody invites with a role above their own;
 * - nobody joins beyond the plan's seat limit: inviting is refused when every seat is taken, and
 *   accepting counts the members under the tenant-row lock (lib/billing/lock.ts), so concurrent
 *   accepts at the limit admit exactly the limit (tests/billing/seats.test.ts).
 */
export type InvitationRefusal = 'invalid' | 'used' | 'expired' | 'wrong-email' | 'unverified' | 'seats';

export const INVITATION_MESSAGES: Record<InvitationRefusal, string> = {
  invalid: 'This invitation link is not valid. Ask for a new invitation.',
  used: 'This invitation has already been used. Ask for a new invitation if you still need one.',
  expired: 'This invitation has expired. Invitations are valid for 7 days; ask for a new one.',
  'wrong-email': 'This invitation was sent to a different email address. Sign in with the address it was sent to.',
  unverified: 'Confirm your email address first: open the link we emailed you when you signed up, then come back.',
  seats:
    'This workspace has no free seat. Ask one of its owners to add seats on the Billing page, then open this link again.',
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type CreateInput = {
  tenantId: string;
  invitedById: string;
  inviterRole: Role;
  email: string;
  role: Role;
  now?: Date;
  /** Shown in the mail ("Alice invited you"); the tenant's name and logo come from the tenant itself. */
  inviterName?: string | null;
};

export type CreateInvitationResult =
  | { ok: true; token: string; invitation: { id: string; email: string; role: Role; expiresAt: Date } }
  | { ok: false; field: 'email' | 'role'; error: string };

export async function createInvitation({
  tenantId,
  invitedById,
  inviterRole,
  email,
  role,
  now = new Date(),
  inviterName = null,
}: CreateInput): Promise<CreateInvitationResult> {
  if (!hasRole(inviterRole, role))
    return { ok: false, field: 'role', error: 'You cannot invite someone with a role above your own.' };
  const address = normalizeEmail(email);
  const scoped = forTenant(tenantId);
  const existing = await scoped.membership.findFirst({ where: { user: { email: address } }, select: { id: true } });
  if (existing) return { ok: false, field: 'email', error: 'That person is already a member.' };
  const { seatLimit } = await entitlements(tenantId, now);
  if ((await seatsUsed(tenantId)) >= seatLimit)
    return { ok: false, field: 'email', error: seatsFullMessage(seatLimit) };

  const token = generateInvitationToken();
  // One open invitation per address: a new one replaces the old link instead of adding a second.
  const invitation = await scoped.$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { email: address, acceptedAt: null } });
    const row = await tx.invitation.create({
      data: {
        tenantId,
        email: address,
        role,
        tokenHash: hashInvitationToken(token),
        invitedById,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await queueTenantMail(
      tenantId,
      {
        eventKey: `invitation:${row.id}`,
        to: address,
        template: 'invitation',
        path: `/invite/${token}`,
        role,
        inviterName,
      },
      tx,
    );
    return row;
  });
  return { ok: true, token, invitation };
}

export type InvitationPreview =
  | { ok: true; tenant: { id: string; slug: string; name: string }; email: string; role: Role; expiresAt: Date }
  | { ok: false; reason: InvitationRefusal; message: string };

type InvitationRow = {
  id: string;
  tenantId: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  tenant: { id: string; slug: string; name: string };
};

/**
 * The token decides the tenant, so this lookup crosses tenants by design: an explicit
 * `withoutTenant` read by the token's hash, selecting only what the accept page shows.
 */
async function findByToken(token: unknown): Promise<InvitationRow | null> {
  if (!isWellFormedInvitationToken(token)) return null;
  return withoutTenant((client) =>
    client.invitation.findFirst({
      where: { tokenHash: hashInvitationToken(token) },
      select: {
        id: true,
        tenantId: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        tenant: { select: { id: true, slug: true, name: true } },
      },
    }),
  );
}

function refuse(reason: InvitationRefusal): { ok: false; reason: InvitationRefusal; message: string } {
  return { ok: false, reason, message: INVITATION_MESSAGES[reason] };
}

function stateOf(row: InvitationRow | null, now: Date): InvitationRefusal | null {
  if (!row) return 'invalid';
  if (row.acceptedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** What the invite page shows before accepting (no email check: the visitor may be signed out). */
export async function previewInvitation(token: unknown, now = new Date()): Promise<InvitationPreview> {
  const row = await findByToken(token);
  const refusal = stateOf(row, now);
  if (refusal || !row) return refuse(refusal ?? 'invalid');
  return { ok: true, tenant: row.tenant, email: row.email, role: row.role, expiresAt: row.expiresAt };
}

type AcceptInput = { token: unknown; userId: string; userEmail: string; now?: Date; ip?: string | null };

export type AcceptResult =
  | { ok: true; tenant: { id: string; slug: string; name: string }; role: Role }
  | { ok: false; reason: InvitationRefusal; message: string };

export async function acceptInvitation({
  token,
  userId,
  userEmail,
  now = new Date(),
  ip = null,
}: AcceptInput): Promise<AcceptResult> {
  const row = await findByToken(token);
  const refusal = stateOf(row, now);
  if (refusal || !row) return refuse(refusal ?? 'invalid');
  if (normalizeEmail(userEmail) !== row.email) return refuse('wrong-email');
  const verified = await db.user.findFirst({
    where: { id: userId, email: row.email, emailVerified: { not: null } },
    select: { id: true },
  });
  if (!verified) return refuse('unverified');

  const scoped = forTenant(row.tenantId);
  const outcome = await scoped.$transaction(async (tx) => {
    // The tenant-row lock serialises accepts, so the seat count below cannot race.
    await lockTenantRow(tx, row.tenantId);
    const member = await tx.membership.findFirst({ where: { userId }, select: { role: true } });
    if (!member && (await seatCheckInTx(tx, row.tenantId, now)).full) return 'seats' as const;
    // The conditional update is the single-use lock: of two concurrent accepts, one matches 0 rows.
    const claimed = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) return 'used' as const;
    if (member) return member.role; // already a member: an invitation never changes an existing role
    await tx.membership.create({ data: { tenantId: row.tenantId, userId, role: row.role }, select: { id: true } });
    await queueTenantMail(row.tenantId, { eventKey: `welcome:${row.id}`, to: row.email, template: 'welcome' }, tx);
    return row.role;
  });
  if (outcome === 'used' || outcome === 'seats') return refuse(outcome);

  await recordAudit({
    tenantId: row.tenantId,
    userId,
    action: 'invitations.accept',
    data: { invitationId: row.id, role: outcome },
    ip,
  });
  return { ok: true, tenant: row.tenant, role: outcome };
}

export type PendingInvitation = { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date };

export async function listPendingInvitations(tenantId: string, now = new Date()): Promise<PendingInvitation[]> {
  return forTenant(tenantId).invitation.findMany({
    where: { acceptedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

/** Withdraws an open invitation; false when there was none with that id in this tenant. */
export async function revokeInvitation(tenantId: string, invitationId: string): Promise<boolean> {
  const { count } = await forTenant(tenantId).invitation.deleteMany({ where: { id: invitationId, acceptedAt: null } });
  return count === 1;
}

/** Does a user with this email exist? (The invite page offers sign-in or sign-up accordingly.) */
export async function userExists(email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  return user !== null;
}
