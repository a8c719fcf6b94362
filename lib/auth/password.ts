import 'server-only';
/**
 * Password hashing — off the event loop.
 *
 * Invariant: no password is hashed or compared on the main thread. New hashes are Argon2id
 * (`@node-rs/argon2`, OWASP parameters: 19 MiB, 2 passes); the work runs on libuv's threadpool, so a
 * flood of sign-ins queues there instead of stalling every other request (bench/sign-in-flood.ts).
 * Hashes from before (bcrypt, `$2a$`/`$2b$`) still verify through `@node-rs/bcrypt` (also native and
 * threaded) and are replaced by an Argon2id hash at the next successful sign-in (`needsRehash`).
 * An unknown account is compared against a dummy Argon2id hash, so a miss costs what a wrong
 * password costs. At most MAX_CONCURRENT_HASHES hashes run at once: libuv's pool has only 4 threads
 * and also runs the WebCrypto that decrypts every session cookie, so an unbounded flood of hashes
 * queued other tenants' requests behind it (the bench measured p99 152 ms → 3.4 s); the rest of a
 * flood waits here, in JavaScript, where it blocks nothing. Tests: tests/auth/credentials.test.ts, tests/auth/auth-throttle.test.ts.
 */
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { verify as bcryptVerify } from '@node-rs/bcrypt';

// The library's default algorithm is Argon2id (its enum is a const enum, which isolated modules cannot read).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a hashing slot is free; slots are handed over in arrival order. */
async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => argonHash(password, ARGON2_OPTIONS));
}

const isBcrypt = (hash: string) => /^\$2[aby]\$\d{2}\$/.test(hash);

// Compared against when the email is unknown (or has no password), so a miss costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/** Verifies against Argon2id or a legacy bcrypt hash; a malformed stored hash is a mismatch, not a throw. */
export async function checkPassword(password: string, hash: string | null | undefined): Promise<PasswordCheck> {
  if (typeof hash !== 'string' || hash.length === 0) {
    dummyHash ??= hashPassword('tenantry-no-such-user');
    const dummy = await dummyHash;
    await inHashSlot(() => argonVerify(dummy, password)).catch(() => false);
    return { ok: false, needsRehash: false };
  }
  try {
    if (isBcrypt(hash)) {
      const ok = await inHashSlot(() => bcryptVerify(password, hash));
      return { ok, needsRehash: ok };
    }
    return { ok: await inHashSlot(() => argonVerify(hash, password)), needsRehash: false };
  } catch {
    return { ok: false, needsRehash: false };
  }
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return (await checkPassword(password, hash)).ok;
}
