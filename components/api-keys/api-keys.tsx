'use client';

import { useActionState } from 'react';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';
import { FormMessage } from '@/components/forms/form-message';

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

/** Create (the key is shown once, here) and revoke per-tenant API keys. */
export function ApiKeys({ keys, create, revoke, headerName }: Props) {
  const [createState, createAction, creating] = useActionState(create, initialActionState);
  const [revokeState, revokeAction] = useActionState(revoke, initialActionState);
  const newKey =
    createState?.ok && typeof createState.data === 'object' && createState.data && 'key' in createState.data
      ? String(createState.data.key)
      : null;

  return (
    <div className="space-y-4">
      <form action={createAction} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="space-y-1">
          <label htmlFor="api-key-name" className="block text-sm font-medium">
            Key name
          </label>
          <input
            id="api-key-name"
            name="name"
            required
            maxLength={60}
            placeholder="CI pipeline"
            className="rounded border px-3 py-2 text-zinc-900"
          />
        </div>
        <button
          type="submit"
          disabled={creating}
          className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50"
        >
          Create key
        </button>
      </form>
      <FormMessage state={createState} field="name" />
      <FormMessage state={createState} />
      {newKey ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-zinc-900">
          <p>Copy this key now: it will not be shown again.</p>
          <code data-testid="new-api-key" className="break-all">
            {newKey}
          </code>
          <p className="mt-1 text-xs">
            Use it as <code>Authorization: Bearer …</code> with <code>{headerName}: &lt;your slug&gt;</code>.
          </p>
        </div>
      ) : null}
      <FormMessage state={revokeState} />
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th className="py-1">Name</th>
            <th>Key</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-t">
              <td className="py-1">{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.createdAt.slice(0, 10)}</td>
              <td>{key.lastUsedAt ? key.lastUsedAt.slice(0, 10) : '—'}</td>
              <td>
                {key.revokedAt ? (
                  <span className="text-zinc-500">revoked</span>
                ) : (
                  <form action={revokeAction}>
                    <input type="hidden" name="id" value={key.id} />
                    <button type="submit" className="text-red-700 underline">
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
