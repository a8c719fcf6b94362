import { z } from 'zod';

/** Form inputs of the Domains page. The host name's real rules live in lib/domains/hostname.ts. */
export const addDomainSchema = z.object({
  hostname: z.string({ error: 'Enter a domain name' }).trim().min(1, 'Enter a domain name').max(300, 'Too long'),
});

export const domainIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
