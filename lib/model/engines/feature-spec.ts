/**
 * The feature spec of a model trained elsewhere (XGBoost, Keras): for each
 * model input, in the model's own input order, where its value comes from
 * and how it is turned into the number the model was trained on.
 *
 * Sources:
 * - `{ "field": "monthly_value" }` — a product field (lib/fields): whatever a
 *   site calls it, through the site's field mapping and the synonyms;
 * - `{ "indicator": "days_since_last_order" }` — an indicator the product
 *   computes (lib/indicators), as the trained models read it (`ind:<id>`);
 * - `{ "label": "StreamingTV" }` — a CRM label as the pages (and the CRM's
 *   export) show it, exactly as models trained from an export read columns.
 * Transforms: `number` (optionally (x − center) / scale), `yesno` (1/0),
 * `onehot` (1 when the value is `level`, else 0: pandas get_dummies, Spark
 * OneHotEncoder), `index` (the position of the value in `levels`: Spark
 * StringIndexer, sklearn OrdinalEncoder).
 * `missing`: the input's value when the cell is blank or unreadable; absent:
 * the engine's default (XGBoost: missing, i.e. the trees' default branch;
 * Keras: 0). `baseline`: the typical value, against which explanations are
 * computed (absent: derived by the importer).
 */
import { z } from 'zod';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '@/lib/fields/product-fields';
import { INDICATOR_BY_ID } from '@/lib/indicators/definitions';
import { MAX_INPUTS } from '../artifact-schema';
import { inputTransformSchema } from './transform-schema';

const FEATURE_SPEC_FORMAT = 'churn-radar.feature-spec';

const PRODUCT_FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as [ProductField, ...ProductField[]];
const finite = z.number();

// One object with exactly one of the three keys (a union would only say "invalid input").
const sourceSchema = z
  .strictObject({
    field: z.enum(PRODUCT_FIELDS, { error: (issue) => `"${String(issue.input)}" is not a product field (one of ${PRODUCT_FIELDS.join(', ')})` }).optional(),
    indicator: z
      .string()
      .max(100)
      .refine((id) => INDICATOR_BY_ID.has(id), { error: (issue) => `"${String(issue.input)}" is not an indicator of the catalogue` })
      .optional(),
    label: z.string().trim().min(1).max(500).optional(),
  })
  .refine((s) => Object.keys(s).length === 1, 'give exactly one of "field", "indicator" or "label"')
  .transform((s): { field: ProductField } | { indicator: string } | { label: string } =>
    s.field !== undefined ? { field: s.field } : s.indicator !== undefined ? { indicator: s.indicator } : { label: s.label! },
  );

const specInputSchema = z.strictObject({
  name: z.string().min(1).max(2000),
  source: sourceSchema,
  transform: inputTransformSchema,
  missing: finite.nullable().optional(),
  baseline: finite.optional(),
});
export type SpecInput = z.infer<typeof specInputSchema>;
export type InputSource = SpecInput['source'];

const featureSpecSchema = z.strictObject({
  format: z.literal(FEATURE_SPEC_FORMAT),
  version: z.literal(1),
  /** The model's name in Options → Models. */
  name: z.string().max(500).optional(),
  inputs: z.array(specInputSchema).min(1).max(MAX_INPUTS),
});
export type FeatureSpec = z.infer<typeof featureSpecSchema>;

/** The key a source is read under in a model-input row: the label itself, `ind:<id>` or `field:<product field>`. */
export function sourceKey(source: InputSource): string {
  if ('field' in source) return `field:${source.field}`;
  if ('indicator' in source) return `ind:${source.indicator}`;
  return source.label;
}

/** A parsed spec, or the first problems as one message. */
export function parseFeatureSpec(value: unknown): { ok: true; spec: FeatureSpec } | { ok: false; problem: string } {
  const parsed = featureSpecSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    return { ok: false, problem: issues.join('; ') };
  }
  const names = new Set<string>();
  for (const input of parsed.data.inputs) {
    if (names.has(input.name)) return { ok: false, problem: `inputs: "${input.name}" appears twice` };
    names.add(input.name);
  }
  return { ok: true, spec: parsed.data };
}
