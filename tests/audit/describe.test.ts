import { describe, expect, it } from 'vitest';
import { actionLabel, describeAudit, describeIp } from '@/lib/audit/describe';

describe('audit entries in words', () => {
  const people = (id: string) => ({ u1: 'Bob Builder' })[id];

  it('describes each kind of entry without internal ids', () => {
    expect(describeAudit('items.create', { name: 'Q3 plan', id: 'ck123' })).toBe('added the item “Q3 plan”');
    expect(describeAudit('members.updateRole', { userId: 'u1', role: 'ADMIN' }, people)).toBe(
      'changed Bob Builder’s role to Admin',
    );
    expect(describeAudit('members.remove', { userId: 'gone' }, people)).toBe('removed a member');
    expect(describeAudit('members.invite', { email: 'x@y.test', role: 'MEMBER' })).toBe('invited x@y.test as Member');
    expect(describeAudit('settings.update', { changed: ['name', 'logoUrl', 'features'] })).toBe(
      'changed the name, logo and features in Settings',
    );
    expect(describeAudit('documents.create', { title: 'Spec' })).toBe('created the document “Spec”');
    expect(describeAudit('items.create', { name: 'x', via: 'api' })).toBe('added the item “x” (through the API)');
    for (const text of [
      describeAudit('items.delete', { id: 'ck999' }),
      describeAudit('apiKeys.revoke', { id: 'k1' }),
    ]) {
      expect(text).not.toMatch(/ck999|k1/);
    }
  });

  it('shows an action it does not know by its name, and survives odd data', () => {
    expect(describeAudit('billing.charge', { amount: 5 })).toBe('billing.charge');
    expect(describeAudit('items.create', null)).toBe('added the item');
    expect(describeAudit('settings.update', { changed: 'name' })).toBe('saved the settings (nothing changed)');
  });

  it('labels actions for the filter and says what a loopback address means', () => {
    expect(actionLabel('members.updateRole')).toBe('Members: role changed');
    expect(actionLabel('custom.thing')).toBe('custom.thing');
    expect(describeIp('::1')).toBe('this machine (local)');
    expect(describeIp('203.0.113.7')).toBe('203.0.113.7');
    expect(describeIp(null)).toBe('unknown');
  });
});
