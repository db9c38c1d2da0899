import { normalizeLabel, productFieldOf } from '@/lib/fields/product-fields';
import type { ActivityKind } from '@/lib/domain';

/**
 * The words the generic adapter recognises, English and Chinese. Matching is
 * exact after normalizeLabel (case, spaces and punctuation ignored), so
 * "Account Name", "account_name" and "ACCOUNT NAME:" are one label, while
 * "Deal name" is not a customer name. Product-field synonyms
 * (lib/fields/product-fields.ts) count as known labels too.
 */

/** Headers/labels of the customer's name, best first: a customer/account/company name beats a bare "Name", which beats a contact. */
const NAME_LABELS: readonly (readonly string[])[] = [
  [
    'Customer',
    'Customer name',
    'Client',
    'Client name',
    'Account',
    'Account name',
    'Company',
    'Company name',
    'Organization',
    'Organisation',
    'Organization name',
    'Organisation name',
    'Business name',
    'Shopper',
    'Subscriber',
    '客户',
    '客户名称',
    '客户姓名',
    '公司',
    '公司名称',
    '企业',
    '企业名称',
    '单位名称',
    '账户名称',
    '客户全称',
  ],
  ['Name', 'Full name', 'Customer full name', '名称', '姓名'],
  ['Contact', 'Contact name', '联系人', '联系人姓名'],
];

/** Columns/labels that hold the CRM's own customer id. */
const ID_LABELS = [
  'ID',
  'Customer ID',
  'Customer No',
  'Customer number',
  'Customer code',
  'Account ID',
  'Account number',
  'Account No',
  'Client ID',
  'Member ID',
  'Record ID',
  'Customer #',
  'Account #',
  '客户编号',
  '客户ID',
  '客户代码',
  '客户号',
  '编号',
  '会员编号',
  '账户编号',
];

const EMAIL_LABELS = ['Email', 'E-mail', 'Email address', 'Primary email', '邮箱', '电子邮箱', '电子邮件', '邮件地址'];

/**
 * Other labels a customer record shows (not product fields): they only make
 * a header row or a label set look like a customer's, they map to nothing.
 */
const CRM_LABELS = [
  'Phone',
  'Phone number',
  'Main phone',
  'Office phone',
  'Mobile',
  'Website',
  'Industry',
  'Type',
  'Account type',
  'Customer type',
  'Stage',
  'Lifecycle stage',
  'Lead status',
  'Rating',
  'Annual revenue',
  'Revenue',
  'Employees',
  'Number of employees',
  'Billing city',
  'Billing country',
  'Billing state',
  'Billing address',
  'Shipping address',
  'Address',
  'Primary contact',
  'Created by',
  'Created date',
  'Create date',
  'Date created',
  'Created on',
  'Modified on',
  'Last modified',
  'Last modified date',
  'Last activity date',
  'Tags',
  'Source',
  'Lead source',
  'Description',
  'Assigned to',
  'User',
  'Company owner',
  'Salesperson',
  'Sales rep',
  'Payment terms',
  'Pricelist',
  'Parent account',
  'Tier',
  'Health score',
  'Renewal date',
  'Contract end',
  'Contract end date',
  'Subscription',
  'First name',
  'Last name',
  'Sector',
  'Size',
  'Company size',
  'First seen',
  'Added on',
  'Segments',
  '电话',
  '手机',
  '联系电话',
  '网站',
  '行业',
  '所属行业',
  '客户类型',
  '客户级别',
  '客户等级',
  '来源',
  '客户来源',
  '地址',
  '详细地址',
  '创建时间',
  '创建日期',
  '更新时间',
  '最后修改时间',
  '签约日期',
  '最近跟进时间',
  '跟进状态',
  '成交状态',
  '所属部门',
  '标签',
  '备注',
  '年收入',
  '员工人数',
  '合同到期日',
  '续约日期',
  '销售负责人',
];

const toSet = (labels: readonly string[]) => new Set(labels.map(normalizeLabel));

