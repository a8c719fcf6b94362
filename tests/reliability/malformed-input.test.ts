import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, type HttpResult, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';
import { actionId, leaksInternals, rawRequest } from './helpers';

/**
 * Issue 10, finding 6: every input the attack pass turned into a 500 is now a 4xx (or, for forged
 * arguments that decode fine, the action's own refusal), and nothing is logged as a crash. The
 * actions here are the public ones — sign-in, sign-up, magic link, OAuth, onboarding, accepting an
 * invitation, switching tenant — which do not go through `tenantAction`.
 * Refused by: lib/security/request-shape.ts, lib/actions/action-body.ts (middleware) and
 * lib/actions/public-action.ts (the wrapper).
 */
const ACME = 'acme.localhost';
const APEX = 'localhost';
const TEXT = 'text/plain;charset=UTF-8';

const PUBLIC_ACTIONS: [string, string, string, string][] = [
  ['signInWithPassword', 'components/auth/actions.ts', APEX, '/login'],
  ['signInWithEmail', 'components/auth/actions.ts', APEX, '/login'],
  ['signUp', 'components/auth/actions.ts', APEX, '/signup'],
  ['signInWithProvider', 'components/auth/actions.ts', APEX, '/login'],
  ['createTenantAction', 'components/onboarding/actions.ts', APEX, '/onboarding'],
  ['acceptInvitation', 'components/invitations/actions.ts', APEX, '/invite/some-token'],
  ['switchTenant', 'components/tenant-switcher/actions.ts', ACME, '/dashboard'],
];

