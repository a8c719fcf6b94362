import { describe, expect, it } from 'vitest';
import { bodyProblem, MAX_DEPTH, nestingDepth } from './action-body';

const ID = '7f'.padEnd(42, 'a');
const req = (body: BodyInit, headers: Record<string, string>) =>
  new Request('http://localhost/login', { method: 'POST', body, headers: { 'next-action': ID, ...headers } });
const text = (body: string) => req(body, { 'content-type': 'text/plain;charset=UTF-8' });
const multipart = (fields: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return req(form, {});
};

describe('bodyProblem', () => {
  it('lets what React sends through', async () => {
    expect(await bodyProblem(text('[null,{"name":"x","price":"$$5"}]'))).toBeNull();
    expect(await bodyProblem(text('["$undefined","$D2024-01-01T00:00:00.000Z","$n12"]'))).toBeNull();
    expect(
      await bodyProblem(
        multipart([
          ['_1_email', 'a@b.test'],
          ['0', '[null,"$K1"]'],
        ]),
      ),
    ).toBeNull();
    expect(await bodyProblem(multipart([['0', '[null,"$K1"]']]))).toBeNull(); // an empty FormData
    // Chromium's boundary has capitals: it must be parsed as sent, not lower-cased.
    const chromium = '----WebKitFormBoundaryAbCdEfGh12345678';
    const framed = `--${chromium}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null]\r\n--${chromium}--\r\n`;
    expect(await bodyProblem(req(framed, { 'content-type': `multipart/form-data; boundary=${chromium}` }))).toBeNull();
    expect(
      await bodyProblem(
        multipart([
          ['1', '{"a":1}'],
          ['0', '["$1"]'],
        ]),
      ),
    ).toBeNull();
    expect(
      await bodyProblem(
        multipart([
          ['10', '{}'],
          ['0', '["$a"]'],
        ]),
      ),
    ).toBeNull(); // hex reference, decimal name
  });

  it('refuses dangling and forward references, deep nesting, bad JSON, odd types and ids', async () => {
    expect(await bodyProblem(text('[null,"$Q1"]'))).toMatchObject({ status: 400 });
    expect(await bodyProblem(text('[null,"$@1"]'))).toMatchObject({ status: 400 });
    expect(
      await bodyProblem(
        multipart([
          ['0', '["$2"]'],
          ['2', '{}'],
        ]),
      ),
    ).toMatchObject({ status: 400 });
    expect(await bodyProblem(multipart([['0', '["$Q3"]']]))).toMatchObject({ status: 400 });
    expect(await bodyProblem(text(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`))).toMatchObject({
      status: 400,
    });
    expect(await bodyProblem(multipart([['0', '[null,']]))).toMatchObject({ status: 400 });
    // A root that is not the argument list: Next would spread it into the action (a TypeError, a 500).
    expect(await bodyProblem(text('""'))).toMatchObject({ status: 400 });
    // `$`-strings React never writes: a bare `$`, a tag without its id (the fuzz suite found a 500).
    expect(await bodyProblem(text('["$"]'))).toMatchObject({ status: 400 });
    expect(await bodyProblem(text('["$B"]'))).toMatchObject({ status: 400 });
    expect(await bodyProblem(multipart([['0', '["$Kz"]']]))).toMatchObject({ status: 400 });
    expect(await bodyProblem(text('{"a":1}'))).toMatchObject({ status: 400 });
    expect(await bodyProblem(multipart([['0', '"x"']]))).toMatchObject({ status: 400 });
    expect(await bodyProblem(req('{}', { 'content-type': 'application/json' }))).toMatchObject({ status: 415 });
    expect(await bodyProblem(req('a=b', { 'content-type': 'application/x-www-form-urlencoded' }))).toMatchObject({
      status: 415,
    });
    const bad = new Request('http://localhost/login', {
      method: 'POST',
      body: '[]',
      headers: { 'next-action': '}=^' },
    });
    expect(await bodyProblem(bad)).toMatchObject({ status: 400 });
  });

  it('counts nesting outside strings only', () => {
    expect(nestingDepth('[[["[[[[[["]]]')).toBe(3);
    expect(nestingDepth('{"a":"\\"[[[["}')).toBe(1);
  });
});
