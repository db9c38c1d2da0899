import type { RawFields } from '../domain';

/**
 * The product's own field vocabulary. CRMs name the same thing many ways; until
 * a manager maps a site's labels, these synonyms (English and Chinese, CRM API
 * names included) find them. Matching ignores case, spaces and punctuation.
 */
export const PRODUCT_FIELD_SYNONYMS = {
  monthly_value: ['MonthlyCharges', 'Monthly fee', 'Monthly charges', 'MRR', 'Monthly revenue', '月费', '月消费'],
  total_spend: ['TotalCharges', 'Total charges', 'Total spend', 'Lifetime value', '累计费用', '累计消费'],
  tenure_months: ['tenure', 'Tenure', 'Tenure (months)', '在网时长', '客户时长'],
  contract: ['Contract', 'Contract type', '合同类型', '合同'],
  plan: ['InternetService', 'Plan', 'Package', '套餐', '宽带服务'],
  payment_method: ['PaymentMethod', 'Payment method', '支付方式', '付款方式'],
  paperless_billing: ['PaperlessBilling', 'Paperless billing', '无纸化账单'],
  status: ['Status', 'Account status', '状态', '客户状态'],
  segment: ['segment', 'Segment', 'Customer segment', '客户分群'],
  senior: ['SeniorCitizen', 'Senior citizen', '老年客户'],
  tech_support: ['TechSupport', 'Tech support', '技术支持'],
  online_security: ['OnlineSecurity', 'Online security', '网络安全服务'],
  owner: ['owner', 'Owner', 'Account owner', '负责人', '客户经理'],
} as const satisfies Record<string, readonly string[]>;

export type ProductField = keyof typeof PRODUCT_FIELD_SYNONYMS;

export const normalizeLabel = (label: string) => label.toLowerCase().replace(/[\s_\-:：()（）]+/g, '');

const LOOKUP: ReadonlyMap<string, ProductField> = new Map(
  (Object.entries(PRODUCT_FIELD_SYNONYMS) as [ProductField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normalizeLabel(name), field] as const),
  ),
);

export function productFieldOf(label: string): ProductField | undefined {
  return LOOKUP.get(normalizeLabel(label));
}

/** The raw text of a product field in a CRM record, whatever the CRM calls it. */
export function readProductField(fields: RawFields, wanted: ProductField): string | undefined {
  for (const [label, value] of Object.entries(fields)) {
    if (productFieldOf(label) === wanted && value.trim() !== '') return value;
  }
  return undefined;
}
