import { useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { mergeResultsFiles, parseResultsFile, type MergedResults } from '@/lib/experiments/results-file';
import { experimentResult, tallyArms } from '@/lib/experiments/results';
import { Notice, readFileText } from '../ui';
import { ResultTable } from './ResultTable';

/**
 * The team's result: several agents' results files merged in this page
 * (nothing is stored), each customer counted once by key. A bad file is
 * refused whole, by name, and the others are not merged without it.
 */
export function TeamMerge({ locale }: { locale: string }) {
  const [merged, setMerged] = useState<MergedResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (files: FileList | null) => {
    setError(null);
    setMerged(null);
    if (!files?.length) return;
    try {
      const parsed = [];
      for (const file of Array.from(files))
        parsed.push({ fileName: file.name, file: parseResultsFile(await readFileText(file, 'experimentResults'), file.name) });
      setMerged(mergeResultsFiles(parsed));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const n = (x: number) => new Intl.NumberFormat(locale).format(x);
  return (
    <Card title={i18n.t('experiments.team.title')} subtitle={i18n.t('experiments.team.intro')}>
      <label className="flex flex-col gap-1 text-xs text-slate-700">
        {i18n.t('experiments.team.choose')}
        <input type="file" multiple accept=".json,application/json" data-team-files onChange={(e) => void choose(e.target.files)} className="text-sm" />
      </label>
      {error && (
        <div className="mt-3">
          <Notice tone="error" title={i18n.t('experiments.team.refused')}>
            {error}
          </Notice>
        </div>
      )}
      {merged && (
        <div className="mt-3 space-y-3" data-team-result>
          <p className="text-sm text-slate-800">
            {i18n.t('experiments.team.summary', [merged.experiment.name, n(merged.files.length), n(merged.customers.length)])}
          </p>
          <ul className="text-xs text-slate-600">
            {merged.files.map((f) => (
              <li key={f.fileName}>{i18n.t('experiments.team.file', [f.fileName, f.agent ?? '—', n(f.customers), n(f.duplicates)])}</li>
            ))}
          </ul>
          <ResultTable result={experimentResult(tallyArms(merged.customers), merged.experiment.plannedSize)} locale={locale} />
        </div>
      )}
    </Card>
  );
}
