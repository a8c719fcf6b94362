import { type ComponentProps, type FunctionComponent, createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { initials } from '@/components/ui/avatar';
import { Button, buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { RoleBadge } from '@/components/ui/role-badge';

// Server-rendered markup of the components whose contract is in their attributes: what assistive
// technology reads (names, descriptions, invalid state) and what tests select on.
const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);
type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;
/** A Field with its control passed the way JSX passes it (createElement's children argument). */
const field = (props: FieldProps, control: ReactElement) => h(Field as FunctionComponent<FieldProps>, props, control);
const attr = (markup: string, tag: string, name: string) =>
  new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(markup)?.[1];

describe('Field', () => {
  it('names the control by its label and ties the error to it with aria-invalid and aria-describedby', () => {
    const markup = html(field({ label: 'Email', error: ['Enter an email.', 'second'] }, h(Input, { name: 'email' })));
    const id = attr(markup, 'input', 'id');
    expect(id).toBeTruthy();
    expect(attr(markup, 'label', 'for')).toBe(id);
    expect(attr(markup, 'input', 'aria-invalid')).toBe('true');
    expect(attr(markup, 'input', 'aria-describedby')).toBe(`${id}-error`);
    expect(markup).toMatch(new RegExp(`<p id="${id}-error"[^>]*data-testid="error-email"[^>]*>Enter an email.</p>`));
    expect(markup).not.toContain('second');
  });

  it('describes the control by its hint and its error, in that order, and keeps a given id', () => {
    const markup = html(
      field(
        { label: 'Logo', description: 'https only', error: 'Use an https:// URL.', id: 'logo' },
        h(Input, { name: 'logoUrl' }),
      ),
    );
    expect(attr(markup, 'input', 'id')).toBe('logo');
    expect(attr(markup, 'input', 'aria-describedby')).toBe('logo-description logo-error');
  });

  it('marks nothing invalid without an error', () => {
    const markup = html(field({ label: 'Name', error: null }, h(Input, { name: 'name', id: 'name' })));
    expect(attr(markup, 'input', 'aria-invalid')).toBeUndefined();
    expect(attr(markup, 'input', 'aria-describedby')).toBeUndefined();
    expect(attr(markup, 'label', 'for')).toBe('name');
  });
});

describe('Button', () => {
  it('is disabled and busy, with a spinner before its label, while pending', () => {
    const markup = html(h(Button, { pending: true }, 'Save'));
    expect(markup).toMatch(
      /<button[^>]*disabled=""[^>]*aria-busy="true"[^>]*><svg[^>]*animate-spin[^>]*>.*<\/svg>Save<\/button>/,
    );
    const idle = html(h(Button, null, 'Save'));
    expect(attr(idle, 'button', 'disabled')).toBeUndefined();
    expect(attr(idle, 'button', 'aria-busy')).toBeUndefined();
    expect(idle).not.toContain('<svg');
  });

  it('renders its child instead of a <button> with asChild', () => {
    const markup = html(h(Button, { asChild: true, variant: 'outline' }, h('a', { href: '/x' }, 'Go')));
    expect(markup).toMatch(/^<a [^>]*href="\/x"[^>]*>Go<\/a>$/);
    expect(attr(markup, 'a', 'class')).toContain('border-input');
  });

  it('draws the link variant without a box at any size', () => {
    const classes = cn(buttonVariants({ variant: 'link', size: 'lg' })).split(' ');
    expect(classes).toContain('px-0');
    expect(classes).not.toContain('px-6');
  });
});

describe('small helpers', () => {
  it('lets the later Tailwind class win', () => {
    expect(cn('px-4 text-sm', false, 'px-2')).toBe('text-sm px-2');
  });

  it('shows roles as words', () => {
    expect(html(h(RoleBadge, { value: 'ADMIN' }))).toMatch(/data-role="ADMIN"[^>]*>Admin</);
    expect(html(h(RoleBadge, { value: 'OWNER' }))).toContain('>Owner<');
  });

  it('takes initials from a name or an email', () => {
    expect(initials('Alice Smith')).toBe('AS');
    expect(initials('bob.brown@globex.test')).toBe('BB');
    expect(initials('carol@both.test')).toBe('C');
  });
});
