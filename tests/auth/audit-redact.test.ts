import { describe, expect, it } from 'vitest';
import { formDataToObject } from '@/lib/actions/form-data';
import { redactSecrets } from '@/lib/audit/redact';

describe('audit data redaction', () => {
  it('removes passwords, tokens and keys at any depth and keeps the rest', () => {
    const out = redactSecrets({
      name: 'x',
      password: 'hunter2',
      nested: { apiKey: 'tk_1', token: 't', role: 'ADMIN' },
      list: [{ secret: 's' }],
    });
    expect(out).toEqual({
      name: 'x',
      password: '[redacted]',
      nested: { apiKey: '[redacted]', token: '[redacted]', role: 'ADMIN' },
      list: [{ secret: '[redacted]' }],
    });
  });

  it('turns dates into strings and undefined into null', () => {
    expect(redactSecrets({ at: new Date(0), gone: undefined })).toEqual({ at: '1970-01-01T00:00:00.000Z', gone: null });
  });
});

describe('formDataToObject', () => {
  it('drops Next action fields and keeps repeated keys as arrays', () => {
    const fd = new FormData();
    fd.append('$ACTION_ID_abc', '');
    fd.append('name', 'Widget');
    fd.append('features', 'a');
    fd.append('features', 'b');
    expect(formDataToObject(fd)).toEqual({ name: 'Widget', features: ['a', 'b'] });
  });
});
