#!/usr/bin/env node
// `npx create-tenantry my-app` (also `npm create tenantry`, or `npx /path/to/tenantry my-app`):
// copies this package's own directory into a new app with its own name, fresh secrets and the
// chosen tenant resolver. Node built-ins only: it runs before any `npm install`.
// Docs: docs/create-tenantry.md. Tests: tests/scaffold/create-tenantry.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { copyTemplate } from './create-tenantry/copy-template.mjs';
import {
  ensureGitignore,
  rewritePackageJson,
  rewriteTenancyConfig,
  writeEnvFile,
} from './create-tenantry/customize.mjs';
import { DEFAULT_RESOLVER, packageNameFor, parseOptions, USAGE, UsageError } from './create-tenantry/options.mjs';
import { promptForMissing } from './create-tenantry/prompt.mjs';

// The template is the package itself; resolved from this file, so it works from a checkout and
// from the npx cache alike.
const TEMPLATE_ROOT = path.resolve(import.meta.dirname, '..');

/** Refuses anything but a missing or empty directory, before a single file is written. */
function assertEmptyTarget(target) {
  if (!fs.existsSync(target)) return;
  if (!fs.statSync(target).isDirectory()) throw new UsageError(`${target} exists and is not a directory.`);
  if (fs.readdirSync(target).length > 0) {
    throw new UsageError(`${target} is not empty. Choose a new directory name, or empty this one first.`);
  }
}

function openUrl(resolver, mainDomain) {
  switch (resolver) {
    case 'path':
      return 'open http://localhost:3000/acme/dashboard';
    case 'header':
      return "curl -H 'X-Tenant-ID: acme' http://localhost:3000/api/tenant";
    case 'session':
      return 'open http://localhost:3000, sign in, and pick a tenant in the switcher';
    default:
      if (!mainDomain || mainDomain === 'localhost') return 'open http://acme.localhost:3000/dashboard';
      return (
        `open http://acme.${mainDomain}:3000/dashboard (needs *.${mainDomain} pointing at this machine;\n` +
        '     locally, `TENANT_MAIN_DOMAIN=localhost npm run dev` and http://acme.localhost:3000/dashboard)'
      );
  }
}

function nextSteps({ dir, resolver, mainDomain, installed }) {
  const cd = path.relative(process.cwd(), path.resolve(dir)) || '.';
  const steps = [`cd ${/\s/.test(cd) ? JSON.stringify(cd) : cd}`];
  if (!installed) steps.push('npm install');
  steps.push('npm run dev', openUrl(resolver, mainDomain));
  return [
    '',
    `Created ${dir} (resolver: ${resolver}${mainDomain ? `, main domain: ${mainDomain}` : ''}).`,
    'Next steps:',
    ...steps.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    'Sign in as alice@acme.test / password. .env holds fresh secrets: keep it out of git.',
    'Docs: docs/configuration.md (every setting), README.md (resolver modes).',
    '',
  ].join('\n');
}

async function main(argv) {
  let options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.dir !== undefined) assertEmptyTarget(path.resolve(options.dir));
  if (!options.yes && process.stdin.isTTY && process.stdout.isTTY) options = await promptForMissing(options);
  if (options.dir === undefined || options.dir.trim() === '') throw new UsageError(`Missing <dir>.\n\n${USAGE}`);

  const resolver = options.resolver ?? DEFAULT_RESOLVER;
  const mainDomain = options.mainDomain ?? null;
  const target = path.resolve(options.dir);
  assertEmptyTarget(target);
  if (TEMPLATE_ROOT === target || TEMPLATE_ROOT.startsWith(`${target}${path.sep}`)) {
    throw new UsageError('The target directory cannot contain the template itself.');
  }

  fs.mkdirSync(target, { recursive: true });
  const { source, files } = copyTemplate(TEMPLATE_ROOT, target);
  const name = packageNameFor(target);
  rewritePackageJson(target, name);
  ensureGitignore(target);
  writeEnvFile(target, { resolver, mainDomain });
  const missing = rewriteTenancyConfig(target, { resolver, mainDomain });
  console.log(
    `Copied ${files.length} files (${source === 'git' ? 'tracked files of the checkout' : 'template'}) as "${name}".`,
  );
  for (const line of missing) {
    console.warn(`warning: could not find ${line} to update; .env sets it instead.`);
  }

  let installed = false;
  if (options.install) {
    console.log('Running npm install…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install'], { cwd: target, stdio: 'inherit', shell: process.platform === 'win32' });
    installed = r.status === 0;
    if (!installed) console.warn('warning: npm install failed; run it yourself in the new directory.');
  }
  console.log(nextSteps({ dir: options.dir, resolver, mainDomain, installed }));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`create-tenantry: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
