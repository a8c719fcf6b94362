// Command-line options of create-tenantry: parsing and validation. Every bad value is a
// `UsageError` with a message the user can act on (the CLI prints it and exits 1).
import path from 'node:path';
import { parseArgs } from 'node:util';

export const RESOLVERS = ['subdomain', 'path', 'header', 'session'];
export const DEFAULT_RESOLVER = 'subdomain';

export const USAGE = `Usage: create-tenantry <dir> [options]

Scaffolds a new Tenantry app (multi-tenant Next.js starter) into <dir>.

Options:
  --resolver <mode>       how a request finds its tenant: ${RESOLVERS.join(' | ')} (default: ${DEFAULT_RESOLVER})
  --main-domain <domain>  your apex domain, e.g. example.com (default: none)
  -y, --yes               do not ask; use the flags and defaults
  --install               run \`npm install\` in <dir> afterwards
  --no-install            do not run \`npm install\` (the default)
  -h, --help              show this help`;

export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A resolver mode from user input, or a UsageError naming the accepted ones. */
export function parseResolver(raw) {
  const mode = String(raw).trim().toLowerCase();
  if (!RESOLVERS.includes(mode)) {
    throw new UsageError(`Unknown resolver "${raw}". Choose one of: ${RESOLVERS.join(', ')}.`);
  }
  return mode;
}

/**
 * A bare host name (`example.com`, `localhost`), lower-cased, or null for "none". It ends up in a
 * TypeScript string literal and in `.env`, so anything beyond [a-z0-9.-] is refused, not escaped.
 */
export function parseMainDomain(raw) {
  if (raw === undefined || raw === null) return null;
  const input = String(raw).trim();
  if (input === '' || input.toLowerCase() === 'none') return null;
  const domain = input.toLowerCase().replace(/\.$/, '');
  const labels = domain.split('.');
  const valid =
    domain.length <= 253 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1]);
  if (!valid) {
    throw new UsageError(
      `Invalid main domain "${input}". Give a bare host name such as example.com or localhost (no scheme, port or path).`,
    );
  }
  return domain;
}

/** An npm-safe package name from the target directory's basename. */
export function packageNameFor(dir) {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._~-]+|[._~-]+$/g, '')
    .slice(0, 214);
  return name === '' || name === 'node_modules' ? 'tenantry-app' : name;
}

/** `argv` (without node and the script) → options. Values are validated; missing ones stay undefined. */
export function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        resolver: { type: 'string' },
        'main-domain': { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        install: { type: 'boolean' },
        'no-install': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Expected one directory, got: ${positionals.join(' ')}.`);
  if (values.install && values['no-install']) throw new UsageError('--install and --no-install contradict each other.');
  return {
    help: values.help === true,
    dir: positionals[0],
    resolver: values.resolver === undefined ? undefined : parseResolver(values.resolver),
    mainDomain: values['main-domain'] === undefined ? undefined : parseMainDomain(values['main-domain']),
    yes: values.yes === true,
    install: values.install === true,
  };
}
