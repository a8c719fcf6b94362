// `npm run domains -- verify`: re-checks every pending and verified custom domain's DNS record
// (lib/domains/verify.ts). A scheduler or the job queue runs it; docs/custom-domains.md.
// These modules have no `import 'server-only'` so that this plain-Node command can load them.
import { disconnectDb } from '@/lib/db';
import { verifyDomains } from '@/lib/domains/verify';

async function main(): Promise<number> {
  if (process.argv[2] !== 'verify') {
    console.error('usage: npm run domains -- verify');
    return 2;
  }
  const result = await verifyDomains();
  console.log(`checked ${result.checked}: ${result.verified} newly verified, ${result.failed} failed`);
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
