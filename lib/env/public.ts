/**
 * The environment a browser bundle may see: NEXT_PUBLIC_* variables only.
 *
 * The one exception to "only lib/env/index.ts reads process.env": Next replaces a LITERAL
 * `process.env.NEXT_PUBLIC_X` with its value at build time, and only that spelling — the keyed
 * reads of `env` would find an empty object in the browser. Validated with the rest at startup
 * (lib/env/schema.ts); tests/architecture/process-env.test.ts allows this file by name.
 */
export const publicEnv = {
  /** Build-time override of the sidecar URL the browser connects to. */
  NEXT_PUBLIC_REALTIME_URL: process.env.NEXT_PUBLIC_REALTIME_URL || undefined,
} as const;
