import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger, formatPercent } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { CsvError, parseCsv, type CsvRowError } from '@/lib/data/csv';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { RawRow } from '@/lib/model/types';
import {
  FEATURE_TYPES,
  guessPositive,
  initialMapping,
  labelColumn,
  labelLevels,
  mappingProblems,
  profileColumns,
  withRole,
  type ColumnMapping,
  type ColumnProfile,
} from '@/lib/training/column-mapping';
import { findLeakage, type LabelDate, type LeakageWarning } from '@/lib/training/leakage';
import { OBSERVED_LABEL } from '@/lib/training/observed';
import { LeakageList } from './LeakageList';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { Notice, Select, buttonClass, readFileText } from './ui';
import type { PreparedData } from './workspace';

interface LoadedTable {
  source: string;
  origin: 'file' | 'observed';
  columns: string[];
  rows: RawRow[];
  rowErrors: CsvRowError[];
  delimiter: string | null;
  profiles: ColumnProfile[];
  observed?: { customers: number; unlabelled: number; sites: string[] };
}

type LoadState = { status: 'empty' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; table: LoadedTable };

/** Import training data: a CRM export (CSV) or the customers the extension has seen; preview, column roles, leakage. */
export function DataSection({ onChange }: { onChange: (data: PreparedData | null) => void }) {
  const [state, setState] = useState<LoadState>({ status: 'empty' });
  const inputId = useId();

  async function loadFile(file: File) {
    setState({ status: 'loading' });
    try {
      const table = parseCsv(await readFileText(file, 'trainingCsv'));
      if (table.rows.length === 0) throw new CsvError(i18n.t('options.data.noRows'));
      setState({
        status: 'ready',
        table: {
          source: file.name,
          origin: 'file',
          columns: table.columns,
          rows: table.rows,
          rowErrors: table.errors,
          delimiter: table.delimiter,
          profiles: profileColumns(table.rows, table.columns),
        },
      });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function loadObserved() {
    setState({ status: 'loading' });
    try {
      const view = await sendMessage('getTrainingRows', {});
      if (view.rows.length === 0) {
        setState({ status: 'error', message: i18n.t('options.data.observedEmpty', [formatInteger(view.customers, uiLocale())]) });
        return;
      }
      setState({
        status: 'ready',
        table: {
          source: i18n.t('options.data.observedSource'),
          origin: 'observed',
          columns: view.columns,
          rows: view.rows,
          rowErrors: [],
          delimiter: null,
          profiles: profileColumns(view.rows, view.columns),
          observed: { customers: view.customers, unlabelled: view.unlabelled, sites: view.sites },
        },
      });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  useEffect(() => {
    if (state.status !== 'ready') onChange(null);
  }, [state.status, onChange]);

  return (
    <div className="space-y-4">
      <Card>
        <p className="mb-3 text-sm text-slate-600">{i18n.t('options.data.intro')}</p>
        <div className="flex flex-wrap items-center gap-2">
          <label
            htmlFor={inputId}
            className={`${buttonClass('primary')} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600`}
          >
            {i18n.t('options.data.upload')}
            <input
              id={inputId}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
              className="sr-only"
              data-testid="training-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void loadFile(file);
                event.target.value = '';
              }}
            />
          </label>
          <button type="button" className={buttonClass('secondary')} onClick={() => void loadObserved()}>
            {i18n.t('options.data.useObserved')}
          </button>
          <span className="text-xs text-slate-500">{i18n.t('options.data.formats')}</span>
        </div>
      </Card>
      {state.status === 'loading' && <DataSkeleton />}
      {state.status === 'error' && (
        <Notice tone="error" title={i18n.t('options.data.errorTitle')}>
          {state.message}
        </Notice>
      )}
      {state.status === 'ready' && <LoadedData key={`${state.table.source}:${state.table.rows.length}`} table={state.table} onChange={onChange} />}
    </div>
  );
}

function LoadedData({ table, onChange }: { table: LoadedTable; onChange: (data: PreparedData | null) => void }) {
  const locale = uiLocale();
  const [mapping, setMapping] = useState<ColumnMapping[]>(() => initialMapping(table.profiles, table.origin === 'observed' ? OBSERVED_LABEL : undefined));
  const label = labelColumn(mapping);
  const levels = useMemo(() => (label ? labelLevels(table.rows, label) : []), [table.rows, label]);
  const [positiveChoice, setPositiveChoice] = useState<Record<string, string>>({});
  const positive = label ? (positiveChoice[label] ?? guessPositive(levels)) : null;
  const [labelDate, setLabelDate] = useState<{ mode: 'none' | 'column' | 'fixed'; column?: string; fixed?: string }>({ mode: 'none' });
  /** Flagged columns the manager chose to keep as inputs anyway. */
  const [keptAnyway, setKeptAnyway] = useState<ReadonlySet<string>>(new Set());

  const labelDateOption: LabelDate | undefined =
    labelDate.mode === 'column' && labelDate.column
      ? { column: labelDate.column }
      : labelDate.mode === 'fixed' && labelDate.fixed
        ? { fixed: Date.parse(`${labelDate.fixed}T00:00:00Z`) }
        : undefined;

  const warnings: LeakageWarning[] = useMemo(
    () => (label && positive ? findLeakage({ rows: table.rows, mapping, label, positive, ...(labelDateOption ? { labelDate: labelDateOption } : {}) }) : []),
    // labelDateOption is derived from labelDate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [table.rows, mapping, label, positive, labelDate.mode, labelDate.column, labelDate.fixed],
  );
  const dropped = useMemo(() => new Set(warnings.map((w) => w.column).filter((c) => !keptAnyway.has(c))), [warnings, keptAnyway]);
  const effective = useMemo(() => mapping.map((m) => (dropped.has(m.name) ? { ...m, role: 'ignore' as const } : m)), [mapping, dropped]);
  const problems = mappingProblems(effective, levels, positive);
  const features = effective.filter((m) => m.role === 'feature' && FEATURE_TYPES.includes(m.type)).length;
  const labelled = levels.reduce((s, l) => s + l.count, 0);
  const positives = levels.find((l) => l.value === positive)?.count ?? 0;

  useEffect(() => {
    if (problems.length > 0 || !label || !positive) {
      onChange(null);
      return;
    }
    onChange({
      source: table.source,
      origin: table.origin,
      sites: table.observed?.sites ?? [],
      rows: table.rows,
      columns: table.columns,
      label,
      positive,
      mapping: effective,
      labelledRows: labelled,
      positives,
      features,
    });
  }, [effective, label, positive, problems.length, labelled, positives, features, table, onChange]);

  const dateColumns = table.profiles.filter((p) => p.inferredType === 'date').map((p) => p.name);

  return (
    <>
      <Card
        level={3}
        title={table.source}
        subtitle={i18n.t('options.data.summary', [formatInteger(table.rows.length, locale), formatInteger(table.columns.length, locale)])}
        actions={
          table.delimiter ? <span className="text-xs text-slate-500">{i18n.t('options.data.delimiter', [delimiterName(table.delimiter)])}</span> : undefined
        }
      >
        {table.observed && (
          <p className="mb-3 text-xs text-slate-600">
            {i18n.t('options.data.observedSummary', [formatInteger(table.observed.customers, locale), formatInteger(table.observed.unlabelled, locale)])}
          </p>
        )}
        {table.rowErrors.length > 0 && (
          <div className="mb-3">
            <Notice tone="warning" title={i18n.t('options.data.rowErrors', [formatInteger(table.rowErrors.length, locale)])}>
              <ul className="list-disc pl-4">
                {table.rowErrors.slice(0, 3).map((e) => (
                  <li key={e.row}>{e.message}</li>
                ))}
              </ul>
            </Notice>
          </div>
        )}
        <PreviewTable columns={table.columns} rows={table.rows.slice(0, 6)} caption={i18n.t('options.data.preview')} />
      </Card>

      <Card level={3} title={i18n.t('options.data.labelTitle')} subtitle={i18n.t('options.data.labelHint')}>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={i18n.t('options.data.labelColumn')}>
            <Select
              value={label ?? ''}
              aria-label={i18n.t('options.data.labelColumn')}
              onChange={(e) => setMapping((m) => withRole(m, e.target.value, 'label'))}
            >
              {!label && <option value="">{i18n.t('options.data.choose')}</option>}
              {table.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={i18n.t('options.data.positive')}>
            <Select
              value={positive ?? ''}
              disabled={!label}
              aria-label={i18n.t('options.data.positive')}
              onChange={(e) => label && setPositiveChoice((p) => ({ ...p, [label]: e.target.value }))}
            >
              {positive === null && <option value="">{i18n.t('options.data.choose')}</option>}
              {levels.slice(0, 50).map((l) => (
                <option key={l.value} value={l.value}>
                  {i18n.t('options.data.levelCount', [l.value, formatInteger(l.count, locale)])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={i18n.t('options.data.labelDate')}>
            <div className="flex gap-2">
              <Select
                value={labelDate.mode === 'column' ? `column:${labelDate.column ?? ''}` : labelDate.mode}
                aria-label={i18n.t('options.data.labelDate')}
                onChange={(e) => {
                  const v = e.target.value;
                  if (v.startsWith('column:')) setLabelDate({ mode: 'column', column: v.slice(7) });
                  else setLabelDate({ mode: v as 'none' | 'fixed', fixed: labelDate.fixed });
                }}
              >
                <option value="none">{i18n.t('options.data.labelDateNone')}</option>
                <option value="fixed">{i18n.t('options.data.labelDateFixed')}</option>
                {dateColumns.map((c) => (
                  <option key={c} value={`column:${c}`}>
                    {i18n.t('options.data.labelDateColumn', [c])}
                  </option>
                ))}
              </Select>
              {labelDate.mode === 'fixed' && (
                <input
                  type="date"
                  aria-label={i18n.t('options.data.labelDateFixed')}
                  value={labelDate.fixed ?? ''}
                  onChange={(e) => setLabelDate({ mode: 'fixed', fixed: e.target.value })}
                  className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                />
              )}
            </div>
          </Field>
        </div>
        {label && labelled > 0 && (
          <p className="mt-3 text-xs text-slate-600">
            {i18n.t('options.data.labelStats', [
              formatInteger(labelled, locale),
              formatInteger(positives, locale),
              formatPercent(positives / labelled, locale, 1),
            ])}
          </p>
        )}
      </Card>

      <LeakageList
        warnings={warnings}
        keptAnyway={keptAnyway}
        labelDateSet={!!labelDateOption}
        onToggle={(column) =>
          setKeptAnyway((kept) => {
            const next = new Set(kept);
            if (next.has(column)) next.delete(column);
            else next.add(column);
            return next;
          })
        }
      />

      <Card level={3} title={i18n.t('options.data.mappingTitle')} subtitle={i18n.t('options.data.mappingHint')}>
        <MappingTable profiles={table.profiles} mapping={mapping} dropped={dropped} onChange={setMapping} />
      </Card>

      {problems.length > 0 ? (
        <Notice tone="warning" title={i18n.t('options.data.notReady')}>
          <ul className="list-disc pl-4">
            {problems.map((p) => (
              <li key={p}>{i18n.t(`options.data.problem.${PROBLEM_KEYS[p]}`)}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <Notice tone="success" title={i18n.t('options.data.ready', [formatInteger(labelled, locale), formatInteger(features, locale)])} />
      )}
    </>
  );
}

const PROBLEM_KEYS = { 'no-label': 'noLabel', 'label-one-value': 'labelOneValue', 'no-positive': 'noPositive', 'no-features': 'noFeatures' } as const;

function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? i18n.t('options.data.tab') : delimiter === ';' ? i18n.t('options.data.semicolon') : i18n.t('options.data.comma');
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-medium text-slate-500">{label}</span>
      {children}
    </div>
  );
}

function DataSkeleton() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" role="status" aria-label={i18n.t('common.loading')}>
      <Skeleton className="h-4 w-48" />
      <Skeleton className="mt-2 h-3 w-64" />
      <div className="mt-4 space-y-2">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} className="h-6 w-full" />
        ))}
      </div>
    </div>
  );
}
