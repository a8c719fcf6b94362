import { env } from '@/lib/env';

/**
 * The deployment's own origin, from configuration only: `APP_URL`, or `http://localhost:$PORT` in
 * development. Production refuses to start without APP_URL (lib/env/schema.ts), because the
 * alternative — the request's Host or X-Forwarded-Host — is chosen by the client, and a magic link
 * built from it hands the sign-in token to whoever picked the host (issue 10, finding 2).
 * Edge-safe. Test: lib/urls/urls.test.ts.
 */
export function appOrigin(): string {
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  return `http://localhost:${env.PORT}`;
}

/** The parsed origin: protocol (`http:`/`https:`), hostname and port of the deployment. */
export function appOriginUrl(): URL {
  return new URL(appOrigin());
}

/** True when the deployment is served over HTTPS (secure cookies, `__Secure-` names). */
export function isSecureDeployment(): boolean {
  return appOriginUrl().protocol === 'https:';
}
