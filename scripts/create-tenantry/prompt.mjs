// Interactive questions (only with a TTY and without --yes). Each answer is validated with the
// same parser as its flag, and asked again until it is valid; Enter takes the default.
import { stdin as input, stdout as output } from 'node:process';
import readline from 'node:readline/promises';
import { DEFAULT_RESOLVER, parseMainDomain, parseResolver, RESOLVERS, UsageError } from './options.mjs';

async function ask(rl, question, fallback, parse, signal) {
  for (;;) {
    const answer = (await rl.question(question, { signal })).trim();
    try {
      return parse(answer === '' ? fallback : answer);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      output.write(`  ${error.message}\n`);
    }
  }
}

/** Fills in whatever the flags left open: the directory, the resolver mode and the main domain. */
export async function promptForMissing(options) {
  const rl = readline.createInterface({ input, output });
  // Ctrl+C or Ctrl+D while asking: stop cleanly; nothing has been written yet.
  const cancel = new AbortController();
  rl.on('SIGINT', () => cancel.abort());
  const { signal } = cancel;
  try {
    const dir =
      options.dir ?? (await ask(rl, 'Project directory [my-tenantry-app]: ', 'my-tenantry-app', (v) => v, signal));
    const resolver =
      options.resolver ??
      (await ask(
        rl,
        `Resolver mode (${RESOLVERS.join('/')}) [${DEFAULT_RESOLVER}]: `,
        DEFAULT_RESOLVER,
        parseResolver,
        signal,
      ));
    const mainDomain =
      options.mainDomain !== undefined
        ? options.mainDomain
        : await ask(rl, 'Main domain, e.g. example.com [none]: ', 'none', parseMainDomain, signal);
    return { ...options, dir, resolver, mainDomain };
  } catch (error) {
    if (error?.code === 'ABORT_ERR' || error?.code === 'ERR_USE_AFTER_CLOSE') {
      throw new UsageError('Cancelled; nothing was written.');
    }
    throw error;
  } finally {
    rl.close();
  }
}
