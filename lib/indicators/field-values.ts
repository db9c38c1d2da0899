import type { RawFields } from '../domain';
import { synonymResolver, type FieldResolver } from '../fields/field-resolver';
import type { ProductField } from '../fields/product-fields';
import { parseDuration, parseNumber, parseWhen, parseYesNo } from '../parse';

/**
 * A customer's raw fields keyed by product field, read once per customer.
 * Same rule as readProductField (the first non-blank label that maps to the
 * field wins), but one pass over the record instead of one per indicator.
 */
export type ProductFieldMap = Partial<Record<ProductField, string>>;

/** `resolve`: the site's mapping over the synonyms (lib/fields/field-resolver.ts); it memoises label look-ups. */
export function productFieldMap(fields: RawFields, resolve: FieldResolver = synonymResolver): ProductFieldMap {
  const out: ProductFieldMap = {};
  for (const label in fields) {
    const field = resolve(label);
    if (field === undefined || out[field] !== undefined) continue;
    const value = fields[label]!;
    if (value.trim() !== '') out[field] = value;
  }
  return out;
}

/**
 * Field texts repeat across customers (plans, fees, yes/no): each parser
 * memoises its answers per text, bounded so a long session cannot grow it.
 */
function memo<T>(parse: (text: string) => T, limit = 20_000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = parse(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, value);
    return value;
  };
}

const numberOf = memo((text): { value: number; percent: boolean } | null => {
  const r = parseNumber(text);
  return r.ok ? { value: r.value, percent: r.kind === 'percent' } : null;
});
const COUNT_UNITS = new Set(['order', 'purchase', 'time']);
const wholeCount = (r: ReturnType<typeof parseNumber>): number | null =>
  r.ok && (r.kind === 'number' || (r.kind === 'count' && r.unit !== undefined && COUNT_UNITS.has(r.unit))) && Number.isInteger(r.value) && r.value >= 0
    ? r.value
    : null;
/**
 * A count is whole, which settles "1,024" (1024, not 1.024) when only one
 * reading of the separator is a whole number.
 */
const countOf = memo((text): number | null => {
  const r = parseNumber(text);
  if (r.ok) return wholeCount(r);
  const dot = wholeCount(parseNumber(text, { decimal: '.' }));
  const comma = wholeCount(parseNumber(text, { decimal: ',' }));
  return dot !== null && comma === null ? dot : comma !== null && dot === null ? comma : null;
});
const yesNoOf = memo((text): boolean | null => {
  const r = parseYesNo(text);
  return r.ok ? r.value : null;
});
const monthsOf = memo((text): number | null => {
  const r = parseDuration(text, { unit: 'months' });
  return r.ok ? r.value.months : null;
});
/** Keyed by "now|text": relative times ("3 days ago") depend on now. */
const whenOf = memo((key): number | null => {
  const bar = key.indexOf('|');
  const r = parseWhen(key.slice(bar + 1), Number(key.slice(0, bar)));
  return r.ok ? r.value : null;
});

export function fieldNumber(text: string | undefined): number | null {
  return text === undefined ? null : (numberOf(text)?.value ?? null);
}

/** A count of orders or purchases ("3", "3 单", "12 orders", "1,024"): a whole number ≥ 0, never money or a percentage; else null. */
export function fieldCount(text: string | undefined): number | null {
  return text === undefined ? null : countOf(text);
}

/** A number with its kind, to tell "80 %" from "80". */
export function fieldNumberKind(text: string | undefined): { value: number; percent: boolean } | null {
  return text === undefined ? null : numberOf(text);
}

export function fieldYesNo(text: string | undefined): boolean | null {
  return text === undefined ? null : yesNoOf(text);
}

/** A date or a relative time ("3 days ago", "上周") in a field, as epoch ms relative to `now`, or null. */
export function fieldWhen(text: string | undefined, now: number): number | null {
  return text === undefined ? null : whenOf(`${now}|${text}`);
}

/** A length of time in months ("34 months", "2 years", "18个月"; a bare number counts as months), or null. */
export function fieldMonths(text: string | undefined): number | null {
  return text === undefined ? null : monthsOf(text);
}
