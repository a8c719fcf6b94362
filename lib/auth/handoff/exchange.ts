import 'server-only';
import { clientIp } from '@/lib/actions/client-ip';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { getTenant } from '@/lib/tenants/server';
import { isSessionRevoked } from '../revocation';
import { safeNextPath } from '../safe-next';
import { mintSessionCookie, type SessionCookie } from '../session-cookie';
import { withSignInClaims } from '../tenant-claims';
import { redeemHandoff } from './ticket';

/**
 * GET /api/auth/handoff?token=…&next=… — on the tenant's host: redeems a handoff ticket.
 *
 * Invariant: a session cookie is set here only for a ticket that exists, is unexpired, was issued
 * for THIS host and was not used before (lib/auth/handoff/ticket.ts deletes it as it reads it), of
 * a session id that is not revoked. The new session carries the same session id, so signing out
 * anywhere ends it too, and its tenant claims are computed afresh from the database. Each
 * redemption is written to the tenant's audit log (`auth.handoff`). Anything else: no cookie, and
 * the sign-in page with `next` kept. Tests: tests/auth/handoff.test.ts.
 */
function redirect(location: string, cookie?: SessionCookie) {
  const headers = new Headers({ location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  if (cookie) {
    const { maxAge, secure } = cookie.options;
    headers.append(
      'set-cookie',
      `${cookie.name}=${cookie.value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
    );
  }
  return new Response(null, { status: 303, headers });
}

export async function exchangeHandoff(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const next = safeNextPath(params.get('next'), '/dashboard');
  const host = request.headers.get('host') ?? '';
  const result = await redeemHandoff(params.get('token'), host);
  const refuse = (reason: string) => {
    logger.warn({ area: 'auth', reason, host }, 'session handoff refused');
    return redirect(`/login?next=${encodeURIComponent(next)}`);
  };
  if (!result.ok) return refuse(result.reason);
  const { grant } = result;
  if (await isSessionRevoked(grant.sessionId)) return refuse('revoked');
  const user = await db.user.findUnique({
    where: { id: grant.userId },
    select: { id: true, email: true, name: true, image: true },
  });
  if (!user) return refuse('no-user');

  const claims = await withSignInClaims(
    { sub: user.id, name: user.name, email: user.email, picture: user.image, sid: grant.sessionId },
    user.id,
  );
  const cookie = await mintSessionCookie(claims);
  const tenant = await getTenant();
  if (tenant) {
    await recordAudit({
      tenantId: tenant.id,
      userId: user.id,
      action: 'auth.handoff',
      data: { from: grant.fromHost, to: grant.targetHost },
      ip: clientIp(request.headers),
    });
  }
  return redirect(next, cookie);
}
