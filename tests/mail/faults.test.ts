import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@/lib/jobs/catalog';
import '../jobs/crash-job';
import { withoutTenant } from '@/lib/db';
import { createBoss } from '@/lib/jobs/boss';
import { enqueuePlatform } from '@/lib/jobs/enqueue';
import { type RunningWorker, startWorker } from '@/lib/jobs/worker';
import { deliverEmail } from '@/lib/mail/deliver';
import { queuePlatformMail } from '@/lib/mail/send';
import { type Inbox, startInbox } from '@/scripts/dev-inbox.mjs';
import { seededDbForSuite } from '../accounts/scratch';
import { freePort } from '../fixtures/free-port';

/**
 * Faults with real processes: the SMTP server goes away mid-run and comes back (every mail
 * arrives exactly once), and a worker process is SIGKILLed in the middle of a job (the job is
 * retried by another worker, not lost).
 */
const database = seededDbForSuite();
let worker: RunningWorker | undefined;
let inbox: Inbox | undefined;
let smtpPort: number;
let child: ChildProcess | undefined;
const ROOT = path.resolve(import.meta.dirname, '../..');

beforeAll(async () => {
  smtpPort = await freePort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  process.env.APP_URL = 'https://app.example.test';
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL'); // even when the test timed out
  await worker?.stop();
  await inbox?.stop();
  delete process.env.SMTP_URL;
  delete process.env.APP_URL;
});

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('SMTP down, then back', () => {
  it('delivers every mail exactly once after the server returns', async () => {
    inbox = await startInbox({ smtpPort, httpPort: 0 });
    worker = await startWorker({ boss: createBoss(database().url), relayIntervalMs: 100 });
    await queuePlatformMail({ eventKey: 'fault:first', to: 'first@example.test', template: 'password-changed' });
    await inbox.waitFor((m) => m.to.includes('first@example.test'));

    await inbox.stop(); // mid-run: the server goes away
    const recipients = Array.from({ length: 5 }, (_, i) => `outage-${i}@example.test`);
    for (const to of recipients) await queuePlatformMail({ eventKey: `fault:${to}`, to, template: 'password-changed' });
    // Wait until the first attempts failed (the mails are queued and unsent).
    await until(async () => {
      const rows = await withoutTenant((c) =>
        c.emailDelivery.count({ where: { eventKey: { startsWith: 'fault:outage' } } }),
      );
      return rows === recipients.length ? true : undefined;
    });
    const sentDuringOutage = await withoutTenant((c) =>
      c.emailDelivery.count({ where: { eventKey: { startsWith: 'fault:outage' }, sentAt: { not: null } } }),
    );
    expect(sentDuringOutage).toBe(0);

    inbox = await startInbox({ smtpPort, httpPort: 0 }); // back on the same address
    for (const to of recipients) await inbox.waitFor((m) => m.to.includes(to), 90_000);
    await new Promise((r) => setTimeout(r, 2_000)); // room for a duplicate to show up
    const received = inbox.messages().map((m) => m.to[0]);
    expect(received.sort()).toEqual([...recipients].sort());
  }, 180_000);

  it('a second delivery of the same event is skipped', async () => {
    const delivery = {
      eventKey: 'fault:twice',
      to: 'twice@example.test',
      template: 'password-changed' as const,
      props: { url: 'https://app.example.test/forgot-password' },
    };
    expect(await deliverEmail(delivery)).toBe('sent');
    expect(await deliverEmail(delivery)).toBe('already-sent');
    await inbox?.waitFor((m) => m.to.includes('twice@example.test'));
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox?.messages().filter((m) => m.to.includes('twice@example.test'))).toHaveLength(1);
  });
});

describe('a worker killed mid-job', () => {
  it('the job is retried by another worker, not lost', async () => {
    await worker?.stop(); // only the child may take the job first
    worker = undefined;
    // Node itself, not the tsx CLI: the CLI runs the script in a grandchild that a SIGKILL would miss.
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/jobs/crash-worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database().url, CRASH_WORKER: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    try {
      await until(() => (output.includes('WORKER READY') ? true : undefined), 120_000);
      await enqueuePlatform('test-crash', { label: 'killed' });
      const jobId = await until(() => /RUNNING (\S+)/.exec(output)?.[1], 60_000);
      child.kill('SIGKILL');
      await new Promise((r) => child?.once('exit', r));

      worker = await startWorker({
        boss: createBoss(database().url, { maintenanceIntervalSeconds: 1 }),
        relayIntervalMs: 100,
      });
      const row = await until(() =>
        withoutTenant((c) => c.emailDelivery.findFirst({ where: { eventKey: { startsWith: 'crash:killed:' } } })).then(
          (r) => r ?? undefined,
        ),
      );
      // Attempt 0 died with the process; the retry (attempt ≥ 1) ran here.
      expect(Number(row.eventKey.split(':')[2])).toBeGreaterThanOrEqual(1);
      // The delivery row is written inside the handler; pg-boss completes the job just after.
      const job = await until(async () => {
        const found = await worker?.boss.getJobById('test-crash', jobId);
        return found?.state === 'completed' ? found : undefined;
      });
      expect(job.state).toBe('completed');
    } finally {
      if (child?.exitCode === null) child.kill('SIGKILL');
    }
  }, 300_000);
});
