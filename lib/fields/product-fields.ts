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
  last_activity: ['Last activity', 'Last contact', 'Last seen', 'Last order', 'Last purchase', 'Last order date', '最近活动', '最后活动', '最近联系', '最近下单', '最近购买', '最后购买'],
  customer_since: ['Customer since', 'Member since', 'Signup date', 'Sign-up date', 'Joined', 'First purchase', 'Created', '注册时间', '注册日期', '入会时间', '首次购买', '开户日期', '客户起始日期'],
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

/** The raw text of a product field in a CRM record, whatever the CRM calls it. */
export function readProductField(fields: RawFields, wanted: ProductField): string | undefined {
  for (const [label, value] of Object.entries(fields)) {
    if (productFieldOf(label) === wanted && value.trim() !== '') return value;
  }
  return undefined;
}
