import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { changeRole, listMembers, removeMember } from '@/lib/members/members';
import { checkRemoval, checkRoleChange, grantableRoles } from '@/lib/members/rules';
import { createTenant } from '@/lib/onboarding/create-tenant';
import { addMember, makeUser, roleOf, tenantId, userId, seededDbForSuite } from './scratch';

seededDbForSuite();

describe('role rules', () => {
  it('never lets anyone grant a role above their own', () => {
    expect(checkRoleChange({ actorRole: 'ADMIN', targetRole: 'MEMBER', newRole: 'OWNER', ownerCount: 1 }).ok).toBe(
      false,
    );
    expect(checkRoleChange({ actorRole: 'ADMIN', targetRole: 'MEMBER', newRole: 'ADMIN', ownerCount: 1 }).ok).toBe(
      true,
    );
    expect(checkRoleChange({ actorRole: 'MEMBER', targetRole: 'MEMBER', newRole: 'MEMBER', ownerCount: 1 }).ok).toBe(
      false,
    );
    expect(grantableRoles('ADMIN')).toEqual(['ADMIN', 'MEMBER']);
    expect(grantableRoles('OWNER')).toEqual(['OWNER', 'ADMIN', 'MEMBER']);
  });

  it('lets only an owner change or remove an owner', () => {
    expect(checkRoleChange({ actorRole: 'ADMIN', targetRole: 'OWNER', newRole: 'MEMBER', ownerCount: 2 }).ok).toBe(
      false,
    );
    expect(checkRemoval({ actorRole: 'ADMIN', targetRole: 'OWNER', ownerCount: 2, self: false }).ok).toBe(false);
    expect(checkRemoval({ actorRole: 'OWNER', targetRole: 'OWNER', ownerCount: 2, self: false }).ok).toBe(true);
  });

  it('protects the last owner from demotion and removal, even by themselves', () => {
    expect(checkRoleChange({ actorRole: 'OWNER', targetRole: 'OWNER', newRole: 'ADMIN', ownerCount: 1 }).ok).toBe(
      false,
    );
    expect(checkRemoval({ actorRole: 'OWNER', targetRole: 'OWNER', ownerCount: 1, self: true }).ok).toBe(false);
  });
});

/** A tenant of its own per test: owner + the given extra members. */
async function freshTenant(extra: Role[] = []) {
  const owner = await makeUser('owner');
  const slug = `t-${Math.random().toString(36).slice(2, 10)}`;
  const created = await createTenant({ userId: owner.id, name: slug, slug });
  if (!created.ok) throw new Error('setup failed');
  const id = created.tenant.id;
  const others: { id: string; role: Role }[] = [];
  for (const role of extra) {
    const user = await makeUser(role.toLowerCase());
    await addMember(id, user.id, role);
    others.push({ id: user.id, role });
  }
  return { id, owner: { userId: owner.id, role: 'OWNER' as Role }, others };
}

