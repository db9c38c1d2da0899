import { describe, expect, it } from 'vitest';
import { armOf } from '@/lib/experiments/assignment';
import { mergeResultsFiles, parseResultsFile, resultsFile, ResultsFileError, type ResultCustomer } from '@/lib/experiments/results-file';
import type { Experiment } from '@/lib/experiments/experiment';

const experiment: Experiment = {
  id: 'offer-2026-12-01',
  name: 'Retention offer',
  target: { kind: 'tier', tier: 4 },
  controlShare: 0.3,
  startsAt: 0,
  endsAt: 1e9,
  plannedSize: 100,
  plan: { controlRate: 0.3, treatedRate: 0.2 },
  status: 'running',
  createdAt: 0,
};
const site = 'https://crm.example.com';
const customer = (crmId: string, outcome: ResultCustomer['outcome'], enrolledAt = 5): ResultCustomer => ({
  site,
  crmId,
  arm: armOf(experiment.id, `${site}\u0000${crmId}`, experiment.controlShare),
  enrolledAt,
  outcome,
});
const text = (customers: ResultCustomer[], over: Record<string, unknown> = {}) => JSON.stringify({ ...resultsFile(experiment, customers, 10, 'Ann'), ...over });

describe('experiment results files', () => {
  it('round-trips an export', () => {
    const file = parseResultsFile(text([customer('1', 'churned'), customer('2', 'open')]), 'ann.json');
    expect(file.customers).toHaveLength(2);
    expect(file.agent).toBe('Ann');
  });
  it.each([
    ['', 'empty'],
    ['{not json', 'not valid JSON'],
    [JSON.stringify({ format: 'churn-radar-playbook' }), 'not a Churn Radar experiment results file'],
    [text([], { version: 2 }), 'newer than this extension reads'],
    [text([{ ...customer('1', 'open'), outcome: 'maybe' } as unknown as ResultCustomer]), 'customers.0.outcome'],
    [text([{ ...customer('1', 'open'), arm: armOf(experiment.id, `${site}\u00001`, 0.3) === 'control' ? 'treatment' : 'control' }]), 'the file was changed'],
    ['{"format":"churn-radar-experiment-results","__proto__":{"x":1}}', 'bad.json'],
  ])('refuses a bad file clearly (%#)', (content, message) => {
    expect(() => parseResultsFile(content, 'bad.json')).toThrow(ResultsFileError);
    expect(() => parseResultsFile(content, 'bad.json')).toThrow(message);
  });
  it('merges agents deduplicated by customer key, the most final outcome winning', () => {
    const ann = parseResultsFile(text([customer('1', 'retained', 7), customer('2', 'open'), customer('3', 'churned')]), 'ann.json');
    const bob = parseResultsFile(text([customer('1', 'churned', 5), customer('2', 'retained'), customer('4', 'open')], { agent: 'Bob' }), 'bob.json');
    const merged = mergeResultsFiles([
      { fileName: 'ann.json', file: ann },
      { fileName: 'bob.json', file: bob },
    ]);
    const byId = Object.fromEntries(merged.customers.map((c) => [c.crmId, c]));
    expect(Object.keys(byId).sort()).toEqual(['1', '2', '3', '4']);
    expect(byId['1']).toMatchObject({ outcome: 'churned', enrolledAt: 5 });
    expect(byId['2']!.outcome).toBe('retained');
    expect(merged.files).toEqual([
      { fileName: 'ann.json', agent: 'Ann', customers: 3, duplicates: 0 },
      { fileName: 'bob.json', agent: 'Bob', customers: 3, duplicates: 2 },
    ]);
  });
  it('refuses to merge files of different experiments and an empty selection', () => {
    const ann = parseResultsFile(text([]), 'ann.json');
    const other = { ...ann, experiment: { ...ann.experiment, id: 'other', name: 'Other' } };
    expect(() =>
      mergeResultsFiles([
        { fileName: 'ann.json', file: ann },
        { fileName: 'x.json', file: other },
      ]),
    ).toThrow('x.json is for experiment "Other"');
    expect(() => mergeResultsFiles([])).toThrow(ResultsFileError);
  });
});