/** A person's given and family name fields: together they name the customer (First name + Last name). */
const GIVEN_NAME_LABELS = toSet(['First name', 'Given name', 'First', '名']);
const FAMILY_NAME_LABELS = toSet(['Last name', 'Family name', 'Surname', 'Last', '姓']);

/** Columns that are controls, not data: left out of fields. */
const NOISE_LABELS = ['Actions', 'Action', 'Edit', 'Select', 'Select all', '操作', '选择'];

const NAME_RANK: ReadonlyMap<string, number> = new Map(NAME_LABELS.flatMap((labels, rank) => labels.map((label) => [normalizeLabel(label), rank] as const)));
const IDS = toSet(ID_LABELS);
const EMAILS = toSet(EMAIL_LABELS);
const CRM = toSet(CRM_LABELS);
const NOISE = toSet(NOISE_LABELS);

/** 0 = customer/account/company name, 1 = a bare name, 2 = a contact; undefined = not a name label. */
export const nameRankOf = (label: string): number | undefined => NAME_RANK.get(normalizeLabel(label));
export const isIdLabel = (label: string): boolean => IDS.has(normalizeLabel(label));
export const isEmailLabel = (label: string): boolean => EMAILS.has(normalizeLabel(label));
export const isNoiseLabel = (label: string): boolean => NOISE.has(normalizeLabel(label));
export const isGivenNameLabel = (label: string): boolean => GIVEN_NAME_LABELS.has(normalizeLabel(label));
export const isFamilyNameLabel = (label: string): boolean => FAMILY_NAME_LABELS.has(normalizeLabel(label));

/** Name labels that, on a person's page, name their employer rather than the record ("Company: Cascade Timber" under "Luis Wright"). */
const EMPLOYER = toSet([
  'Company',
  'Company name',
  'Organization',
  'Organisation',
  'Organization name',
  'Organisation name',
  'Account',
  'Account name',
  '公司',
  '公司名称',
  '企业',
  '单位名称',
]);
export const isEmployerLabel = (label: string): boolean => EMPLOYER.has(normalizeLabel(label));

/** A label a customer list or record shows: name, id, email, a product field or another CRM field. */
export function isCustomerLabel(label: string): boolean {
  const key = normalizeLabel(label);
  return NAME_RANK.has(key) || IDS.has(key) || EMAILS.has(key) || CRM.has(key) || productFieldOf(label) !== undefined;
}

/**
 * Section headings of activity lists → the kind of their items; 'mixed' when
 * the section holds several kinds (a timeline) and each item says its own.
 */
const ACTIVITY_HEADINGS: Readonly<Record<ActivityKind | 'mixed', readonly string[]>> = {
  order: [
    'Orders',
    'Order history',
    'Recent orders',
    'Purchases',
    'Purchase history',
    'Sales orders',
    'Renewals',
    'Subscriptions',
    '订单',
    '订单记录',
    '历史订单',
    '购买记录',
    '销售订单',
    '成交记录',
    '续费记录',
  ],
  ticket: [
    'Tickets',
    'Support tickets',
    'Cases',
    'Support cases',
    'Complaints',
    'Service requests',
    '工单',
    '工单记录',
    '服务工单',
    '投诉',
    '投诉记录',
    '售后记录',
  ],
  note: ['Notes', 'Comments', 'Internal notes', '备注', '笔记', '评论'],
  contact: ['Calls', 'Meetings', 'Emails', 'Call log', 'Follow-ups', 'Visits', '跟进记录', '联系记录', '通话记录', '拜访记录', '会议'],
  payment: ['Payments', 'Invoices', 'Billing history', 'Payment history', '付款记录', '回款记录', '发票', '账单', '付款'],
  mixed: [
    'Activity',
    'Activities',
    'Activity timeline',
    'Timeline',
    'Activity history',
    'Past activities',
    'Past activity',
    'History',
    'Recent activity',
    '活动',
    '活动记录',
    '动态',
    '时间线',
    '客户动态',
    '历史记录',
  ],
};
const HEADING_KIND: ReadonlyMap<string, ActivityKind | 'mixed'> = new Map(
  (Object.entries(ACTIVITY_HEADINGS) as [ActivityKind | 'mixed', readonly string[]][]).flatMap(([kind, labels]) =>
    labels.map((label) => [normalizeLabel(label), kind] as const),
  ),
);

