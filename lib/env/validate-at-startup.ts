// Imported by instrumentation.ts on the Node runtime only (process.exit does not exist on the edge).
import { getTenancyConfig } from '@/lib/tenants/config';
import { parseServerEnv } from './server-env';

try {
  parseServerEnv();
  getTenancyConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
