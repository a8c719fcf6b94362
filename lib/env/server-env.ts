import { z } from 'zod';

/**
 * The server's environment, validated once at startup (instrumentation.ts) with messages that
 * name the variable. Tenancy keys are validated by `defineTenancy`; this covers services and
 * secrets. Production refuses the development fallbacks for secrets.
 */
const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(' or ')} URL`);

const secret = z.string().min(16, 'must be at least 16 characters');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_APP_URL: url(['postgres:', 'postgresql:']).optional(),
  DB_RLS: z.enum(['on', 'off']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  AUTH_SECRET: secret.optional(),
  REALTIME_SECRET: secret.optional(),
  REALTIME_PUBLIC_URL: url(['http:', 'https:', 'ws:', 'wss:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type ServerEnv = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseServerEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  if (parsed.NODE_ENV === 'production') {
    const missing = (['DATABASE_URL', 'AUTH_SECRET', 'REALTIME_SECRET'] as const).filter((k) => !parsed[k]);
    if (missing.length > 0) throw new EnvError(`Invalid environment:\n${missing.map((k) => `  ${k}: required in production`).join('\n')}`);
  }
  return parsed;
}
