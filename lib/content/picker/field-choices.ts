import type { Translate } from '@/lib/explain/reason-text';
import type { MappingTarget } from '@/lib/fields/field-resolver';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '@/lib/fields/product-fields';

export interface FieldChoice {
  value: MappingTarget;
  text: string;
  suggested: boolean;
}

export const PRODUCT_FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as ProductField[];

/** A product field's name in the UI language. */
export const fieldName = (field: ProductField, t: Translate): string => t(`mapping.field.${field}`) || field;

/**
 * What a label can be mapped to, for a chooser: the suggested field first
 * (the current mapping, else the synonyms' guess), then every product field
 * by its localized name, then "ignore".
 */
export function fieldChoices(suggested: ProductField | null, t: Translate, locale = 'en'): FieldChoice[] {
  const named = PRODUCT_FIELDS.map((field) => ({ value: field, text: fieldName(field, t), suggested: field === suggested }));
  const collator = new Intl.Collator(locale);
  named.sort((a, b) => Number(b.suggested) - Number(a.suggested) || collator.compare(a.text, b.text));
  if (suggested) named[0]!.text = t('mapping.suggestedOption', [named[0]!.text]) || named[0]!.text;
  return [...named, { value: 'ignore', text: t('mapping.ignore') || 'ignore', suggested: false }];
}
