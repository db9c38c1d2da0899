/**
 * The challenger's training request, from the observed customers' rows
 * (without the held-out quarter): the same column roles Models → Data would
 * propose for them, with every column the leakage check flags left out (a
 * challenger is trained without a manager reviewing columns, so nothing
 * flagged is kept "anyway"), and the champion's kind (an ensemble is
 * re-chosen by 'auto'; kinds not trained here fall back to logistic).
 */
import type { ModelKind } from '@/lib/model/types';
import { initialMapping, labelLevels, mappingProblems, profileColumns, trainingSpecs, type MappingProblem } from '@/lib/training/column-mapping';
import { findLeakage } from '@/lib/training/leakage';
import type { TrainingRowsView } from '@/lib/training/training-rows';
import type { TrainRequest } from '@/lib/training/worker-protocol';

const CHALLENGER_FOLDS = 5;

export function challengerKind(champion: ModelKind): NonNullable<TrainRequest['kind']> {
  if (champion === 'logistic' || champion === 'mlp' || champion === 'gbt') return champion;
  return champion === 'ensemble' ? 'auto' : 'logistic';
}

export function challengerRequest(
  view: TrainingRowsView,
  champion: { id: string; kind: ModelKind },
  text: { name: string; source: string },
): { ok: true; request: TrainRequest; leftOut: string[] } | { ok: false; problems: MappingProblem[] } {
  const mapping = initialMapping(profileColumns(view.rows, view.columns), view.label);
  const leftOut = [...new Set(findLeakage({ rows: view.rows, mapping, label: view.label, positive: view.positive }).map((w) => w.column))];
  const effective = mapping.map((m) => (leftOut.includes(m.name) ? { ...m, role: 'ignore' as const } : m));
  const problems = mappingProblems(effective, labelLevels(view.rows, view.label), view.positive);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    leftOut,
    request: {
      rows: view.rows,
      columns: view.columns,
      label: view.label,
      positive: view.positive,
      specs: trainingSpecs(effective),
      folds: CHALLENGER_FOLDS,
      name: text.name,
      source: text.source,
      kind: challengerKind(champion.kind),
      parent: champion.id,
    },
  };
}
