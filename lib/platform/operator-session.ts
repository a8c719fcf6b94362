import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/lib/auth/auth';
import { type Operator, findOperator } from './operators';

/**
 * The operator behind this request, from the Auth.js session (the real signed-in user, never an
 * impersonated one), or null. Cached per request.
 */
export const getOperator = cache(async (): Promise<Operator | null> => {
  const id = (await auth())?.user?.id;
  return id ? findOperator(id) : null;
});

/** Every /admin page and route calls this first: anyone but an operator gets a 404. */
export async function requireOperator(): Promise<Operator> {
  const operator = await getOperator();
  if (!operator) notFound();
  return operator;
}
