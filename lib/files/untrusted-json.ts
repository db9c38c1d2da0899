import { sizeProblem, type FileKind } from './limits';

/**
 * The first door for every JSON file a user or an admin hands the extension
 * (model, playbook, field mapping, data export with its settings): size, BOM,
 * syntax, then keys and depth, before any schema looks at it.
 *
 * - `__proto__` anywhere is refused: JSON.parse keeps it as an own key, but any
 *   copy by assignment (Object.assign, obj[key] = …) turns it into the copy's
 *   prototype, and zod silently drops it (so a file would import other than
 *   it reads). Model files also refuse `constructor` and `prototype`.
 * - Nesting deeper than MAX_JSON_DEPTH is refused: JSON.parse copes, but
 *   structured clone, JSON.stringify and recursive code later would not.
 * The scan is iterative, so a hostile nesting cannot overflow the stack here.
 */
const MAX_JSON_DEPTH = 64;
const PROTO_KEYS: ReadonlySet<string> = new Set(['__proto__']);
export const OBJECT_MAGIC_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key or over-deep nesting in a parsed value, as "path: problem"; null when clean. */
export function jsonHostility(value: unknown, forbiddenKeys: ReadonlySet<string> = PROTO_KEYS, maxDepth = MAX_JSON_DEPTH): string | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > maxDepth) return `${path || '(root)'}: nested more than ${maxDepth} levels deep`;
    if (ArrayBuffer.isView(v)) continue;
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (forbiddenKeys.has(key)) return `${at}: the key "${key}" is not allowed`;
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push({ v: child, path: at, depth: depth + 1 });
    }
  }
  return null;
}

export type UntrustedJson = { ok: true; value: unknown } | { ok: false; problem: string };

/** A file's text as JSON, or why it is refused (size for its kind, empty, not JSON, hostile keys or nesting). */
export function parseUntrustedJson(text: string, kind: FileKind, forbiddenKeys: ReadonlySet<string> = PROTO_KEYS): UntrustedJson {
  const tooBig = sizeProblem(kind, text.length);
  if (tooBig) return { ok: false, problem: tooBig };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, problem: 'the file is empty' };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { ok: false, problem: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const hostile = jsonHostility(value, forbiddenKeys);
  return hostile ? { ok: false, problem: hostile } : { ok: true, value };
}
