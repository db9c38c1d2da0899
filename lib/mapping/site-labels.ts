import type { RawFields } from '../domain';
import { productFieldOf, type ProductField } from '../fields/product-fields';

/** A label seen on a site's pages, with what it showed. */
export interface SiteLabel {
  label: string;
  /** Customers (of the recent ones read) that showed it. */
  count: number;
  /** A few distinct non-blank values, most recent customer first. */
  samples: string[];
  /** The product field its synonyms suggest, if any. */
  suggested: ProductField | null;
}

const MAX_SAMPLES = 3;
const MAX_SAMPLE_CHARS = 120;

/** Every label of these customers' fields (most recently seen first), most common first. */
export function collectSiteLabels(customers: readonly { fields: RawFields; lastSeen: number }[], maxSamples = MAX_SAMPLES): SiteLabel[] {
  const byLabel = new Map<string, SiteLabel>();
  const recentFirst = [...customers].sort((a, b) => b.lastSeen - a.lastSeen);
  for (const { fields } of recentFirst) {
    for (const [label, raw] of Object.entries(fields)) {
      let entry = byLabel.get(label);
      if (!entry) byLabel.set(label, (entry = { label, count: 0, samples: [], suggested: productFieldOf(label) ?? null }));
      entry.count++;
      const value = raw.trim().slice(0, MAX_SAMPLE_CHARS);
      if (value !== '' && entry.samples.length < maxSamples && !entry.samples.includes(value)) entry.samples.push(value);
    }
  }
  return [...byLabel.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
