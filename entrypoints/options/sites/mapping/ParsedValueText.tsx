import { i18n } from '#i18n';
import { formatDate } from '@/components/format';
import type { ParsedValue } from '@/lib/mapping/parsed-value';

/** How the product reads a sample, in the UI's language ("1,480", "Mar 5, 2024", "24 months", "yes"). */
export function ParsedValueText({ value, locale }: { value: ParsedValue | null; locale: string }) {
  if (!value) return <span className="text-slate-500">{i18n.t('mapping.noSample')}</span>;
  switch (value.kind) {
    case 'number':
      return (
        <span className="tabular-nums">
          {new Intl.NumberFormat(locale, value.percent ? { style: 'percent', maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }).format(value.value)}
        </span>
      );
    case 'date':
      return <span>{formatDate(value.value, locale, 'UTC')}</span>;
    case 'months':
      return <span>{i18n.t('mapping.months', [new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value.value)])}</span>;
    case 'yesno':
      return <span>{value.value ? i18n.t('mapping.yes') : i18n.t('mapping.no')}</span>;
    case 'text':
      return <span>{value.value}</span>;
    case 'unreadable':
      return (
        <span className="text-amber-700" title={value.reason}>
          {i18n.t('mapping.unreadable')}
        </span>
      );
  }
}
