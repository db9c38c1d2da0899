import { normalizeLabel, productFieldOf, type ProductField } from './product-fields';

/** What a CRM label means for the product: a product field, or deliberately nothing. */
export type MappingTarget = ProductField | 'ignore';

/**
 * Label → product field for one site: the manager's mapping first ('ignore'
 * hides a label the synonyms would match), then the built-in synonyms.
 * Answers are memoised per resolver: CRMs repeat the same labels on every
 * customer, and a new mapping makes a new resolver (so caches keyed by the
 * resolver's identity know to recompute).
 */
export type FieldResolver = (label: string) => ProductField | undefined;

const LIMIT = 5_000;

function memoised(resolve: (label: string) => ProductField | undefined): FieldResolver {
  let cache = new Map<string, ProductField | null>();
  return (label) => {
    const hit = cache.get(label);
    if (hit !== undefined) return hit ?? undefined;
    const field = resolve(label) ?? null;
    if (cache.size >= LIMIT) cache = new Map();
    cache.set(label, field);
    return field ?? undefined;
  };
}

/** Synonyms only: every site without a mapping. */
export const synonymResolver: FieldResolver = memoised(productFieldOf);

/** The mapping each resolver applies, as text (stored labels are versioned by it: lib/labels/stored-label.ts). */
const MAPPINGS = new WeakMap<FieldResolver, string>();

/** The mapping a resolver applies, as text: equal for equal mappings, "" for synonyms only (or a resolver made elsewhere). */
export const mappingTextOf = (resolver: FieldResolver | undefined): string => (resolver && MAPPINGS.get(resolver)) ?? '';

/** A site's resolver; labels match the mapping exactly or ignoring case, spaces and punctuation. */
export function createFieldResolver(mapping: Readonly<Record<string, MappingTarget>> | undefined): FieldResolver {
  const entries = Object.entries(mapping ?? {});
  if (entries.length === 0) return synonymResolver;
  const exact = new Map(entries);
  const loose = new Map(entries.map(([label, target]) => [normalizeLabel(label), target] as const));
  const resolver = memoised((label) => {
    const target = exact.get(label) ?? loose.get(normalizeLabel(label));
    if (target === 'ignore') return undefined;
    return target ?? productFieldOf(label);
  });
  MAPPINGS.set(resolver, JSON.stringify(entries));
  return resolver;
}
