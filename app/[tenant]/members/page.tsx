import type { Metadata } from 'next';
import { ActionButton } from '@/components/forms/action-button';
import { inviteMember, revokeInvitation } from '@/components/invitations/actions';
import { InviteForm } from '@/components/invitations/invite-form';
import { changeMemberRole, removeMember } from '@/components/members/actions';
import { MemberControls } from '@/components/members/member-controls';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listPendingInvitations } from '@/lib/invitations/invitations';
import { listMembers } from '@/lib/members/members';
import { grantableRoles } from '@/lib/members/rules';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Members' };

/** ADMIN+ (`members.view`). Controls are shown only where the viewer may act; the actions re-check. */
export default async function MembersPage({ params }: Props) {
  const { tenant, user, role } = await requirePermission('members.view', (await params).tenant);
  const [members, invitations] = await Promise.all([listMembers(tenant.id), listPendingInvitations(tenant.id)]);
  const roles = grantableRoles(role);
  const mayChange = can(role, 'members.updateRole');
  const mayRemove = can(role, 'members.remove');

  return (
    <main className="mx-auto max-w-4xl space-y-8 p-8">
      <h1 className="text-3xl font-semibold">Members</h1>
      <table className="w-full text-left text-sm" data-testid="members">
        <thead>
          <tr>
            <th className="py-1">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            // An ADMIN cannot change or remove an OWNER; the server refuses it anyway.
            const editable = (mayChange || mayRemove) && (member.role !== 'OWNER' || role === 'OWNER');
            return (
              <tr key={member.userId} className="border-t" data-testid="member-row">
                <td className="py-2">{member.name ?? '—'}</td>
                <td data-testid="member-email">{member.email}</td>
                <td data-testid="member-role">{member.role}</td>
                <td>
                  {editable ? (
                    <MemberControls
                      userId={member.userId}
                      email={member.email}
                      role={member.role}
                      roles={roles}
                      changeRole={changeMemberRole}
                      remove={removeMember}
                    />
                  ) : member.userId === user.id ? (
                    <span className="text-zinc-500">you</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {can(role, 'members.invite') ? (
        <section className="space-y-3">
          <h2 className="text-xl font-medium">Invite someone</h2>
          <InviteForm action={inviteMember} roles={roles} />
          {invitations.length > 0 ? (
            <>
              <h3 className="font-medium">Open invitations</h3>
              <ul className="space-y-1 text-sm" data-testid="invitations">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex items-center gap-3">
                    <span>
                      {invitation.email} · {invitation.role} · expires {invitation.expiresAt.toISOString().slice(0, 10)}
                    </span>
                    <ActionButton action={revokeInvitation} fields={{ id: invitation.id }} label="Withdraw" />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
