// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readFileText } from '@/entrypoints/options/ui';
import { FILE_LIMITS, sizeProblem } from '@/lib/files/limits';
import { jsonHostility, OBJECT_MAGIC_KEYS, parseUntrustedJson } from '@/lib/files/untrusted-json';
import { importRefusal } from '@/lib/privacy/merge-plan';

// The message key and its substitutions (the locale texts themselves are checked by locales.test.ts).
vi.mock('#i18n', () => ({ i18n: { t: (key: string, subs: string[] = []) => `${key}: ${subs.join(' | ')}` } }));

describe('one size limit per kind of file', () => {
  it('accepts a file of exactly the limit and refuses one character more, saying both sizes', () => {
    expect(sizeProblem('model', FILE_LIMITS.model)).toBeNull();
    expect(sizeProblem('model', FILE_LIMITS.model + 1)).toBe('the file is too large: 20.0 MB, more than the 20 MB this import reads');
    expect(sizeProblem('mapping', 2_500_000)).toMatch(/2\.5 MB, more than the 2 MB/);
  });

  it('the file picker refuses a file over its kind’s limit before reading it', async () => {
    const big = new File(['x'.repeat(FILE_LIMITS.mapping + 1)], 'team.json');
    await expect(readFileText(big, 'mapping')).rejects.toThrow('files.tooLarge: team.json | 2.0 | 2 MB');
    await expect(readFileText(new File(['{"a":1}'], 'ok.json'), 'mapping')).resolves.toBe('{"a":1}');
  });
});

describe('untrusted JSON', () => {
  it('strips a BOM, and names what is wrong: empty, not JSON, __proto__ with its path, nesting', () => {
    expect(parseUntrustedJson('\uFEFF{"a":1}', 'playbook')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseUntrustedJson('  ', 'playbook')).toEqual({ ok: false, problem: 'the file is empty' });
    expect(parseUntrustedJson('{"a":', 'playbook')).toMatchObject({ ok: false, problem: expect.stringMatching(/^the file is not valid JSON \(/) });
    expect(parseUntrustedJson('{"a":[{"b":{"__proto__":{"x":1}}}]}', 'playbook')).toEqual({
      ok: false,
      problem: 'a.0.b.__proto__: the key "__proto__" is not allowed',
    });
    expect(parseUntrustedJson(`${'['.repeat(70)}${']'.repeat(70)}`, 'playbook')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/nested more than 64 levels deep/),
    });
  });

  it('only model files refuse constructor and prototype keys (a CRM column may be called that)', () => {
    const value = JSON.parse('{"fields":{"constructor":"x"}}');
    expect(jsonHostility(value)).toBeNull();
    expect(jsonHostility(value, OBJECT_MAGIC_KEYS)).toBe('fields.constructor: the key "constructor" is not allowed');
  });

  it('a nesting of 100,000 levels is refused without overflowing the stack', () => {
    expect(parseUntrustedJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'dataExport').ok).toBe(false);
  });
});

describe('import refusal', () => {
  it('is null when nothing is refused; else counts rows and settings and names the first five', () => {
    expect(importRefusal([{ rejected: 0, problems: [] }], [])).toBeNull();
    expect(importRefusal([{ rejected: 1, problems: ['customers row 3: crmId: too short'] }], [])).toBe(
      'Nothing was imported: 1 row of the file is refused. customers row 3: crmId: too short.',
    );
    const many = importRefusal([{ rejected: 7, problems: ['a', 'b', 'c', 'd', 'e'] }], ['setting x: unknown']);
    expect(many).toBe('Nothing was imported: 7 rows and 1 setting of the file are refused. a; b; c; d; e; and 3 more.');
  });
});
