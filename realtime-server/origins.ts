/**
 * Origin allow-list for socket handshakes (defence against cross-site WebSocket hijacking: a page on
 * another site must not open a socket with the visitor's credentials).
 *
 * Patterns are exact origins (`https://app.example.com`) or one leading wildcard label
 * (`https://*.example.com`, which matches one or more labels but never the bare domain).
 */

export function compileOrigins(patterns: readonly string[]): (origin: string | undefined) => boolean {
  const matchers = patterns.map((raw) => {
    const pattern = raw.trim().toLowerCase().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+$/.test(pattern)) throw new Error(`invalid allowed origin: ${raw}`);
    if (!pattern.includes('*')) return (origin: string) => origin === pattern;
    const match = /^(https?:\/\/)\*\.([^*]+)$/.exec(pattern);
    if (!match) throw new Error(`invalid allowed origin (only a leading "*." is supported): ${raw}`);
    const escaped = match[2]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`^${match[1]}[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.${escaped}$`);
    return (origin: string) => re.test(origin);
  });
  return (origin) => {
    if (!origin || origin === 'null') return false;
    const normalised = origin.toLowerCase();
    return matchers.some((m) => m(normalised));
  };
}

export const DEV_ALLOWED_ORIGINS = ['http://localhost:3000', 'http://*.localhost:3000'];
