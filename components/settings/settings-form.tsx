'use client';

import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { FEATURES, PLANS, type TenantSettings, THEMES } from '@/lib/settings/schema';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
  settings: TenantSettings;
  /** Only an OWNER changes the plan; others see it read-only (and the server ignores nothing: it refuses). */
  canChangePlan: boolean;
};

export function SettingsForm({ action, name, settings, canChangePlan }: Props) {
  // Submitted through useActionForm: a failed save keeps what was typed (an invalid logo URL stays
  // in its field, marked, with the error under it) instead of React's reset to the saved values.
  const { state, formProps } = useActionForm(action);

  return (
    <form {...formProps} className="space-y-6">
      <Field label="Name" error={fieldError(state, 'name')}>
        <Input id="settings-name" name="name" defaultValue={name} required maxLength={80} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Default theme</legend>
        <div className="flex flex-wrap gap-4">
          {THEMES.map((theme) => (
            <label key={theme} className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="theme"
                value={theme}
                defaultChecked={settings.theme === theme}
                className="size-4 accent-primary"
              />
              {theme === 'dark' ? 'Dark' : 'Light'}
            </label>
          ))}
        </div>
        <FormMessage state={state} field="theme" />
      </fieldset>
      <Field label="Logo URL" description="An https:// address of an image." error={fieldError(state, 'logoUrl')}>
        <Input
          id="settings-logo"
          name="logoUrl"
          type="url"
          defaultValue={settings.logoUrl ?? ''}
          placeholder="https://example.com/logo.svg"
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Features</legend>
        <p className="text-sm text-muted-foreground">A feature switched off disappears for everyone here.</p>
        <div className="flex flex-wrap gap-4">
          {FEATURES.map((feature) => (
            <label key={feature.id} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="features"
                value={feature.id}
                defaultChecked={settings.features.includes(feature.id)}
                className="size-4 accent-primary"
              />
              {feature.label}
            </label>
          ))}
        </div>
        <FormMessage state={state} field="features" />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="settings-plan" className="block text-sm font-medium">
          Plan
        </label>
        {canChangePlan ? (
          <select
            id="settings-plan"
            name="plan"
            defaultValue={settings.plan}
            className="h-9 rounded-md border border-input bg-background px-3 text-foreground"
          >
            {PLANS.map((plan) => (
              <option key={plan} value={plan}>
                {plan}
              </option>
            ))}
          </select>
        ) : (
          <p id="settings-plan" className="text-sm">
            {settings.plan} <span className="text-muted-foreground">(only an owner can change the plan)</span>
          </p>
        )}
        <FormMessage state={state} field="plan" />
      </div>
      <FormMessage state={state} />
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
