// postinstall: generate the Prisma client offline (provisional; replaced by the prisma wrapper).
import { spawnSync } from 'node:child_process';
const r = spawnSync(process.execPath, ['scripts/prisma.mjs', 'generate'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