/** A count after a heading: "Orders (8)", "订单（8）", "Notes · 3", "Cases 12". */
const COUNT_SUFFIX = /\s*(?:[(（[]\s*\d+\+?\s*[)）\]]|[·•|]\s*\d+|\d+\+?)\s*$/u;

export function headingKindOf(heading: string): ActivityKind | 'mixed' | undefined {
  return HEADING_KIND.get(normalizeLabel(heading.replace(COUNT_SUFFIX, '')));
}

/**
 * An activity's kind from its own words (class names, data attributes, text),
 * first match wins; the order puts specific words before generic ones.
 */
const KIND_WORDS: readonly [ActivityKind, RegExp][] = [
  ['ticket', /\b(ticket|case|complaint|incident|support request)\b|工单|投诉|售后|故障/i],
  ['payment', /\b(payment|invoice|refund|charge|paid|billing)\b|付款|回款|发票|退款|扣款|账单|缴费/i],
  ['order', /\b(order|purchase|renewal|renewed|upgrade|subscription|bought)\b|订单|下单|购买|续费|续约|签约|升级/i],
  ['contact', /\b(call|called|meeting|event|email|emailed|visit|demo|follow-up|task)\b|电话|通话|会议|拜访|邮件|跟进|回访/i],
  ['note', /\b(note|comment)\b|备注|笔记/i],
];

export function kindFromWords(words: string): ActivityKind | undefined {
  for (const [kind, pattern] of KIND_WORDS) if (pattern.test(words)) return kind;
  return undefined;
}

/** Column headers of an activity table → the ActivitySnapshot part they fill. */
const ACTIVITY_COLUMNS = {
  date: [
    'Date',
    'Order date',
    'Created',
    'Created on',
    'Date created',
    'Opened',
    'Date opened',
    'Invoice date',
    'Payment date',
    'Time',
    'Due date',
    '日期',
    '下单日期',
    '下单时间',
    '创建时间',
    '创建日期',
    '时间',
    '跟进时间',
    '提交时间',
    '付款日期',
    '开票日期',
  ],
  amount: [
    'Amount',
    'Total',
    'Order total',
    'Value',
    'Price',
    'Grand total',
    'Amount paid',
    '金额',
    '订单金额',
    '总额',
    '总金额',
    '实付金额',
    '付款金额',
    '回款金额',
  ],
  status: ['Status', 'State', 'Stage', '状态', '订单状态', '工单状态', '处理状态'],
  id: [
    'Order #',
    'Order number',
    'Order no',
    'Order ID',
    'Ticket #',
    'Ticket ID',
    'Ticket number',
    'Case number',
    'Case #',
    'Invoice #',
    'Invoice number',
    'Number',
    'Reference',
    '订单号',
    '订单编号',
    '工单号',
    '工单编号',
    '发票号',
  ],
  quantity: ['Qty', 'Quantity', 'Units', 'Seats', '数量', '件数', '席位数'],
  text: [
    'Subject',
    'Title',
    'Description',
    'Product',
    'Products',
    'Item',
    'Items',
    'Summary',
    'Note',
    'Content',
    'Plan',
    '主题',
    '标题',
    '描述',
    '内容',
    '产品',
    '商品',
    '摘要',
    '套餐',
  ],
  kind: ['Type', 'Activity type', 'Kind', '类型', '活动类型'],
} as const satisfies Record<string, readonly string[]>;
export type ActivityColumn = keyof typeof ACTIVITY_COLUMNS;
const ACTIVITY_COLUMN: ReadonlyMap<string, ActivityColumn> = new Map(
  (Object.entries(ACTIVITY_COLUMNS) as [ActivityColumn, readonly string[]][]).flatMap(([part, labels]) =>
    labels.map((label) => [normalizeLabel(label), part] as const),
  ),
);

export const activityColumnOf = (label: string): ActivityColumn | undefined => ACTIVITY_COLUMN.get(normalizeLabel(label));
