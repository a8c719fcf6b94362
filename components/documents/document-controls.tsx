'use client';

import { Pencil, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { toast } from '@/components/ui/toaster';
import { deleteDocument, renameDocument } from './actions';

type Props = { id: string; title: string; basePath: string };

/** Rename (inline form) and delete (after a confirm dialog, then back to the list) for one document. */
export function DocumentControls({ id, title, basePath }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const rename = useActionForm(renameDocument, { onSuccess: () => setEditing(false) });

  const remove = async () => {
    const form = new FormData();
    form.set('id', id);
    const result = await deleteDocument({ ok: true }, form);
    if (!result.ok) {
      setDeleteError(result.error ?? 'Could not delete the document');
      return;
    }
    toast.success(`Deleted “${title}”`);
    router.push(`${basePath}/documents`);
  };

  if (editing) {
    return (
      <form {...rename.formProps} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <Field label="Title" error={fieldError(rename.state, 'title')} className="min-w-0 flex-1">
          <Input id="rename-title" name="title" defaultValue={title} maxLength={120} autoFocus />
        </Field>
        <SubmitButton>Save</SubmitButton>
        <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
        <FormMessage state={rename.state} />
      </form>
    );
  }

  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" variant="outline" size="sm" onClick={() => setEditing(true)}>
        <Pencil aria-hidden="true" /> Rename
      </Button>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="outline" size="sm" className="text-destructive">
            <Trash2 aria-hidden="true" /> Delete
          </Button>
        }
        title={`Delete “${title}”?`}
        description="The document is removed for everyone in this organisation. This cannot be undone."
        confirmLabel="Delete document"
        onConfirm={remove}
      />
      {deleteError ? (
        <p role="alert" className="w-full text-sm font-medium text-destructive">
          {deleteError}
        </p>
      ) : null}
    </div>
  );
}
