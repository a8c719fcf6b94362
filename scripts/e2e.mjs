#!/usr/bin/env node
// `npm run test:e2e`: Playwright in Debian's Chromium against `next start` (see e2e/README.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error(
    'Chromium not found at /usr/bin/chromium. Install it with `apt-get install chromium` (no browser download).',
  );
  process.exit(1);
}
const r = spawnSync('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
process.exit(r.status ?? 1);
