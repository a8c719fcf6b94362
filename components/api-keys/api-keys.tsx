'use client';

import { useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { LocalTime } from '@/components/ui/local-time';
import { SubmitButton } from '@/components/ui/submit-button';
import { toast } from '@/components/ui/toaster';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type Props = { keys: ApiKeyRow[]; create: Action; revoke: Action; headerName: string };

/** Create (the key is shown once, here, with a Copy button) and revoke (after a confirmation) per-tenant API keys. */
export function ApiKeys({ keys, create, revoke, headerName }: Props) {
  const { state: createState, formProps } = useActionForm(create, { resetOnSuccess: true });
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const newKey =
    createState?.ok && typeof createState.data === 'object' && createState.data && 'key' in createState.data
      ? String(createState.data.key)
      : null;

  const revokeKey = async (id: string) => {
    const form = new FormData();
    form.set('id', id);
    const result = await revoke({ ok: true }, form);
    if (result.ok) toast.success(result.message ?? 'Key revoked');
    else setRevokeError(result.error ?? 'Could not revoke the key');
  };

  return (
    <div className="space-y-4">
      <form {...formProps} className="flex flex-wrap items-end gap-3">
        <Field label="Key name" error={fieldError(createState, 'name')} className="min-w-0 flex-1 sm:max-w-xs">
          <Input id="api-key-name" name="name" required maxLength={60} placeholder="CI pipeline" />
        </Field>
        <SubmitButton>Create key</SubmitButton>
      </form>
      <FormMessage state={createState} />
      {newKey ? (
        <div className="space-y-2 rounded-md border border-warning bg-muted/50 p-3 text-sm">
          <p className="font-medium">Copy this key now: it will not be shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="min-w-0 flex-1 text-xs break-all">
              {newKey}
            </code>
            <CopyButton value={newKey} label="Copy API key" />
          </div>
          <p className="text-xs text-muted-foreground">
            Use it as <code>Authorization: Bearer …</code> with <code>{headerName}: &lt;your slug&gt;</code>.
          </p>
        </div>
      ) : null}
      {revokeError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {revokeError}
        </p>
      ) : null}
      {keys.length === 0 ? (
        <p className="text-sm text-muted-foreground">No keys yet.</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border text-sm" data-testid="api-keys">
          {keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
              <span className="min-w-0 flex-1 font-medium break-words">{key.name}</span>
              <code className="text-xs">{key.prefix}…</code>
              <span className="text-muted-foreground">
                created <LocalTime value={key.createdAt} dateOnly />
              </span>
              <span className="text-muted-foreground">
                {key.lastUsedAt ? (
                  <>
                    last used <LocalTime value={key.lastUsedAt} dateOnly />
                  </>
                ) : (
                  'never used'
                )}
              </span>
              {key.revokedAt ? (
                <Badge variant="secondary">Revoked</Badge>
              ) : (
                <ConfirmDialog
                  trigger={
                    <Button type="button" size="sm" variant="ghost" className="text-destructive">
                      Revoke
                    </Button>
                  }
                  title={`Revoke “${key.name}”?`}
                  description="Requests with this key are refused from now on. This cannot be undone."
                  confirmLabel="Revoke key"
                  onConfirm={() => revokeKey(key.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
