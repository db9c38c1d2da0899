/**
 * Locales of the demo CRM: UI chrome strings, field labels and the display
 * formats of values. Shared by the server (which sends display-ready values)
 * and the browser client (which renders the chrome).
 *
 * Rule (like many CRMs' picklists): Yes/No values, Status and segment are
 * translated; every other enum value (gender, Contract, PaymentMethod,
 * InternetService, "No internet service", "No phone service", …) is shown as
 * stored, in English, in both locales.
 */
import type { Segment, Status } from './customers';

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function parseLocale(value: string | null | undefined): Locale | null {
  if (value === 'en' || value === 'zh') return value;
  return null;
}

/** The HTML lang attribute for a locale. */
export const HTML_LANG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** The list page's columns, in order; each is also the cell's data-field and the sort key. */
export const LIST_FIELDS = ['name', 'segment', 'InternetService', 'Contract', 'MonthlyCharges', 'tenure', 'Status', 'owner'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Fields on the detail page's label → value list, in order (the name is the heading). */
export const DETAIL_FIELDS = [
  'customerID',
  'Status',
  'segment',
  'owner',
  'gender',
  'SeniorCitizen',
  'Partner',
  'Dependents',
  'tenure',
  'Contract',
  'PaperlessBilling',
  'PaymentMethod',
  'MonthlyCharges',
  'TotalCharges',
  'PhoneService',
  'MultipleLines',
  'InternetService',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export const LIST_HEADERS: Record<Locale, Record<ListField, string>> = {
  en: {
    name: 'Name',
    segment: 'Segment',
    InternetService: 'Plan',
    Contract: 'Contract',
    MonthlyCharges: 'Monthly fee',
    tenure: 'Tenure',
    Status: 'Status',
    owner: 'Owner',
  },
  zh: {
    name: '姓名',
    segment: '客户群',
    InternetService: '套餐',
    Contract: '合同',
    MonthlyCharges: '月费',
    tenure: '在网时长',
    Status: '状态',
    owner: '负责人',
  },
};

export const FIELD_LABELS: Record<Locale, Record<DetailField, string>> = {
  en: {
    customerID: 'Customer ID',
    Status: 'Status',
    segment: 'Segment',
    owner: 'Owner',
    gender: 'Gender',
    SeniorCitizen: 'Senior citizen',
    Partner: 'Partner',
    Dependents: 'Dependents',
    tenure: 'Tenure',
    Contract: 'Contract',
    PaperlessBilling: 'Paperless billing',
    PaymentMethod: 'Payment method',
    MonthlyCharges: 'Monthly fee',
    TotalCharges: 'Total charges',
    PhoneService: 'Phone service',
    MultipleLines: 'Multiple lines',
    InternetService: 'Internet service',
    OnlineSecurity: 'Online security',
    OnlineBackup: 'Online backup',
    DeviceProtection: 'Device protection',
    TechSupport: 'Tech support',
    StreamingTV: 'Streaming TV',
    StreamingMovies: 'Streaming movies',
  },
  zh: {
    customerID: '客户编号',
    Status: '状态',
    segment: '客户群',
    owner: '负责人',
    gender: '性别',
    SeniorCitizen: '老年客户',
    Partner: '有伴侣',
    Dependents: '有家属',
    tenure: '在网时长',
    Contract: '合同',
    PaperlessBilling: '电子账单',
    PaymentMethod: '付款方式',
    MonthlyCharges: '月费',
    TotalCharges: '累计费用',
    PhoneService: '电话服务',
    MultipleLines: '多线路',
    InternetService: '互联网服务',
    OnlineSecurity: '网络安全',
    OnlineBackup: '在线备份',
    DeviceProtection: '设备保护',
    TechSupport: '技术支持',
    StreamingTV: '流媒体电视',
    StreamingMovies: '流媒体电影',
  },
};

/** Timeline item types as the CRM names them (the extension maps call/meeting to its 'contact'). */
export type ActivityType = 'order' | 'ticket' | 'note' | 'payment' | 'call' | 'meeting';
export const ACTIVITY_TYPES: readonly ActivityType[] = ['order', 'ticket', 'note', 'payment', 'call', 'meeting'];

/** Statuses the timeline shows on tickets and payments. */
export type ActivityStatus = 'open' | 'resolved' | 'received' | 'returned';

export interface UiStrings {
  appName: string;
  navCustomers: string;
  navShoppers: string;
  navLabel: string;
  language: string;
  customersTitle: string;
  searchPlaceholder: string;
  searchLabel: string;
  pageSize: string;
  perPage: (n: number) => string;
  exportCsv: string;
  exportTitle: string;
  total: (n: number) => string;
  showing: (from: number, to: number, total: number) => string;
  pageOf: (page: number, pages: number) => string;
  first: string;
  previous: string;
  next: string;
  last: string;
  pagination: string;
  loading: string;
  noMatches: string;
  loadFailed: string;
  backToList: string;
  details: string;
  activity: string;
  noActivity: string;
  notFoundTitle: string;
  notFoundText: (id: string) => string;
  pageNotFoundTitle: string;
  activityTypes: Record<ActivityType, string>;
  activityStatuses: Record<ActivityStatus, string>;
  sortBy: (column: string) => string;
}

const nf = new Intl.NumberFormat('en-US');

export const UI: Record<Locale, UiStrings> = {
  en: {
    appName: 'Acme CRM',
    navCustomers: 'Customers',
    navShoppers: 'Shoppers',
    navLabel: 'Main',
    language: 'Language',
    customersTitle: 'Customers',
    searchPlaceholder: 'Search by name or ID',
    searchLabel: 'Search customers',
    pageSize: 'Rows per page',
    perPage: (n) => `${n} per page`,
    exportCsv: 'Export CSV',
    exportTitle: 'Download the customer history (customers with a known outcome) as CSV',
    total: (n) => `${nf.format(n)} ${n === 1 ? 'customer' : 'customers'}`,
    showing: (from, to, total) => `Showing ${nf.format(from)}–${nf.format(to)} of ${nf.format(total)}`,
    pageOf: (page, pages) => `Page ${nf.format(page)} of ${nf.format(pages)}`,
    first: 'First',
    previous: 'Previous',
    next: 'Next',
    last: 'Last',
    pagination: 'Pagination',
    loading: 'Loading…',
    noMatches: 'No customers match your search.',
    loadFailed: 'Could not load data. Please retry.',
    backToList: '← Back to customers',
    details: 'Details',
    activity: 'Activity',
    noActivity: 'No activity yet.',
    notFoundTitle: 'Customer not found',
    notFoundText: (id) => `There is no customer with ID “${id}”.`,
    pageNotFoundTitle: 'Page not found',
    activityTypes: { order: 'Order', ticket: 'Ticket', note: 'Note', payment: 'Payment', call: 'Call', meeting: 'Meeting' },
    activityStatuses: { open: 'Open', resolved: 'Resolved', received: 'Received', returned: 'Returned' },
    sortBy: (column) => `Sort by ${column}`,
  },
  zh: {
    appName: '艾克美 CRM',
    navCustomers: '客户',
    navShoppers: '顾客',
    navLabel: '主导航',
    language: '语言',
    customersTitle: '客户',
    searchPlaceholder: '按姓名或编号搜索',
    searchLabel: '搜索客户',
    pageSize: '每页行数',
    perPage: (n) => `每页 ${n} 条`,
    exportCsv: '导出 CSV',
    exportTitle: '将客户历史（已知结果的客户）下载为 CSV',
    total: (n) => `共 ${nf.format(n)} 位客户`,
    showing: (from, to, total) => `第 ${nf.format(from)}–${nf.format(to)} 条，共 ${nf.format(total)} 条`,
    pageOf: (page, pages) => `第 ${nf.format(page)} / ${nf.format(pages)} 页`,
    first: '首页',
    previous: '上一页',
    next: '下一页',
    last: '末页',
    pagination: '分页',
    loading: '加载中…',
    noMatches: '没有符合搜索条件的客户。',
    loadFailed: '数据加载失败，请重试。',
    backToList: '← 返回客户列表',
    details: '客户信息',
    activity: '活动记录',
    noActivity: '暂无活动记录。',
    notFoundTitle: '未找到客户',
    notFoundText: (id) => `不存在编号为“${id}”的客户。`,
    pageNotFoundTitle: '页面不存在',
    activityTypes: { order: '订单', ticket: '工单', note: '备注', payment: '付款', call: '通话', meeting: '会议' },
    activityStatuses: { open: '处理中', resolved: '已解决', received: '已到账', returned: '已退回' },
    sortBy: (column) => `按${column}排序`,
  },
};

const SEGMENT_LABELS: Record<Locale, Record<Segment, string>> = {
  en: { Senior: 'Senior', Family: 'Family', Couple: 'Couple', Individual: 'Individual' },
  zh: { Senior: '老年', Family: '家庭', Couple: '伴侣', Individual: '个人' },
};

const STATUS_LABELS: Record<Locale, Record<Status, string>> = {
  en: { Active: 'Active', Churned: 'Churned' },
  zh: { Active: '活跃', Churned: '已流失' },
};

export function segmentLabel(segment: Segment, locale: Locale): string {
  return SEGMENT_LABELS[locale][segment];
}

export function statusLabel(status: Status, locale: Locale): string {
  return STATUS_LABELS[locale][status];
}

/** "Yes"/"No" → 是/否 in Chinese; any other value (e.g. "No internet service") as stored. */
export function yesNo(value: string, locale: Locale): string {
  if (locale === 'zh') {
    if (value === 'Yes') return '是';
    if (value === 'No') return '否';
  }
  return value;
}

/** SeniorCitizen 0/1 shown as No/Yes (否/是). */
export function seniorCitizen(value: string, locale: Locale): string {
  return yesNo(value === '1' ? 'Yes' : 'No', locale);
}

/** "$29.85", "$1,889.50" in both locales. */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.');
  return `${sign}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** "1 month", "34 months", "0 months"; zh "34 个月". */
export function formatTenure(months: number, locale: Locale): string {
  if (locale === 'zh') return `${months} 个月`;
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date (YYYY-MM-DD) for display: "May 2, 2024" / "2024年5月2日". */
export function formatDate(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (locale === 'zh') return `${year}年${month}月${day}日`;
  return `${EN_MONTHS[month - 1] ?? '?'} ${day}, ${year}`;
}

/** The CRM's data date, as the page header shows it: "Data as of 30 Sep 1997" / "数据截至 1997年9月30日". */
export function formatDataAsOf(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  if (locale === 'zh') return `数据截至 ${formatDate(iso, 'zh')}`;
  return `Data as of ${Number(match[3])} ${EN_MONTHS[Number(match[2]) - 1] ?? '?'} ${match[1]}`;
}
