import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Dotted keys of our locale files (a YAML subset: two-space nesting, `key: value` lines, # comments). */
function keysOf(path: string): string[] {
  const keys: string[] = [];
  const stack: { indent: number; key: string }[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^( *)([^\s#][^:]*?):(?:\s+(.*))?$/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    while (stack.length && stack.at(-1)!.indent >= indent) stack.pop();
    stack.push({ indent, key: match[2]! });
    if (match[3] !== undefined && match[3] !== '') keys.push(stack.map((s) => s.key).join('.'));
  }
  return keys;
}

const en = keysOf('locales/en.yml');
const zh = keysOf('locales/zh_CN.yml');

describe('locale files', () => {
  it('use only key names Chrome accepts as message names (letters, digits, underscores)', () => {
    // Chrome refuses to load an extension with any other character in a message name.
    for (const key of [...en, ...zh])
      expect(
        key.split('.').every((part) => /^[A-Za-z0-9_]+$/.test(part)),
        key,
      ).toBe(true);
  });

  it('have the same keys in English and Simplified Chinese', () => {
    expect(en.length).toBeGreaterThan(100);
    expect([...new Set(zh)].sort()).toEqual([...new Set(en)].sort());
  });
});
