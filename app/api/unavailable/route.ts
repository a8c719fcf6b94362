import { safeNextPath } from '@/lib/auth/safe-next';
import { databaseAnswers, RETRY_AFTER_SECONDS } from '@/lib/http/database-unavailable';

/**
 * The 503 page for pages (lib/http/database-unavailable.ts redirects here when the database is
 * unreachable; a page render cannot answer 503 itself). It re-checks the database on every load:
 * once it answers, the visitor goes straight back to `?next=` (a same-origin path only, so this is
 * no open redirect); until then a static page that refreshes itself. No detail of the failure.
 * Test: tests/reliability/postgres-outage.test.ts.
 */
export const dynamic = 'force-dynamic';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Temporarily unavailable · Tenantry</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><main><h1>Temporarily unavailable</h1>
<p>We cannot reach our database right now. This page tries again every ${RETRY_AFTER_SECONDS} seconds and takes you back as soon as it can.</p>
</main></body></html>`;

export async function GET(request: Request): Promise<Response> {
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  if (await databaseAnswers()) {
    return new Response(null, { status: 307, headers: { Location: next, 'Cache-Control': 'no-store' } });
  }
  return new Response(PAGE, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}
