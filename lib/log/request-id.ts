/** Edge-safe: the middleware stamps every request with an id that logs and responses carry. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTED = /^[A-Za-z0-9._-]{8,128}$/;

/** Keep a well-formed id from a trusted proxy in front of us; otherwise make a new one. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && ACCEPTED.test(incoming) ? incoming : crypto.randomUUID();
}
