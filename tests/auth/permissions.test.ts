import { describe, expect, it } from 'vitest';
import { can, hasRole, PERMISSIONS, ROLE_RANK, type Action, type Role } from '@/lib/auth/permissions';

describe('roles', () => {
  it('ranks OWNER above ADMIN above MEMBER', () => {
    expect(ROLE_RANK.OWNER).toBeGreaterThan(ROLE_RANK.ADMIN);
    expect(ROLE_RANK.ADMIN).toBeGreaterThan(ROLE_RANK.MEMBER);
  });

  it('grants a minimum role to itself and every higher role only', () => {
    expect(hasRole('OWNER', 'ADMIN')).toBe(true);
    expect(hasRole('ADMIN', 'ADMIN')).toBe(true);
    expect(hasRole('MEMBER', 'ADMIN')).toBe(false);
    expect(hasRole('ADMIN', 'OWNER')).toBe(false);
  });

  it('never grants anything to a missing or unknown role', () => {
    expect(hasRole(null, 'MEMBER')).toBe(false);
    expect(hasRole(undefined, 'MEMBER')).toBe(false);
    expect(hasRole('SUPERUSER' as Role, 'MEMBER')).toBe(false);
    expect(hasRole('constructor' as Role, 'MEMBER')).toBe(false);
  });
});

describe('permission table', () => {
  it('lets members create and edit items but not delete them or manage the tenant', () => {
    expect(can('MEMBER', 'items.create')).toBe(true);
    expect(can('MEMBER', 'items.update')).toBe(true);
    for (const action of [
      'items.delete',
      'members.view',
      'members.invite',
      'members.updateRole',
      'members.remove',
      'settings.update',
      'apiKeys.manage',
      'audit.view',
    ] as const) {
      expect(can('MEMBER', action), action).toBe(false);
      expect(can('ADMIN', action), action).toBe(true);
    }
  });

  it('gives an owner every action', () => {
    for (const action of Object.keys(PERMISSIONS) as Action[]) expect(can('OWNER', action)).toBe(true);
  });

  it('denies an action that is not in the table', () => {
    expect(can('OWNER', 'tenant.destroy' as Action)).toBe(false);
    expect(can('OWNER', '__proto__' as Action)).toBe(false);
  });
});
