import type { RawFields } from '../domain';

/**
 * The product's own field vocabulary. CRMs name the same thing many ways; until
 * a manager maps a site's labels, these synonyms (English and Chinese, CRM API
 * names included) find them. Matching ignores case, spaces and punctuation.
 */
export const PRODUCT_FIELD_SYNONYMS = {
  monthly_value: ['MonthlyCharges', 'Monthly fee', 'Monthly charges', 'MRR', 'Monthly revenue', '月费', '月消费'],
  total_spend: [
    'TotalCharges',
    'Total charges',
    'Total spend',
    'Total spent',
    'Amount spent',
    'Lifetime spend',
    'Lifetime value',
    '累计费用',
    '累计消费',
    '消费总额',
    '总消费',
    '累计消费金额',
  ],
  // A count of orders to date (list pages show it instead of the orders). Its value must read as a whole
  // count ("3", "3 单", "12 orders"), never money: "Purchases: $1,200" is a spend, not a count.
  order_count: [
    'Orders',
    'Order count',
    'Number of orders',
    'Total orders',
    'Orders placed',
    'Purchases',
    'Purchase count',
    'Number of purchases',
    '订单数',
    '订单',
    '订单数量',
    '总订单数',
    '购买次数',
    '下单次数',
  ],
  avg_order_value: [
    'Average order',
    'Average order value',
    'Avg order value',
    'Avg order',
    'AOV',
    'Average purchase',
    '客单价',
    '平均客单价',
    '平均订单金额',
    '平均订单额',
    '平均每单金额',
  ],
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
  // Purchases apart from other activity: recency and the rhythm between orders are about orders only.
  last_purchase: [
    'Last purchase',
    'Last order',
    'Last order date',
    'Last purchase date',
    'Last bought',
    '最近购买',
    '最近下单',
    '最后购买',
    '最后下单',
    '上次购买',
    '最近购买日期',
    '最近一次购买',
  ],
  first_purchase: [
    'First purchase',
    'First order',
    'First order date',
    'First purchase date',
    'First bought',
    '首次购买',
    '首次下单',
    '首单日期',
    '首次购买日期',
    '首购日期',
  ],
  last_activity: ['Last activity', 'Last contact', 'Last seen', '最近活动', '最后活动', '最近联系'],
  customer_since: [
    'Customer since',
    'Member since',
    'Signup date',
    'Sign-up date',
    'Joined',
    'Created',
    '注册时间',
    '注册日期',
    '入会时间',
    '开户日期',
    '客户起始日期',
  ],
  tickets: ['Tickets', 'Open tickets', 'Support tickets', 'Complaints', 'Cases', '工单', '工单数', '投诉', '投诉次数'],
  csat: ['CSAT', 'Satisfaction', 'Customer satisfaction', 'Satisfaction score', '满意度', '客户满意度', '满意度评分'],
  nps: ['NPS', 'Net promoter score', 'Likelihood to recommend', '净推荐值', '推荐意愿'],
  region: ['Region', 'Country', 'Province', 'City', 'Territory', '地区', '区域', '国家', '省份', '城市'],
  age: ['Age', '年龄'],
  outstanding_balance: ['Outstanding balance', 'Balance due', 'Amount due', 'Balance', 'Arrears', '未付余额', '欠款', '应收余额', '待付金额'],
  late_payments: ['Late payments', 'Failed payments', 'Missed payments', '逾期次数', '逾期付款', '付款失败次数'],
  auto_renew: ['Auto renew', 'Auto-renew', 'Auto renewal', 'Automatic renewal', '自动续费', '自动续订', '自动续约'],
  referrals: ['Referrals', 'Referred customers', 'Referral count', '推荐人数', '转介绍'],
  discount: ['Discount', 'Discount rate', 'Current discount', '折扣', '优惠'],
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

/**
 * The raw text of a product field in a CRM record, whatever the CRM calls it.
 * `resolve` is a site's FieldResolver (lib/fields/field-resolver.ts) when it has a mapping.
 */
export function readProductField(
  fields: RawFields,
  wanted: ProductField,
  resolve: (label: string) => ProductField | undefined = productFieldOf,
): string | undefined {
  for (const [label, value] of Object.entries(fields)) {
    if (resolve(label) === wanted && value.trim() !== '') return value;
  }
  return undefined;
}

/** The model-input key of a product field (feature specs of imported models read `field:<product field>`). */
const productFieldKey = (field: ProductField) => `field:${field}`;

/**
 * A record's fields plus each product field found among its labels under
 * `field:<product field>` (the first non-blank label that resolves to it),
 * for models that read product fields rather than a CRM's own labels.
 */
export function withProductFields(fields: RawFields, resolve: (label: string) => ProductField | undefined = productFieldOf): Record<string, string> {
  const out: Record<string, string> = { ...fields };
  for (const [label, value] of Object.entries(fields)) {
    const field = resolve(label);
    if (!field || value.trim() === '') continue;
    const key = productFieldKey(field);
    if (!Object.hasOwn(out, key)) out[key] = value;
  }
  return out;
}
