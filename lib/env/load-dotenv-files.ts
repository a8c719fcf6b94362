import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { env } from './index';

/**
 * Loads `.env*` files the way Next does (same files, same order, real environment wins), so the
 * sidecar and the Next app agree on REALTIME_SECRET / AUTH_SECRET / REDIS_URL when started side by
 * side — otherwise every token minted by Next would be refused there. Imported first by
 * realtime-server/server.ts, before anything reads the environment. (No `$VAR` expansion, unlike
 * Next.) Node only: Next loads these files itself.
 */
const mode = env.NODE_ENV;
const files = [`.env.${mode}.local`, ...(mode === 'test' ? [] : ['.env.local']), `.env.${mode}`, '.env'];
for (const file of files) {
  const path = resolve(process.cwd(), file);
  // loadEnvFile never overrides a variable that is already set, so the first file wins.
  if (existsSync(path)) process.loadEnvFile(path);
}
