import { Button, Text } from '@react-email/components';
import type { ReactElement } from 'react';
import { type Branding, EmailLayout } from './layout';

/**
 * Every mail Tenantry sends, as react-email components. A template receives absolute links that
 * were built from configuration (lib/urls) and, for tenant mails, the branding of the job's own
 * tenant — never values copied from a request.
 */
export type TemplateProps = {
  'magic-link': { url: string };
  'verify-email': { url: string; name?: string | null };
  'password-reset': { url: string };
  'password-changed': { url: string };
  invitation: { url: string; brand: Branding; inviterName?: string | null; role: string };
  welcome: { url: string; brand: Branding };
  'role-changed': { url: string; brand: Branding; role: string };
  removed: { brand: Branding };
  notice: { subject: string; lines: string[]; url?: string | null; label?: string | null };
};

export type TemplateName = keyof TemplateProps;
export const TEMPLATE_NAMES = [
  'magic-link',
  'verify-email',
  'password-reset',
  'password-changed',
  'invitation',
  'welcome',
  'role-changed',
  'removed',
  'notice',
] as const satisfies readonly TemplateName[];

type Built = { subject: string; element: ReactElement };

const button = { backgroundColor: '#111827', color: '#ffffff', padding: '10px 16px', borderRadius: '6px' };

function Action({ url, label }: { url: string; label: string }) {
  return (
    <>
      <Button href={url} style={button}>
        {label}
      </Button>
      <Text>Or open this link: {url}</Text>
    </>
  );
}

export const TEMPLATES: { [K in TemplateName]: (props: TemplateProps[K]) => Built } = {
  'magic-link': ({ url }) => ({
    subject: 'Your sign-in link',
    element: (
      <EmailLayout preview="Sign in to Tenantry">
        <Text>Use this link to sign in. It works once and expires in an hour.</Text>
        <Action url={url} label="Sign in" />
        <Text>If you did not ask for it, ignore this email.</Text>
      </EmailLayout>
    ),
  }),
  'verify-email': ({ url, name }) => ({
    subject: 'Confirm your email address',
    element: (
      <EmailLayout preview="Confirm your email address">
        <Text>Hello{name ? ` ${name}` : ''}, confirm this address to finish creating your account.</Text>
        <Action url={url} label="Confirm my address" />
        <Text>If you did not sign up, ignore this email: nothing happens without the password chosen at sign-up.</Text>
      </EmailLayout>
    ),
  }),
  'password-reset': ({ url }) => ({
    subject: 'Reset your password',
    element: (
      <EmailLayout preview="Reset your password">
        <Text>Someone asked to reset the password of this account. The link works once, for 30 minutes.</Text>
        <Action url={url} label="Choose a new password" />
        <Text>If it was not you, ignore this email; your password stays as it is.</Text>
      </EmailLayout>
    ),
  }),
  'password-changed': ({ url }) => ({
    subject: 'Your password was changed',
    element: (
      <EmailLayout preview="Your password was changed">
        <Text>The password of your account was just changed, and every other session was signed out.</Text>
        <Text>If this was not you, reset it now: {url}</Text>
      </EmailLayout>
    ),
  }),
  invitation: ({ url, brand, inviterName, role }) => ({
    subject: `You are invited to ${brand.name}`,
    element: (
      <EmailLayout preview={`Join ${brand.name}`} brand={brand}>
        <Text>
          {inviterName ?? 'A team member'} invited you to join {brand.name} as {role.toLowerCase()}. The invitation is
          valid for 7 days.
        </Text>
        <Action url={url} label={`Join ${brand.name}`} />
      </EmailLayout>
    ),
  }),
  welcome: ({ url, brand }) => ({
    subject: `Welcome to ${brand.name}`,
    element: (
      <EmailLayout preview={`Welcome to ${brand.name}`} brand={brand}>
        <Text>You are now a member of {brand.name}.</Text>
        <Action url={url} label="Open the dashboard" />
      </EmailLayout>
    ),
  }),
  'role-changed': ({ url, brand, role }) => ({
    subject: `Your role in ${brand.name} changed`,
    element: (
      <EmailLayout preview={`Your role in ${brand.name} changed`} brand={brand}>
        <Text>
          Your role in {brand.name} is now {role.toLowerCase()}.
        </Text>
        <Action url={url} label="Open the dashboard" />
      </EmailLayout>
    ),
  }),
  removed: ({ brand }) => ({
    subject: `You were removed from ${brand.name}`,
    element: (
      <EmailLayout preview={`You were removed from ${brand.name}`} brand={brand}>
        <Text>You are no longer a member of {brand.name}. Ask one of its owners if this is a mistake.</Text>
      </EmailLayout>
    ),
  }),
  // The one generic platform notice (billing and lifecycle events): a few short lines of plain text
  // and, optionally, one button to a page of the app. Lines are rendered as text, never as HTML.
  notice: ({ subject, lines, url, label }) => ({
    subject,
    element: (
      <EmailLayout preview={subject}>
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of lines, rendered once
          <Text key={index}>{line}</Text>
        ))}
        {url ? <Action url={url} label={label ?? 'Open Tenantry'} /> : null}
      </EmailLayout>
    ),
  }),
};
