'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { LocalTime } from '@/components/ui/local-time';
import { RoleBadge } from '@/components/ui/role-badge';
import { toast } from '@/components/ui/toaster';
import type { ActionState } from '@/lib/actions/action-state';
import type { Role } from '@/lib/auth/permissions';

type Invitation = { id: string; email: string; role: Role; expiresAt: string };
type Props = {
  invitations: Invitation[];
  revoke: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Open invitations, each withdrawable after a confirmation. Dates in the reader's own calendar. */
export function PendingInvitations({ invitations, revoke }: Props) {
  const [error, setError] = useState<string | null>(null);
  const withdraw = async (id: string) => {
    const form = new FormData();
    form.set('id', id);
    const result = await revoke({ ok: true }, form);
    if (result.ok) toast.success(result.message ?? 'Invitation withdrawn');
    else setError(result.error ?? 'Could not withdraw the invitation');
  };
  return (
    <section className="space-y-2">
      <h3 className="font-medium">Open invitations</h3>
      <ul className="divide-y divide-border rounded-md border border-border text-sm" data-testid="invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
            <span className="min-w-0 flex-1 break-all">{invitation.email}</span>
            <RoleBadge value={invitation.role} />
            <span className="text-muted-foreground">
              expires <LocalTime value={invitation.expiresAt} dateOnly />
            </span>
            <ConfirmDialog
              trigger={
                <Button type="button" size="sm" variant="ghost" className="text-destructive">
                  Withdraw
                </Button>
              }
              title={`Withdraw the invitation for ${invitation.email}?`}
              description="The link stops working at once."
              confirmLabel="Withdraw"
              onConfirm={() => withdraw(invitation.id)}
            />
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </section>
  );
}
