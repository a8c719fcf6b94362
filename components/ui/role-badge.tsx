import type { Role } from '@/lib/auth/permissions';
import { Badge } from './badge';

const LOOK: Record<Role, { label: string; variant: 'default' | 'accent' | 'secondary' }> = {
  OWNER: { label: 'Owner', variant: 'default' },
  ADMIN: { label: 'Admin', variant: 'accent' },
  MEMBER: { label: 'Member', variant: 'secondary' },
};

/** A member's role as people say it ("Admin", not "ADMIN"), each role with its own look. */
export function RoleBadge({ value, className }: { value: Role; className?: string }) {
  const { label, variant } = LOOK[value];
  return (
    <Badge variant={variant} className={className} data-role={value}>
      {label}
    </Badge>
  );
}
