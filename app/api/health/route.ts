import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health/checks';

export const dynamic = 'force-dynamic';

/** Liveness and dependencies: 200 while the database answers (even if presence is degraded), else 503. */
export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
}
