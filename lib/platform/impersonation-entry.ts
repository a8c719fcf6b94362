import 'server-only';
/**
 * The request side of impersonation: start (an operator action that also sets the cookie and opens
 * the tenant) and stop (ends the record, clears the cookie). The token goes into an httpOnly cookie
 * only — never into the action's answer — scoped like the session cookie (AUTH_COOKIE_DOMAIN), so
 * it reaches the tenant's host exactly when the session does.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/action-state';
import { clientIp } from '@/lib/actions/client-ip';
import { formDataToObject } from '@/lib/actions/form-data';
import { switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';
import { env } from '@/lib/env';
import { getTenancyConfig } from '@/lib/tenants/config';
import { impersonateOp } from './actions';
import { recordPlatformAudit } from './audit';
import { endImpersonation, IMPERSONATION_COOKIE } from './impersonation';
import { getOperator } from './operator-session';
import { runOperatorAction } from './run-operator-action';

async function cookieOptions(maxAgeSeconds: number) {
  const secure = ((await headers()).get('x-forwarded-proto') ?? '').startsWith('https');
  const domain = env.AUTH_COOKIE_DOMAIN;
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure,
    maxAge: maxAgeSeconds,
    ...(domain ? { domain } : {}),
  };
}

export async function startImpersonationFromForm(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const [operator, h] = await Promise.all([getOperator(), headers()]);
  const input = formData instanceof FormData ? formDataToObject(formData) : null;
  const outcome = await runOperatorAction(impersonateOp.def, impersonateOp.body, input, { operator, ip: clientIp(h) });
  if (!outcome.state.ok) return outcome.state;
  const { token, expiresAt, slug } = outcome.state.data as { token: string; expiresAt: string; slug: string };
  const seconds = Math.max(1, Math.round((new Date(expiresAt).getTime() - Date.now()) / 1000));
  (await cookies()).set(IMPERSONATION_COOKIE, token, await cookieOptions(seconds));
  const mode = switchModeFor(getTenancyConfig().resolvers);
  redirect(tenantDashboardHref(slug, mode) ?? '/dashboard');
}

export async function stopImpersonationNow(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(IMPERSONATION_COOKIE)?.value;
  const operator = await getOperator();
  if (token && operator) {
    const ended = await endImpersonation(token, operator);
    if (ended) {
      const h = await headers();
      await recordPlatformAudit({
        actor: operator,
        action: 'impersonation.end',
        target: { id: ended.tenantId, slug: ended.slug },
        ip: clientIp(h),
      });
    }
  }
  jar.set(IMPERSONATION_COOKIE, '', await cookieOptions(0));
  redirect(operator ? '/admin' : '/');
}
