import { env } from '@/lib/env';

/**
 * The deployment's own origin, from configuration only: `APP_URL`, or `http://localhost:$PORT` in
 * development. Production refuses to start without APP_URL (lib/env/schema.ts), because the
 * alternative — the request's Host or X-Forwarded-Host — is chosen by the client, and a magic link
 * built from it hands the sign-in token to whoever picked the host (issue 10, finding 2).
 * Edge-safe. Test: lib/urls/urls.test.ts.
 */
export function appOrigin(): string {
  return appOriginUrl().origin;
}

/** The parts of the deployment's origin the app reads; a snapshot, so no caller can change it for the next. */
export type OriginParts = Readonly<Pick<URL, 'origin' | 'protocol' | 'host' | 'hostname' | 'port'>>;

// The middleware asks several times per request; parse once per configured value, not per call.
let parsed: { key: string; parts: OriginParts } | undefined;

/** The parsed origin: protocol (`http:`/`https:`), hostname and port of the deployment. */
export function appOriginUrl(): OriginParts {
  const configured = env.APP_URL;
  const key = configured ?? `:${env.PORT}`;
  if (parsed?.key !== key) {
    const url = new URL(configured ?? `http://localhost:${env.PORT}`);
    const { origin, protocol, host, hostname, port } = url;
    parsed = { key, parts: Object.freeze({ origin, protocol, host, hostname, port }) };
  }
  return parsed.parts;
}

/** True when the deployment is served over HTTPS (secure cookies, `__Secure-` names). */
export function isSecureDeployment(): boolean {
  return appOriginUrl().protocol === 'https:';
}
