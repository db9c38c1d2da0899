import type { MappingTarget } from '../fields/field-resolver';
import type { ProductField } from '../fields/product-fields';

/** What a label's row shows: the manager's choice, else the synonyms' suggestion (marked), else nothing. */
export interface LabelState {
  target: MappingTarget | null;
  source: 'mapped' | 'suggested' | 'none';
}

export function labelState(label: string, suggested: ProductField | null, draft: Readonly<Record<string, MappingTarget>>): LabelState {
  const chosen = draft[label];
  if (chosen !== undefined) return { target: chosen, source: 'mapped' };
  return suggested ? { target: suggested, source: 'suggested' } : { target: null, source: 'none' };
}

/**
 * The draft after the manager picks `value` for a label. Picking what the
 * synonyms would do anyway (the suggestion, or "not mapped") leaves no entry,
 * so the saved mapping holds the site's real decisions only.
 */
export function chooseTarget(
  draft: Readonly<Record<string, MappingTarget>>,
  label: string,
  value: MappingTarget | '',
  suggested: ProductField | null,
): Record<string, MappingTarget> {
  const next = { ...draft };
  if (value === '' || value === suggested) delete next[label];
  else next[label] = value;
  return next;
}

export function sameDraft(a: Readonly<Record<string, MappingTarget>>, b: Readonly<Record<string, MappingTarget>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
