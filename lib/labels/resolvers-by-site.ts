import type { SiteKey } from '../domain';
import type { FieldResolver } from '../fields/field-resolver';

/** Each site's field resolver for the rows given (one lookup per site); no lookup: an empty map (synonyms only). */
export async function resolversOf(
  rows: readonly { site: SiteKey }[],
  fieldResolver: ((site: SiteKey) => Promise<FieldResolver>) | undefined,
): Promise<Map<SiteKey, FieldResolver>> {
  const resolvers = new Map<SiteKey, FieldResolver>();
  if (fieldResolver) for (const site of new Set(rows.map((row) => row.site))) resolvers.set(site, await fieldResolver(site));
  return resolvers;
}
