import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { MetricTile } from '@/components/MetricTile';
import type { DataSummary } from '@/lib/privacy/privacy-commands';
import { formatBytes } from '@/lib/privacy/storage-summary';
import { SITE_TABLES } from '@/lib/privacy/tables';
import { siteLabel, tableLabel } from './table-names';
import { DataTable, dataRowClass } from '@/components/DataTable';

const HISTORY_TABLES = new Set(['observationBatches', 'scores', 'indicators', 'activities']);

/** navigator.storage.estimate(): what the browser counts against this extension (all its storage). */
function useDiskEstimate(version: unknown) {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    navigator.storage
      ?.estimate()
      .then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }))
      .catch(() => setEstimate(null));
  }, [version]);
  return estimate;
}

/** What is stored: counts per table and per site, size on disk. */
export function StoredDataSection({ summary }: { summary: DataSummary }) {
  const locale = uiLocale();
  const disk = useDiskEstimate(summary);
  const n = (value: number) => value.toLocaleString(locale);
  const count = (table: string) => summary.tables.find((t) => t.table === table)?.rows ?? 0;
  const history = summary.tables.filter((t) => HISTORY_TABLES.has(t.table)).reduce((sum, t) => sum + t.rows, 0);
  const estimated = summary.tables.reduce((sum, t) => sum + t.estimatedBytes, 0);
  const siteColumns = SITE_TABLES.filter((table) => summary.sites.some((s) => s.tables[table]));
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <MetricTile
          label={i18n.t('privacy.stored.customers')}
          value={n(count('customers'))}
          hint={i18n.t('privacy.stored.sitesHint', [n(summary.sites.length)])}
        />
        <MetricTile label={i18n.t('privacy.stored.history')} value={n(history)} hint={i18n.t('privacy.stored.historyHint', [n(summary.retentionDays)])} />
        <MetricTile
          label={i18n.t('privacy.stored.disk')}
          value={disk ? formatBytes(disk.usage, locale) : '—'}
          hint={disk?.quota ? i18n.t('privacy.stored.diskHint', [formatBytes(disk.quota, locale)]) : i18n.t('privacy.stored.diskUnknown')}
        />
        <MetricTile label={i18n.t('privacy.stored.settings')} value={n(summary.settings.keys)} hint={formatBytes(summary.settings.bytes, locale)} />
      </dl>
      <Card title={i18n.t('privacy.stored.tablesTitle')} subtitle={i18n.t('privacy.stored.estimateNote')} level={3}>
        <DataTable
          caption={i18n.t('privacy.stored.tablesTitle')}
          columns={[
            { label: i18n.t('privacy.stored.table') },
            { label: i18n.t('privacy.stored.rows'), align: 'right' },
            { label: i18n.t('privacy.stored.size'), align: 'right' },
          ]}
          footer={
            <tfoot>
              <tr className="border-t border-slate-300 font-medium">
                <th scope="row" className="py-1.5 pr-3 text-left">
                  {i18n.t('privacy.stored.total')}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(summary.tables.reduce((sum, t) => sum + t.rows, 0))}</td>
                <td className="py-1.5 text-right tabular-nums">{estimated ? `≈ ${formatBytes(estimated, locale)}` : '—'}</td>
              </tr>
            </tfoot>
          }
        >
          {summary.tables.map((row) => (
            <tr key={row.table} data-table={row.table} className={dataRowClass}>
              <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                {tableLabel(row.table)}
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums" data-rows>
                {n(row.rows)}
              </td>
              <td className="py-1.5 text-right text-slate-600 tabular-nums">{row.rows ? `≈ ${formatBytes(row.estimatedBytes, locale)}` : '—'}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title={i18n.t('privacy.stored.sitesTitle')} level={3}>
        {summary.sites.length === 0 ? (
          <p className="text-sm text-slate-500">{i18n.t('privacy.stored.noSites')}</p>
        ) : (
          <DataTable
            caption={i18n.t('privacy.stored.sitesTitle')}
            columns={[
              { label: i18n.t('privacy.stored.site') },
              ...siteColumns.map((table) => ({ key: table, label: tableLabel(table), align: 'right' as const })),
              { key: 'total', label: i18n.t('privacy.stored.total'), align: 'right' },
            ]}
          >
            {summary.sites.map((site) => (
              <tr key={site.site} data-site={site.site} className={dataRowClass}>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800" title={site.site}>
                  {siteLabel(site.site)}
                </th>
                {siteColumns.map((table) => (
                  <td key={table} className="py-1.5 pr-3 text-right tabular-nums">
                    {n(site.tables[table] ?? 0)}
                  </td>
                ))}
                <td className="py-1.5 text-right font-medium tabular-nums">{n(site.total)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
