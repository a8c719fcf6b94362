'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { toast } from '@/components/ui/toaster';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type DomainView = {
  id: string;
  display: string;
  status: string;
  primary: boolean;
  lastError: string | null;
  txtName: string;
  txtValue: string;
  cnameTarget: string;
};

type Props = { domain: DomainView; verify: Action; remove: Action; makePrimary: Action };

function Record({ type, name, value }: { type: string; name: string; value: string }) {
  return (
    <div className="grid gap-1 text-xs sm:grid-cols-[4rem_1fr_auto] sm:items-center">
      <span className="font-medium">{type}</span>
      <code className="break-all">
        {name} → {value}
      </code>
      <CopyButton value={value} label={`Copy ${type} value`} />
    </div>
  );
}

/** One custom domain: its status, the exact DNS records to create, and Verify now / Make primary / Remove. */
export function DomainRow({ domain, verify, remove, makePrimary }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: Action) => {
    const form = new FormData();
    form.set('id', domain.id);
    const result = await action({ ok: true }, form);
    if (result.ok) {
      setError(null);
      toast.success(result.message ?? 'Done');
      router.refresh();
    } else setError(result.error ?? 'Something went wrong');
  };
  return (
    <li className="space-y-3 px-3 py-3" data-testid="domain-row">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium break-all">{domain.display}</span>
        <Badge variant={domain.status === 'verified' ? 'default' : 'secondary'}>{domain.status}</Badge>
        {domain.primary ? <Badge variant="outline">primary</Badge> : null}
        <div className="ml-auto flex flex-wrap gap-2">
          {domain.status !== 'verified' || domain.lastError ? (
            <Button size="sm" variant="outline" onClick={() => run(verify)}>
              Verify now
            </Button>
          ) : null}
          {domain.status === 'verified' && !domain.primary ? (
            <Button size="sm" variant="outline" onClick={() => run(makePrimary)}>
              Make primary
            </Button>
          ) : null}
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="destructive">
                Remove
              </Button>
            }
            title={`Remove ${domain.display}?`}
            description="It stops serving this organisation within a minute."
            confirmLabel="Remove"
            onConfirm={() => run(remove)}
          />
        </div>
      </div>
      {domain.status !== 'verified' ? (
        <div className="space-y-1 rounded-md border border-border bg-muted/50 p-3">
          <p className="text-xs text-muted-foreground">Create these DNS records, then press Verify now:</p>
          <Record type="TXT" name={domain.txtName} value={domain.txtValue} />
          <Record type="CNAME" name={domain.display} value={domain.cnameTarget} />
        </div>
      ) : null}
      {domain.lastError || error ? (
        <p role="alert" className="text-sm text-destructive">
          {error ?? domain.lastError}
        </p>
      ) : null}
    </li>
  );
}
