import { i18n } from '#i18n';
import { useState } from 'react';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { DataSummary } from '@/lib/privacy/privacy-commands';
import { csvZipParts } from '@/lib/privacy/csv-zip';
import { exportFileName, exportFileParts } from '@/lib/privacy/export-file';
import { tablePages, type ExportProgress } from '@/lib/privacy/export-pages';
import { errorText, primaryButton, saveBlob, secondaryButton } from './table-names';
import { tableLabel } from './table-names';

type Format = 'json' | 'csv';
type State =
  | { status: 'idle' }
  | { status: 'running'; format: Format; progress: ExportProgress | null }
  | { status: 'done'; format: Format; rows: number; fileName: string }
  | { status: 'error'; message: string };

/** Export everything: one JSON file (importable) or a zip of CSVs (one per table), read from the background a page at a time. */
export function ExportSection({ summary }: { summary: DataSummary }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const locale = uiLocale();

  async function run(format: Format) {
    setState({ status: 'running', format, progress: null });
    try {
      const { settings, dbVersion } = await sendMessage('exportSettings', {});
      const totals = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
      let rows = 0;
      const pages = tablePages(
        (table, after, limit) => sendMessage('exportTablePage', { table, after, limit }),
        totals,
        (progress) => {
          rows = progress.done;
          setState({ status: 'running', format, progress });
        },
      );
      const base = exportFileName(new Date());
      let blob: Blob;
      if (format === 'json') {
        const parts: string[] = [];
        for await (const part of exportFileParts({ exportedAt: new Date().toISOString(), dbVersion }, settings, pages)) parts.push(part);
        blob = new Blob(parts, { type: 'application/json' });
      } else {
        blob = new Blob(await csvZipParts(pages, settings), { type: 'application/zip' });
      }
      const fileName = `${base}.${format === 'json' ? 'json' : 'zip'}`;
      saveBlob(blob, fileName);
      setState({ status: 'done', format, rows, fileName });
    } catch (error) {
      setState({ status: 'error', message: errorText(error) });
    }
  }

  const running = state.status === 'running';
  const progress = state.status === 'running' ? state.progress : null;
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Card>
      <p className="text-sm text-slate-600">{i18n.t('privacy.export.intro')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={primaryButton} disabled={running} onClick={() => void run('json')}>
          {i18n.t('privacy.export.json')}
        </button>
        <button type="button" className={secondaryButton} disabled={running} onClick={() => void run('csv')}>
          {i18n.t('privacy.export.csv')}
        </button>
      </div>
      {running && (
        <div className="mt-3" role="status">
          <div className="flex justify-between text-xs text-slate-600">
            <span>{progress ? i18n.t('privacy.export.reading', [tableLabel(progress.table)]) : i18n.t('privacy.export.starting')}</span>
            <span className="tabular-nums">{progress ? `${progress.done.toLocaleString(locale)} / ${progress.total.toLocaleString(locale)}` : ''}</span>
          </div>
          <progress className="mt-1 h-2 w-full accent-sky-600" max={100} value={percent} aria-label={i18n.t('privacy.export.progress')} />
        </div>
      )}
      {state.status === 'done' && (
        <p role="status" className="mt-3 text-sm text-emerald-800">
          {i18n.t('privacy.export.done', [state.rows.toLocaleString(locale), state.fileName])}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {i18n.t('privacy.export.failed', [state.message])}
        </p>
      )}
    </Card>
  );
}
