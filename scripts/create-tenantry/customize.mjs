// Makes a copied template into the user's own app: its name, fresh secrets, the chosen resolver.
//
// Invariant: every scaffold gets its own random AUTH_SECRET and REALTIME_SECRET, generated here
// (never read from the source tree). Tests: tests/scaffold/create-tenantry.test.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** 32 random bytes, base64url: the strength Auth.js asks of AUTH_SECRET. */
export const newSecret = () => randomBytes(32).toString('base64url');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** package.json (and the lockfile's copy of it): the app's own name, a fresh version, private, no CLI bin. */
export function rewritePackageJson(target, name) {
  const pkgFile = path.join(target, 'package.json');
  const pkg = readJson(pkgFile);
  const rest = { ...pkg };
  delete rest.name;
  delete rest.version;
  delete rest.private;
  delete rest.bin;
  writeJson(pkgFile, { name, version: '0.1.0', private: true, ...rest });

  const lockFile = path.join(target, 'package-lock.json');
  if (!fs.existsSync(lockFile)) return;
  const lock = readJson(lockFile);
  lock.name = name;
  lock.version = '0.1.0';
  const root = lock.packages?.[''];
  if (root) {
    root.name = name;
    root.version = '0.1.0';
    delete root.bin;
  }
  writeJson(lockFile, lock);
}

/** `.env` for the new app. Next.js loads it; the environment of the shell still wins over it. */
export function writeEnvFile(target, { resolver, mainDomain }) {
  const lines = [
    '# Created by create-tenantry. Keep this file out of version control (it is in .gitignore).',
    '# Every variable is described in docs/configuration.md.',
    '',
    '# Signs and encrypts Auth.js sessions. Rotating it signs everyone out.',
    `AUTH_SECRET=${newSecret()}`,
    '# Signs the realtime tokens; Next and the realtime sidecar must share it.',
    `REALTIME_SECRET=${newSecret()}`,
    '',
    '# Tenant resolution, as chosen when the app was created. These override tenancy.config.ts;',
    '# delete them to let the file decide.',
    `TENANT_RESOLVER=${resolver}`,
  ];
  if (mainDomain) lines.push(`TENANT_MAIN_DOMAIN=${mainDomain}`);
  lines.push(
    '',
    '# Unset: an embedded PostgreSQL in .data/ and in-memory presence (development only).',
    '# DATABASE_URL=postgresql://postgres@127.0.0.1:5432/myapp',
    '# REDIS_URL=redis://127.0.0.1:6379',
    '',
  );
  // 0600: the file holds secrets.
  fs.writeFileSync(path.join(target, '.env'), lines.join('\n'), { mode: 0o600 });
}

const RESOLVER_LINE = /^([ \t]*)resolver:[ \t]*[^\n]*?,[ \t]*$/m;
const MAIN_DOMAIN_LINE = /^([ \t]*)mainDomain:[ \t]*[^\n]*?,[ \t]*$/m;

/**
 * Points `tenancy.config.ts`'s `resolver:` and `mainDomain:` lines at the chosen values. Only
 * whole `key: value,` lines are touched (comments are left alone), so the file stays valid
 * TypeScript; a line that is not found is reported back instead of guessed at.
 */
export function rewriteTenancyConfig(target, { resolver, mainDomain }) {
  const file = path.join(target, 'tenancy.config.ts');
  if (!fs.existsSync(file)) return ['tenancy.config.ts'];
  let text = fs.readFileSync(file, 'utf8');
  const missing = [];
  const replace = (pattern, key, literal) => {
    if (!pattern.test(text)) missing.push(`tenancy.config.ts ${key}:`);
    else text = text.replace(pattern, (_line, indent) => `${indent}${key}: ${literal},`);
  };
  replace(RESOLVER_LINE, 'resolver', `'${resolver}'`);
  replace(MAIN_DOMAIN_LINE, 'mainDomain', mainDomain ? `'${mainDomain}'` : 'null');
  fs.writeFileSync(file, text);
  return missing;
}

// npm leaves `.gitignore` out of published packages, so a scaffold made from the registry has none.
const DEFAULT_GITIGNORE = `node_modules/
.next/
.next-*/
.data/
lib/db/generated/
test-results/
playwright-report/
reports/
coverage/
*.tsbuildinfo
.env
.env.*
next-env.d.ts
`;

/** Ensures the app ignores its secrets and local state, even when the template came without a .gitignore. */
export function ensureGitignore(target) {
  const file = path.join(target, '.gitignore');
  if (!fs.existsSync(file)) fs.writeFileSync(file, DEFAULT_GITIGNORE);
}
