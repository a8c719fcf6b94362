#!/usr/bin/env node
// `npm start` (after `npm run build`): Next, the realtime sidecar and the job worker as supervised processes.
// SIGTERM/SIGINT are forwarded so both drain (the sidecar records its users' leaves); if either
// process dies the other is stopped too, so a supervisor (systemd, Docker, a PaaS) restarts both.
import { spawn } from 'node:child_process';

const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT ?? '3000';
const children = [
  spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { stdio: 'inherit', env }),
  spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'realtime-server/server.ts'], { stdio: 'inherit', env }),
  // More workers scale out with `npm run worker` on other machines (docs/email-and-jobs.md).
  spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/worker.ts'], { stdio: 'inherit', env }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 15_000);
  force.unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
