import type { Metadata } from 'next';
import { inviteMember, revokeInvitation } from '@/components/invitations/actions';
import { InviteForm } from '@/components/invitations/invite-form';
import { PendingInvitations } from '@/components/invitations/pending-invitations';
import { changeMemberRole, removeMember } from '@/components/members/actions';
import { MemberControls } from '@/components/members/member-controls';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { RoleBadge } from '@/components/ui/role-badge';
import { requirePermission } from '@/lib/auth/guard';
import { tenantPageMetadata } from '@/lib/auth/page-title';
import { can } from '@/lib/auth/permissions';
import { listPendingInvitations } from '@/lib/invitations/invitations';
import { listMembers } from '@/lib/members/members';
import { grantableRoles } from '@/lib/members/rules';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tenantPageMetadata('Members', (await params).tenant);
}

/**
 * ADMIN+ (`members.view`). Controls are shown only where the viewer may act — an admin gets none on
 * an owner, and the last owner gets none on their own row (they can neither demote nor remove
 * themselves). The actions re-check every rule.
 */
export default async function MembersPage({ params }: Props) {
  const { tenant, user, role } = await requirePermission('members.view', (await params).tenant);
  const [members, invitations] = await Promise.all([listMembers(tenant.id), listPendingInvitations(tenant.id)]);
  const roles = grantableRoles(role);
  const mayChange = can(role, 'members.updateRole');
  const mayRemove = can(role, 'members.remove');
  const owners = members.filter((m) => m.role === 'OWNER').length;

  return (
    <PageBody>
      <PageHeader title="Members" description={`People in ${tenant.name} and what they may do.`} />
      <ul className="divide-y divide-border rounded-lg border border-border" data-testid="members">
        {members.map((member) => {
          const self = member.userId === user.id;
          const lastOwner = member.role === 'OWNER' && owners <= 1;
          // An ADMIN cannot change or remove an OWNER; nobody touches the last owner.
          const editable = (member.role !== 'OWNER' || role === 'OWNER') && !lastOwner;
          const change = editable && mayChange;
          const remove = editable && mayRemove;
          return (
            <li
              key={member.userId}
              className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center"
              data-testid="member-row"
            >
              <div className="min-w-0 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-words">{member.name ?? member.email}</span>
                  <span data-testid="member-role">
                    <RoleBadge value={member.role} />
                  </span>
                  {self ? <Badge variant="outline">You</Badge> : null}
                </div>
                <p className="text-sm break-all text-muted-foreground" data-testid="member-email">
                  {member.email}
                </p>
              </div>
              {change || remove ? (
                <MemberControls
                  key={member.role}
                  userId={member.userId}
                  email={member.email}
                  role={member.role}
                  roles={roles}
                  changeRole={change ? changeMemberRole : null}
                  remove={remove ? removeMember : null}
                />
              ) : lastOwner && self ? (
                <p className="text-sm text-muted-foreground">
                  The only owner: make someone else an owner to step down.
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>

      {can(role, 'members.invite') ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg font-semibold">Invite someone</h2>
            </CardTitle>
            <CardDescription>They get a link that is valid for 7 days.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-6">
            <InviteForm action={inviteMember} roles={roles} />
            {invitations.length > 0 ? (
              <PendingInvitations
                revoke={revokeInvitation}
                invitations={invitations.map((i) => ({
                  id: i.id,
                  email: i.email,
                  role: i.role,
                  expiresAt: i.expiresAt.toISOString(),
                }))}
              />
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </PageBody>
  );
}
