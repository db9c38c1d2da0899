import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_LOCAL_SETTINGS, IMPORTABLE_SETTINGS } from '@/lib/privacy/settings-registry';

const LIB = join(__dirname, '../../../lib');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

/**
 * Every `storage.defineItem(... 'local:key', { ... version: n ... })` in lib/, the key written
 * in place or through a constant (`const KEY = localKey<…>('local:key')`, which the content
 * script's readers share with the item).
 */
function localItems(): Map<string, number> {
  const texts = sources(LIB).map((file) => readFileSync(file, 'utf8'));
  const constants = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(/const (\w+) = localKey<[^(]*>\('local:(\w+)'\)/g)) constants.set(match[1]!, match[2]!);
  }
  const items = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/defineItem<[^(]*>\(\s*(?:'local:(\w+)'|(\w+)),\s*\{([\s\S]*?)\}\);/g)) {
      const key = match[1] ?? constants.get(match[2]!);
      if (key) items.set(key, Number(/version:\s*(\d+)/.exec(match[3]!)?.[1] ?? 1));
    }
  }
  return items;
}

describe('importable settings registry', () => {
  it('knows every local storage item, at the version it stores', () => {
    const items = localItems();
    expect(items.size).toBeGreaterThanOrEqual(10);
    for (const [key, version] of items) {
      if (BROWSER_LOCAL_SETTINGS.has(key)) continue;
      expect(IMPORTABLE_SETTINGS[key], `lib/privacy/settings-registry.ts has no entry for local:${key}`).toBeDefined();
      expect(IMPORTABLE_SETTINGS[key]!.version, `local:${key} is stored at version ${version}`).toBe(version);
    }
  });

  it('lists only settings that exist, each with a migration for every version after the first', () => {
    const items = localItems();
    for (const [key, spec] of Object.entries(IMPORTABLE_SETTINGS)) {
      expect(items.has(key), key).toBe(true);
      for (let v = 2; v <= spec.version; v++) expect(spec.migrations?.[v], `${key} v${v}`).toBeTypeOf('function');
    }
  });
});
