import type { CustomerRow } from '../db/schema';
import type { Reason } from '../domain';
import { reasonSentence, topRiskReasons, type Translate } from '../explain/reason-text';
import type { FieldResolver } from '../fields/field-resolver';
import { productFieldOf, readProductField } from '../fields/product-fields';
import type { IndicatorResult } from '../indicators/types';
import type { Locale } from './types';

/**
 * The variables a script may use, in the order the editor offers them. The
 * template engine (template.ts) fills `{name}` etc.; anything else is an
 * unknown variable the editor flags.
 */
export const SCRIPT_VARIABLES = ['name', 'tenure', 'plan', 'monthlyValue', 'orders', 'lastOrder', 'topReason'] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];
export type ScriptVariables = Partial<Record<ScriptVariable, string>>;

export function isScriptVariable(name: string): name is ScriptVariable {
  return (SCRIPT_VARIABLES as readonly string[]).includes(name);
}

/** A customer's script variables in the script's own language (indicator display texts are English). */
export function scriptVariables(
  customer: Pick<CustomerRow, 'name' | 'fields'>,
  reasons: readonly Reason[],
  indicators: IndicatorResult | null,
  locale: Locale,
  t: Translate,
  /** The site's field mapping over the synonyms (lib/fields/field-resolver.ts). */
  resolveField: FieldResolver = productFieldOf,
): ScriptVariables {
  const field = (name: Parameters<typeof readProductField>[1]) => readProductField(customer.fields, name, resolveField);
  const indicatorNumber = (id: string) => {
    const value = indicators?.values.find((v) => v.id === id)?.value;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const days = indicatorNumber('recency_days');
  const months = indicatorNumber('tenure');
  const orders = indicatorNumber('order_count');
  const top = topRiskReasons(reasons, 1)[0];
  const variables: Record<ScriptVariable, string | undefined> = {
    name: customer.name,
    topReason: top && top.contribution > 0 ? reasonSentence(top, t) : undefined,
    tenure: field('tenure_months') ?? (months === undefined ? undefined : locale === 'zh' ? `${Math.round(months)}个月` : `${Math.round(months)} months`),
    plan: field('plan') ?? field('contract'),
    monthlyValue: field('monthly_value'),
    orders: orders === undefined ? undefined : String(orders),
    lastOrder: days === undefined ? undefined : locale === 'zh' ? `${days}天前` : days === 0 ? 'today' : `${days} days ago`,
  };
  return Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined)) as ScriptVariables;
}