describe('changeRole', () => {
  it('refuses to demote the last owner', async () => {
    const t = await freshTenant(['ADMIN']);
    const result = await changeRole({ tenantId: t.id, actor: t.owner, targetUserId: t.owner.userId, role: 'ADMIN' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/last owner/);
    expect(await roleOf(t.id, t.owner.userId)).toBe('OWNER');
  });

  it('lets an owner step down once someone else is an owner', async () => {
    const t = await freshTenant(['ADMIN']);
    const admin = t.others[0]!;
    expect((await changeRole({ tenantId: t.id, actor: t.owner, targetUserId: admin.id, role: 'OWNER' })).ok).toBe(true);
    expect(
      (await changeRole({ tenantId: t.id, actor: t.owner, targetUserId: t.owner.userId, role: 'MEMBER' })).ok,
    ).toBe(true);
    expect(await roleOf(t.id, t.owner.userId)).toBe('MEMBER');
  });

  it('refuses role escalation: an admin cannot make anyone (or themselves) an owner', async () => {
    const t = await freshTenant(['ADMIN', 'MEMBER']);
    const [admin, member] = t.others as [{ id: string; role: Role }, { id: string; role: Role }];
    const actor = { userId: admin.id, role: admin.role };
    expect((await changeRole({ tenantId: t.id, actor, targetUserId: member.id, role: 'OWNER' })).ok).toBe(false);
    expect((await changeRole({ tenantId: t.id, actor, targetUserId: admin.id, role: 'OWNER' })).ok).toBe(false);
    expect(await roleOf(t.id, member.id)).toBe('MEMBER');
    expect(await roleOf(t.id, admin.id)).toBe('ADMIN');
    // Within their own rank it works.
    expect((await changeRole({ tenantId: t.id, actor, targetUserId: member.id, role: 'ADMIN' })).ok).toBe(true);
  });

  it('refuses an admin demoting an owner, even when there are two owners', async () => {
    const t = await freshTenant(['OWNER', 'ADMIN']);
    const [, admin] = t.others as [{ id: string; role: Role }, { id: string; role: Role }];
    const result = await changeRole({
      tenantId: t.id,
      actor: { userId: admin.id, role: 'ADMIN' },
      targetUserId: t.owner.userId,
      role: 'MEMBER',
    });
    expect(result.ok).toBe(false);
    expect(await roleOf(t.id, t.owner.userId)).toBe('OWNER');
  });

  it('refuses a member changing roles at all', async () => {
    const t = await freshTenant(['MEMBER', 'MEMBER']);
    const [a, b] = t.others as [{ id: string; role: Role }, { id: string; role: Role }];
    expect(
      (await changeRole({ tenantId: t.id, actor: { userId: a.id, role: 'MEMBER' }, targetUserId: b.id, role: 'ADMIN' }))
        .ok,
    ).toBe(false);
    expect(
      (await changeRole({ tenantId: t.id, actor: { userId: a.id, role: 'MEMBER' }, targetUserId: a.id, role: 'ADMIN' }))
        .ok,
    ).toBe(false);
  });

  it('cannot reach a user who is a member of another tenant only', async () => {
    const acme = await tenantId('acme');
    const alice = { userId: await userId('alice@acme.test'), role: 'OWNER' as Role };
    const bob = await userId('bob@globex.test');
    const result = await changeRole({ tenantId: acme, actor: alice, targetUserId: bob, role: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not a member/) });
    expect(await roleOf(await tenantId('globex'), bob)).toBe('OWNER');
  });

  it('keeps at least one owner when two owners demote each other at the same moment', async () => {
    const t = await freshTenant(['OWNER']);
    const second = t.others[0]!;
    const results = await Promise.all([
      changeRole({ tenantId: t.id, actor: t.owner, targetUserId: second.id, role: 'MEMBER' }),
      changeRole({
        tenantId: t.id,
        actor: { userId: second.id, role: 'OWNER' },
        targetUserId: t.owner.userId,
        role: 'MEMBER',
      }),
    ]);
    const owners = (await listMembers(t.id)).filter((m) => m.role === 'OWNER');
    expect(owners).toHaveLength(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('removeMember', () => {
  it('refuses to remove the last owner', async () => {
    const t = await freshTenant(['ADMIN']);
    const result = await removeMember({ tenantId: t.id, actor: t.owner, targetUserId: t.owner.userId });
    expect(result.ok).toBe(false);
    expect(await roleOf(t.id, t.owner.userId)).toBe('OWNER');
  });

  it('refuses an admin removing an owner', async () => {
    const t = await freshTenant(['OWNER', 'ADMIN']);
    const [, admin] = t.others as [{ id: string; role: Role }, { id: string; role: Role }];
    expect(
      (await removeMember({ tenantId: t.id, actor: { userId: admin.id, role: 'ADMIN' }, targetUserId: t.owner.userId }))
        .ok,
    ).toBe(false);
    expect(await roleOf(t.id, t.owner.userId)).toBe('OWNER');
  });

  it('removes a member, who is then gone from the list', async () => {
    const t = await freshTenant(['MEMBER']);
    const member = t.others[0]!;
    expect((await removeMember({ tenantId: t.id, actor: t.owner, targetUserId: member.id })).ok).toBe(true);
    expect(await roleOf(t.id, member.id)).toBeNull();
    expect((await listMembers(t.id)).map((m) => m.userId)).toEqual([t.owner.userId]);
  });

  it('refuses a member removing someone else', async () => {
    const t = await freshTenant(['MEMBER', 'MEMBER']);
    const [a, b] = t.others as [{ id: string; role: Role }, { id: string; role: Role }];
    expect(
      (await removeMember({ tenantId: t.id, actor: { userId: a.id, role: 'MEMBER' }, targetUserId: b.id })).ok,
    ).toBe(false);
    expect(await roleOf(t.id, b.id)).toBe('MEMBER');
  });

  it('keeps at least one owner when two owners remove each other at the same moment', async () => {
    const t = await freshTenant(['OWNER']);
    const second = t.others[0]!;
    await Promise.all([
      removeMember({ tenantId: t.id, actor: t.owner, targetUserId: second.id }),
      removeMember({ tenantId: t.id, actor: { userId: second.id, role: 'OWNER' }, targetUserId: t.owner.userId }),
    ]);
    expect((await listMembers(t.id)).filter((m) => m.role === 'OWNER')).toHaveLength(1);
  });
});
