/**
 * Audit entries in words: "changed Bob’s role to Admin" instead of `members.updateRole` and a
 * JSON blob of internal ids. Pure: the page passes a lookup for the people an entry names (a
 * target's user id becomes their name or email). An action this list does not know is still
 * shown, by its name, so a new action is never hidden from the log.
 * Tests: tests/audit/describe.test.ts.
 */
export type PersonLookup = (userId: string) => string | undefined;

type Data = Record<string, unknown>;

const ROLE_WORDS: Record<string, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };
const SETTING_WORDS: Record<string, string> = {
  name: 'name',
  theme: 'theme',
  logoUrl: 'logo',
  features: 'features',
  plan: 'plan',
};

function text(data: Data, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const quoted = (value: string | undefined) => (value ? `“${value}”` : undefined);
const role = (value: string | undefined) => (value ? (ROLE_WORDS[value] ?? value.toLowerCase()) : undefined);

function person(data: Data, people: PersonLookup): string {
  const id = text(data, 'userId');
  return (id && people(id)) ?? 'a member';
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const DESCRIBE: Record<string, (data: Data, people: PersonLookup) => string> = {
  'items.create': (d) => `added the item ${quoted(text(d, 'name')) ?? ''}`.trim(),
  'items.update': (d) => `renamed an item to ${quoted(text(d, 'name')) ?? 'something else'}`,
  'items.delete': () => 'deleted an item',
  'documents.create': (d) => `created the document ${quoted(text(d, 'title')) ?? ''}`.trim(),
  'documents.update': (d) => `renamed a document to ${quoted(text(d, 'title')) ?? 'something else'}`,
  'documents.delete': () => 'deleted a document',
  'members.invite': (d) =>
    `invited ${text(d, 'email') ?? 'someone'}${role(text(d, 'role')) ? ` as ${role(text(d, 'role'))}` : ''}`,
  'members.revokeInvitation': () => 'withdrew an invitation',
  'members.updateRole': (d, people) =>
    `changed ${person(d, people)}’s role to ${role(text(d, 'role')) ?? 'another role'}`,
  'members.remove': (d, people) => `removed ${person(d, people)}`,
  'invitations.accept': (d) =>
    `joined${role(text(d, 'role')) ? ` as ${role(text(d, 'role'))}` : ''} from an invitation`,
  'settings.update': (d) => {
    const changed = Array.isArray(d.changed)
      ? d.changed.filter((c): c is string => typeof c === 'string').map((c) => SETTING_WORDS[c] ?? c)
      : [];
    return changed.length ? `changed the ${list(changed)} in Settings` : 'saved the settings (nothing changed)';
  },
  'apiKeys.create': (d) => `created the API key ${quoted(text(d, 'name')) ?? ''}`.trim(),
  'apiKeys.revoke': () => 'revoked an API key',
  'tenant.create': (d) => `created the organisation ${quoted(text(d, 'name')) ?? ''}`.trim(),
  'tenant.switch': () => 'switched to this organisation',
};

/** The sentence for one entry, without its subject ("added the item “Q3 plan”"). */
export function describeAudit(action: string, data: unknown, people: PersonLookup = () => undefined): string {
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {};
  const sentence = DESCRIBE[action];
  if (!sentence) return action;
  const base = sentence(record, people);
  return text(record, 'via') === 'api' ? `${base} (through the API)` : base;
}

/** The actions the log's filter offers, in words ("Items: added"), for any action in the table. */
export function actionLabel(action: string): string {
  const [area = action, verb = ''] = action.split('.');
  const AREAS: Record<string, string> = {
    items: 'Items',
    documents: 'Documents',
    members: 'Members',
    invitations: 'Invitations',
    settings: 'Settings',
    apiKeys: 'API keys',
    tenant: 'Organisation',
  };
  const VERBS: Record<string, string> = {
    create: 'created',
    update: 'changed',
    delete: 'deleted',
    invite: 'invited',
    revokeInvitation: 'invitation withdrawn',
    updateRole: 'role changed',
    remove: 'removed',
    accept: 'accepted',
    revoke: 'revoked',
    switch: 'switched to',
  };
  return AREAS[area] ? `${AREAS[area]}: ${VERBS[verb] ?? verb}` : action;
}

/** Loopback addresses mean "the server's own machine" (development), not a visitor's address. */
export function describeIp(ip: string | null): string {
  if (!ip) return 'unknown';
  if (ip === '::1' || ip === '127.0.0.1' || ip === '::ffff:127.0.0.1') return 'this machine (local)';
  return ip;
}
