'use client';

import { useRouter } from 'next/navigation';
import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { Textarea } from '@/components/ui/textarea';
import { createDocument } from './actions';

/** Creates a document, then opens it (client-side navigation). */
export function NewDocumentForm({ basePath }: { basePath: string }) {
  const router = useRouter();
  const { state, formProps } = useActionForm(createDocument, {
    resetOnSuccess: true,
    onSuccess: (done) => {
      const id = (done.data as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') router.push(`${basePath}/documents/${id}`);
    },
  });
  return (
    <form {...formProps} className="space-y-4" data-testid="new-document">
      <Field label="Title" error={fieldError(state, 'title')}>
        <Input id="document-title" name="title" maxLength={120} required />
      </Field>
      <Field label="Text" description="Optional." error={fieldError(state, 'body')}>
        <Textarea id="document-body" name="body" rows={4} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton>Create document</SubmitButton>
    </form>
  );
}
