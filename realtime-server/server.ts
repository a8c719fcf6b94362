/**
 * The realtime sidecar: `npm run realtime` (tsx realtime-server/server.ts). Runs beside Next, port
 * REALTIME_PORT (3001). Configuration: realtime-server/config.ts; protocol and security: docs/realtime.md.
 */
import '@/lib/env/load-dotenv-files'; // first: .env files before anything reads the environment
import { validateAtStartup } from '@/lib/env/validate-at-startup';
import { realtimeOptionsFromEnv } from './config';
import { createRealtimeServer } from './create-server';
import { createLogger } from './logger';

// A bad value stops the sidecar here, naming the key. It needs no database, but its own secret and origins.
validateAtStartup(['REALTIME_SECRET', 'REALTIME_ALLOWED_ORIGINS']);
const logger = createLogger();

async function main(): Promise<void> {
  const server = await createRealtimeServer({ ...realtimeOptionsFromEnv(), logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'draining realtime sidecar');
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  logger.fatal({ err }, 'realtime sidecar failed to start');
  process.exit(1);
});
