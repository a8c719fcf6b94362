'use client';

import { useActionState } from 'react';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';
import { FEATURES, type TenantSettings, THEMES } from '@/lib/settings/schema';
import { FormMessage } from '@/components/forms/form-message';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
  settings: TenantSettings;
};

export function SettingsForm({ action, name, settings }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <div className="space-y-1">
        <label htmlFor="settings-name" className="block text-sm font-medium">
          Name
        </label>
        <input
          id="settings-name"
          name="name"
          defaultValue={name}
          required
          maxLength={80}
          className="w-full rounded border px-3 py-2 text-zinc-900"
        />
        <FormMessage state={state} field="name" />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="theme" value={theme} defaultChecked={settings.theme === theme} /> {theme}
          </label>
        ))}
        <FormMessage state={state} field="theme" />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="settings-logo" className="block text-sm font-medium">
          Logo URL (https)
        </label>
        <input
          id="settings-logo"
          name="logoUrl"
          type="url"
          defaultValue={settings.logoUrl ?? ''}
          placeholder="https://example.com/logo.svg"
          className="w-full rounded border px-3 py-2 text-zinc-900"
        />
        <FormMessage state={state} field="logoUrl" />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Features</legend>
        {FEATURES.map((feature) => (
          <label key={feature.id} className="mr-4 inline-flex items-center gap-1">
            <input
              type="checkbox"
              name="features"
              value={feature.id}
              defaultChecked={settings.features.includes(feature.id)}
            />{' '}
            {feature.label}
          </label>
        ))}
        <FormMessage state={state} field="features" />
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50">
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
