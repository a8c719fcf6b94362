/**
 * Every job the worker runs: importing a module registers its jobs (defineJob). A new feature's
 * jobs are added here, so `npm run worker` knows them.
 */
import '@/lib/mail/jobs';
import '@/lib/lifecycle/jobs';
import '@/lib/domains/jobs';