describe('malformed input to the public actions and the middleware', () => {
  let database: ScratchDb;
  let app: AppServer;
  let apexCookie: string;
  let acmeCookie: string;
  const seen: { label: string; status: number }[] = [];

  const note = <T extends { status: number; body: string }>(label: string, res: T): T => {
    seen.push({ label, status: res.status });
    expect(leaksInternals(res.body), `${label} leaks internals`).toBe(false);
    return res;
  };
  const post = (
    label: string,
    host: string,
    path: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<HttpResult> =>
    requestAs(app, host, path, { method: 'POST', headers: { accept: 'text/x-component', ...headers }, body }).then(
      (r) => note(label, r),
    );
  const cookieFor = (host: string) => (host === ACME ? acmeCookie : apexCookie);

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    app = await startApp({
      DATABASE_URL: database.url,
      TENANT_RESOLVER: 'subdomain',
      TENANT_MAIN_DOMAIN: 'localhost',
      RATE_LIMIT_PREFIX: `malformed-${process.pid}-${Date.now()}`,
    });
    apexCookie = await signInAs(app, APEX, 'carol@both.test');
    acmeCookie = await signInAs(app, ACME, 'carol@both.test');
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('refuses an empty Origin on an action with 403', async () => {
    for (const [name, file, host, path] of PUBLIC_ACTIONS) {
      const res = await post(
        `empty origin ${name}`,
        host,
        path,
        { cookie: cookieFor(host), origin: '', 'next-action': actionId(name, file), 'content-type': TEXT },
        '[null,"$K1"]',
      );
      expect(res.status, name).toBe(403);
    }
  });

  it('refuses plain objects, strings and nothing in place of FormData, without running the body', async () => {
    for (const [name, file, host, path] of PUBLIC_ACTIONS) {
      for (const args of [
        '[null,{"email":"alice@acme.test","password":"password","slug":"acme","token":"x"}]',
        '[{"email":"alice@acme.test"}]',
        '[null,"just a string"]',
        '[]',
        '[null,null]',
      ]) {
        const res = await post(
          `args ${name} ${args}`,
          host,
          path,
          {
            cookie: cookieFor(host),
            origin: `http://${host}`,
            'next-action': actionId(name, file),
            'content-type': TEXT,
          },
          args,
        );
        expect(res.status, `${name} ${args}`).toBeLessThan(500);
        expect(res.status, `${name} ${args}`).not.toBe(0);
      }
    }
  });

  it('refuses bodies the action decoder cannot take with 400/415', async () => {
    const id = actionId('signInWithPassword', 'components/auth/actions.ts');
    const base = { origin: 'http://localhost', 'next-action': id };
    const multipart = (fields: [string, string][]) => {
      const parts = fields.map(([n, v]) => `--b\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`);
      return `${parts.join('')}--b--\r\n`;
    };
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const cases: [string, Record<string, string>, string, number][] = [
      [
        'invalid json in field 0',
        { 'content-type': 'multipart/form-data; boundary=b' },
        multipart([['0', '[null,']]),
        400,
      ],
      ['deep json in field 0', { 'content-type': 'multipart/form-data; boundary=b' }, multipart([['0', deep]]), 400],
      ['deep json as text', { 'content-type': TEXT }, deep, 400],
      ['malformed application/json', { 'content-type': 'application/json' }, '{"email":', 415],
      ['well-formed application/json', { 'content-type': 'application/json' }, '[null,{}]', 415],
      ['urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }, 'key=value', 415],
      ['no content type, empty body', {}, '', 400],
      ['no content type, not json', {}, 'key', 400],
      [
        'multipart, missing part',
        { 'content-type': 'multipart/form-data; boundary=b' },
        multipart([['0', '[null,"$Q5"]']]),
        400,
      ],
      [
        'multipart, part after the root',
        { 'content-type': 'multipart/form-data; boundary=b' },
        multipart([
          ['0', '["$1"]'],
          ['1', '{}'],
        ]),
        400,
      ],
      ['dangling $K', { 'content-type': TEXT }, '[null,"$K99"]', 400],
      ['dangling $@', { 'content-type': TEXT }, '[null,"$@99"]', 400],
      ['dangling $Q', { 'content-type': TEXT }, '[null,"$Q99"]', 400],
      ['dangling outlined', { 'content-type': TEXT }, '[null,"$1"]', 400],
    ];
    for (const [label, headers, body, status] of cases) {
      expect((await post(label, APEX, '/login', { ...base, ...headers }, body)).status, label).toBe(status);
    }
    // An id that is not a hex digest (Next logs those as errors before answering).
    const garbage = await post(
      'non-hex id',
      APEX,
      '/login',
      { ...base, 'next-action': '}=^', 'content-type': TEXT },
      '[]',
    );
    expect(garbage.status).toBe(400);
    // A string that merely starts with `$` is escaped by React as `$$…` and still works.
    const escaped = await post('escaped dollar', APEX, '/login', { ...base, 'content-type': TEXT }, '[null,"$$K99"]');
    expect(escaped.status).toBe(200);
  });

  it('refuses cross-origin posts to pages with 403: no-JS form posts and static-looking paths', async () => {
    const id = actionId('signInWithPassword', 'components/auth/actions.ts');
    const noJs = [
      `--b\r\nContent-Disposition: form-data; name="$ACTION_ID_${id}"\r\n\r\n\r\n`,
      '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nalice@acme.test\r\n',
      '--b--\r\n',
    ].join('');
    const form = { origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=b' };
    expect((await post('no-js cross-origin', APEX, '/login', form, noJs)).status).toBe(403);
    const onPng = await post(
      'action on png',
      APEX,
      '/x.png',
      { origin: 'http://evil.example', 'next-action': id, 'content-type': TEXT },
      '[null,"$K1"]',
    );
    expect(onPng.status).toBe(403);
    expect((await post('null origin', APEX, '/login', { ...form, origin: 'null' }, noJs)).status).toBe(403);
  });

  it('refuses a body over the 1 MB action limit with 413', async () => {
    const id = actionId('signInWithPassword', 'components/auth/actions.ts');
    const big = JSON.stringify([null, 'x'.repeat(1024 * 1024 + 10)]);
    const res = await post(
      'over 1 MB',
      APEX,
      '/login',
      { origin: 'http://localhost', 'next-action': id, 'content-type': TEXT },
      big,
    );
    expect(res.status).toBe(413);
  });

  it('refuses a bogus X-Forwarded-Proto and malformed percent-encoding with 400', async () => {
    expect(
      (
        await requestAs(app, APEX, '/login', { headers: { 'x-forwarded-proto': 'javascript' } }).then((r) =>
          note('xfp', r),
        )
      ).status,
    ).toBe(400);
    const raw = (label: string, host: string, path: string) =>
      rawRequest(app.port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookieFor(host)}`).then((r) =>
        note(label, r),
      );
    expect((await raw('invite %ff', APEX, '/invite/%ff')).status).toBe(400);
    expect((await raw('truncated utf-8', APEX, '/%E0%A4%A')).status).toBe(400);
    expect((await raw('documents %ff', ACME, '/documents/%ff')).status).toBe(400);
    // Well-formed encodings still reach their page.
    expect((await raw('good encoding', ACME, '/documents/%61bc')).status).toBeLessThan(500);
  });

  it('never answered with a 5xx and logged no crash', () => {
    expect(seen.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
    expect(app.logs()).not.toMatch(/action failed|⨯|Error: /);
  });
});
