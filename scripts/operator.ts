// `npm run operator -- grant|revoke <email>`: the one way to give or take the platform operator role
// (besides PLATFORM_OPERATORS). Run by whoever has shell access to the deployment; docs/operations.md.
import { disconnectDb } from '@/lib/db';
import { recordPlatformAudit } from '@/lib/platform/audit';
import { setPlatformOperator } from '@/lib/platform/operator-role';

async function main(): Promise<number> {
  const [command, email] = process.argv.slice(2);
  if ((command !== 'grant' && command !== 'revoke') || !email) {
    console.error('usage: npm run operator -- grant|revoke <email>');
    return 2;
  }
  const changed = await setPlatformOperator(email, command === 'grant');
  if (!changed) {
    console.error(`no user with the email ${email}: they must sign up first`);
    return 1;
  }
  await recordPlatformAudit({ actor: { id: null, email: 'cli' }, action: `operator.${command}`, data: { email } });
  console.log(`${command === 'grant' ? 'granted' : 'revoked'}: ${email}`);
  return 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await disconnectDb();
    process.exit(1);
  });
