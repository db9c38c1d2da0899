import fc from 'fast-check';

/**
 * Hostile versions of a valid JSON file, for property-based tests of every
 * importer: each kind takes the valid file and a random place in it. The
 * README's "hostile inputs tried" counts JSON_HOSTILE_KINDS plus the
 * importer-specific kinds of hostile-files.test.ts.
 */
export const JSON_HOSTILE_KINDS = [
  'truncated text',
  'empty or blank',
  'over the size limit',
  'root of another type',
  'value of another type at a random place',
  'key removed at a random place',
  'unknown key added at a random place',
  '__proto__ key at a random place',
  'nesting 200 levels deep at a random place',
  'number too large for a double (1e999) at a random place',
  '200 KB string at a random place',
] as const;
export type JsonHostileKind = (typeof JSON_HOSTILE_KINDS)[number];

type Path = (string | number)[];

/** Every path to a value inside `value` (the root is []). */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  return node && typeof node === 'object' ? node : null;
}

const INFINITY = '__hostile_infinity__';
const deep = () => {
  let value: unknown = 1;
  for (let i = 0; i < 200; i++) value = i % 2 ? [value] : { d: value };
  return value;
};

/** Sets `key` as an own enumerable property, `__proto__` included (JSON.stringify then writes it). */
const defineOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** The valid file turned hostile in one way, as the text a user would pick. */
export function hostileText(valid: unknown, kind: JsonHostileKind, pick: number, junk: unknown, limit: number): string {
  const text = JSON.stringify(valid);
  if (kind === 'truncated text') return text.slice(0, 1 + (pick % (text.length - 1)));
  if (kind === 'empty or blank') return ['', ' ', '\n\t', '\uFEFF'][pick % 4]!;
  if (kind === 'over the size limit') return `${text}${' '.repeat(limit + 1 - text.length)}`;
  if (kind === 'root of another type') return JSON.stringify([[valid], 'text', 42, null, true][pick % 5]);
  const copy = JSON.parse(text) as unknown;
  const all = paths(copy);
  const objects = all.filter((p) => {
    const v = p.length ? parentOf(copy, [...p, 'x'])! : copy;
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const path = all[pick % all.length]!;
  const set = (value: unknown) => {
    if (path.length === 0) return value;
    parentOf(copy, path)![path[path.length - 1]!] = value;
    return copy;
  };
  const at = (p: Path) => (p.length ? (parentOf(copy, [...p, 'x']) as object) : (copy as object));
  switch (kind) {
    case 'value of another type at a random place':
      return JSON.stringify(set(junk));
    case 'key removed at a random place': {
      const withKeys = objects.filter((p) => Object.keys(at(p)).length > 0);
      const target = at(withKeys[pick % withKeys.length]!) as Record<string, unknown>;
      const keys = Object.keys(target);
      delete target[keys[pick % keys.length]!];
      return JSON.stringify(copy);
    }
    case 'unknown key added at a random place':
      (at(objects[pick % objects.length]!) as Record<string, unknown>).zz_unknown = junk;
      return JSON.stringify(copy);
    case '__proto__ key at a random place':
      defineOwn(at(objects[pick % objects.length]!), '__proto__', { polluted: true });
      return JSON.stringify(copy);
    case 'nesting 200 levels deep at a random place':
      return JSON.stringify(set(deep()));
    case 'number too large for a double (1e999) at a random place':
      return JSON.stringify(set(INFINITY)).replace(`"${INFINITY}"`, '1e999');
    case '200 KB string at a random place':
      return JSON.stringify(set('x'.repeat(200_000)));
  }
}

/** A hostile kind, a place and a junk value ("over the size limit" is tried once per importer, not at random: the text is tens of MB). */
export const hostileCase = fc.record({
  kind: fc.constantFrom(...JSON_HOSTILE_KINDS.filter((kind) => kind !== 'over the size limit')),
  pick: fc.nat(),
  junk: fc.jsonValue({ maxDepth: 2 }),
});

/** Kinds every importer must refuse, whatever the place. */
export const ALWAYS_REFUSED: ReadonlySet<JsonHostileKind> = new Set([
  'truncated text',
  'empty or blank',
  'over the size limit',
  'root of another type',
  '__proto__ key at a random place',
  'nesting 200 levels deep at a random place',
]);
