/**
 * Grants or revokes the platform operator role. The ONLY writer of `User.platformRole`: imported by
 * the CLI (scripts/operator.ts) and nothing else — no page, action or route can make anyone an
 * operator. tests/platform/operators.test.ts checks both facts over the whole repository.
 */
import { withoutTenant } from '@/lib/db';

export async function setPlatformOperator(email: string, grant: boolean): Promise<boolean> {
  const n = await withoutTenant((c) =>
    c.user.updateMany({
      where: { email: email.trim().toLowerCase() },
      data: { platformRole: grant ? 'OPERATOR' : null },
    }),
  );
  return n.count > 0;
}
