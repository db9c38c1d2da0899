/**
 * Display-ready views of a customer for one locale: the list row and the
 * detail page. The JSON API sends these; the client renders them as text.
 * The hidden Churn label never appears here — only Status, which reveals it
 * for known-history customers alone.
 */
import type { Customer } from './customers';
import {
  DETAIL_FIELDS,
  FIELD_LABELS,
  formatMoney,
  formatTenure,
  LIST_FIELDS,
  segmentLabel,
  seniorCitizen,
  statusLabel,
  yesNo,
  type DetailField,
  type ListField,
  type Locale,
} from './i18n';
import { customerName, ownerName } from './names';
import { activityTimeline, type ActivityItem } from './timeline';

export interface ListRow {
  id: string;
  /** For styling only (Active for every current customer: the label stays hidden). */
  status: Customer['status'];
  /** Text of each cell, keyed by its data-field. */
  cells: Record<ListField, string>;
}

export interface DetailFieldView {
  key: DetailField;
  label: string;
  value: string;
}

export interface CustomerDetail {
  id: string;
  name: string;
  status: Customer['status'];
  fields: DetailFieldView[];
  activity: ActivityItem[];
}

/** Data-set columns whose values are Yes/No (plus "No … service" levels kept in English). */
const YES_NO_FIELDS = new Set<string>([
  'Partner',
  'Dependents',
  'PhoneService',
  'MultipleLines',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
  'PaperlessBilling',
]);

/** The list's Plan column: InternetService, with "No" shown as "Phone only". */
export function planLabel(internetService: string, locale: Locale): string {
  if (internetService === 'No') return locale === 'zh' ? '仅电话' : 'Phone only';
  return internetService;
}

/** The displayed text of one field (detail page formats). */
export function fieldText(customer: Customer, key: DetailField | 'name', locale: Locale): string {
  const row = customer.row;
  switch (key) {
    case 'name':
      return customerName(customer.id, row.gender, locale);
    case 'customerID':
      return customer.id;
    case 'Status':
      return statusLabel(customer.status, locale);
    case 'segment':
      return segmentLabel(customer.segment, locale);
    case 'owner':
      return ownerName(customer.owner, locale);
    case 'SeniorCitizen':
      return seniorCitizen(row.SeniorCitizen, locale);
    case 'tenure':
      return formatTenure(customer.tenure, locale);
    case 'MonthlyCharges':
      return formatMoney(customer.monthlyCharges);
    case 'TotalCharges':
      return customer.totalCharges === null ? '—' : formatMoney(customer.totalCharges);
    default:
      return YES_NO_FIELDS.has(key) ? yesNo(row[key], locale) : row[key];
  }
}

export function listRow(customer: Customer, locale: Locale): ListRow {
  const cells = {} as Record<ListField, string>;
  for (const field of LIST_FIELDS) {
    cells[field] = field === 'InternetService' ? planLabel(customer.row.InternetService, locale) : fieldText(customer, field, locale);
  }
  return { id: customer.id, status: customer.status, cells };
}

export function customerDetail(customer: Customer, locale: Locale): CustomerDetail {
  return {
    id: customer.id,
    name: fieldText(customer, 'name', locale),
    status: customer.status,
    fields: DETAIL_FIELDS.map((key) => ({ key, label: FIELD_LABELS[locale][key], value: fieldText(customer, key, locale) })),
    activity: activityTimeline(customer, locale),
  };
}
