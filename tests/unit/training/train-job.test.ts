import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/data/csv';
import { parseModelArtifact } from '@/lib/model/artifact';
import { initialMapping, profileColumns, trainingSpecs } from '@/lib/training/column-mapping';
import { runTrainingJob, TRAINED_BY } from '@/lib/training/train-job';
import type { FromWorker, TrainRequest } from '@/lib/training/worker-protocol';

const table = parseCsv(readFileSync('tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv', 'utf8'));
const rows = table.rows.slice(0, 500);

function request(overrides: Partial<TrainRequest> = {}): TrainRequest {
  const mapping = initialMapping(profileColumns(rows, table.columns), 'Churn');
  return {
    rows,
    columns: table.columns,
    label: 'Churn',
    positive: 'Yes',
    specs: trainingSpecs(mapping),
    folds: 2,
    name: 'job test',
    source: 'fixture.csv',
    ...overrides,
  };
}

describe('the training job', () => {
  it('reports non-decreasing progress from preparing to the end, then posts a valid artifact and the time taken', async () => {
    const posted: FromWorker[] = [];
    let tick = 0;
    await runTrainingJob(
      request({ parent: 'parent-id' }),
      (m) => posted.push(m),
      () => (tick += 500),
    );
    const progress = posted.filter((m) => m.type === 'progress').map((m) => m.progress);
    expect(progress[0]).toEqual({ phase: 'preparing', fold: 0, folds: 2, fraction: 0 });
    expect(progress.at(-1)).toMatchObject({ phase: 'evaluating', fraction: 1 });
    expect(progress.some((p) => p.phase === 'cv' && p.fold === 2)).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    const done = posted.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    // The clock was read twice: at the start and at the end.
    expect(done.seconds).toBe(0.5);
    const artifact = parseModelArtifact(JSON.parse(JSON.stringify(done.artifact)));
    expect(artifact).toMatchObject({ name: 'job test', trainedBy: TRAINED_BY, parent: 'parent-id', label: { column: 'Churn', positive: 'Yes' } });
    // Identifiers are not inputs.
    expect(artifact.preprocessor.featureSource).not.toContain('customerID');
    expect(artifact.evaluation?.roc.length).toBeGreaterThan(10);
  }, 60_000);

  it('posts the trainer’s error code and message when the data cannot train', async () => {
    const posted: FromWorker[] = [];
    await runTrainingJob(request({ rows: rows.map((r) => ({ ...r, Churn: 'No' })), positive: 'No' }), (m) => posted.push(m));
    expect(posted.at(-1)).toMatchObject({ type: 'error', code: 'one-class', message: expect.stringContaining('only one value') });
  });
});
