import { describe, expect, it, vi } from 'vitest';
import { pageProgress, phaseOf } from '@/lib/training/train-job';
import { startTraining, TrainingCancelled, TrainingFailed, type WorkerLike } from '@/lib/training/worker-client';
import { progressFraction, remainingSeconds, type FromWorker, type TrainRequest } from '@/lib/training/worker-protocol';

describe('progress fraction', () => {
  it('gives preparing 2 %, the folds 80 % in equal shares, the final fit 13 %, evaluation the rest', () => {
    expect(progressFraction('preparing', 0, 5)).toBe(0);
    expect(progressFraction('cv', 1, 5)).toBeCloseTo(0.02, 12);
    expect(progressFraction('cv', 3, 5, 0.5)).toBeCloseTo(0.02 + (0.8 * 2.5) / 5, 12);
    expect(progressFraction('final', 0, 5)).toBeCloseTo(0.82, 12);
    expect(progressFraction('final', 0, 5, 1)).toBeCloseTo(0.95, 12);
    expect(progressFraction('evaluating', 0, 5, 1)).toBe(1);
  });
  it('clamps folds and completion', () => {
    expect(progressFraction('cv', 9, 5, 2)).toBeCloseTo(0.82, 12);
    expect(progressFraction('cv', 0, 0, -1)).toBeCloseTo(0.02, 12);
  });
  it('maps lib/model phases to the page’s: calibration, learning curve and explanation are evaluation work', () => {
    expect(phaseOf('prepare')).toBe('preparing');
    expect(phaseOf('cv')).toBe('cv');
    expect(phaseOf('final')).toBe('final');
    expect(phaseOf('calibrate')).toBe('evaluating');
    expect(phaseOf('learning-curve')).toBe('evaluating');
    expect(phaseOf('explain')).toBe('evaluating');
    expect(phaseOf('done')).toBe('evaluating');
  });
  it('keeps lib/model’s own overall fraction (clamped), the fold only during CV', () => {
    expect(pageProgress({ phase: 'cv', fold: 3, folds: 5, fraction: 0.41 }, 5)).toEqual({ phase: 'cv', fold: 3, folds: 5, fraction: 0.41 });
    expect(pageProgress({ phase: 'learning-curve', fold: 1, folds: 5, fraction: 1.2 }, 5)).toEqual({ phase: 'evaluating', fold: 0, folds: 5, fraction: 1 });
    expect(pageProgress({ phase: 'final', fold: 0, folds: 5 }, 5).fraction).toBeCloseTo(0.82, 12);
  });
  it('passes on where the fit is: the trees’ round, the network’s epoch of epochs, nothing of another model', () => {
    expect(pageProgress({ phase: 'cv', fold: 2, folds: 5, fraction: 0.3, model: 'gbt', round: 140 }, 5)).toEqual({
      phase: 'cv',
      fold: 2,
      folds: 5,
      fraction: 0.3,
      model: 'gbt',
      round: 140,
    });
    expect(pageProgress({ phase: 'final', fold: 0, folds: 5, fraction: 0.9, model: 'mlp', epoch: 3, epochs: 40, round: 7 }, 5)).toEqual({
      phase: 'final',
      fold: 0,
      folds: 5,
      fraction: 0.9,
      model: 'mlp',
      epoch: 3,
      epochs: 40,
    });
  });
});

describe('remainingSeconds', () => {
  it('extrapolates the time left from the share done, in 5 s steps', () => {
    expect(remainingSeconds(0.25, 30)).toBe(90);
    expect(remainingSeconds(0.5, 61)).toBe(65);
    expect(remainingSeconds(1, 100)).toBe(0);
  });
  it('says nothing before 3 % and 2 s of work', () => {
    expect(remainingSeconds(0.02, 100)).toBeNull();
    expect(remainingSeconds(0.5, 1)).toBeNull();
    expect(remainingSeconds(Number.NaN, 10)).toBeNull();
  });
});

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  posted: unknown[] = [];
  terminated = 0;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated++;
  }
  send(data: FromWorker) {
    this.onmessage?.({ data });
  }
}

const request = { rows: [], columns: [], label: 'Status', positive: 'Churned', specs: [], folds: 5, name: 'm', source: 'file.csv' } satisfies TrainRequest;

describe('startTraining', () => {
  it('posts the request, forwards progress and resolves with the artifact, then ends the worker', async () => {
    const worker = new FakeWorker();
    const onProgress = vi.fn();
    const run = startTraining(request, { createWorker: () => worker, onProgress });
    expect(worker.posted).toEqual([{ type: 'train', request }]);
    worker.send({ type: 'progress', progress: { phase: 'cv', fold: 2, folds: 5, fraction: 0.3 } });
    const artifact = { id: 'x' } as never;
    worker.send({ type: 'done', artifact, seconds: 4.2 });
    await expect(run.result).resolves.toEqual({ artifact, seconds: 4.2 });
    expect(onProgress).toHaveBeenCalledWith({ phase: 'cv', fold: 2, folds: 5, fraction: 0.3 });
    expect(worker.terminated).toBe(1);
    // Late messages are ignored.
    worker.send({ type: 'progress', progress: { phase: 'final', fold: 0, folds: 5, fraction: 0.9 } });
    expect(onProgress).toHaveBeenCalledTimes(1);
  });
  it('rejects with the worker’s error code and message', async () => {
    const worker = new FakeWorker();
    const run = startTraining(request, { createWorker: () => worker });
    worker.send({ type: 'error', code: 'one-class', message: 'only one value' });
    await expect(run.result).rejects.toMatchObject({ name: 'TrainingFailed', code: 'one-class', message: 'only one value' });
  });
  it('rejects when the worker script fails', async () => {
    const worker = new FakeWorker();
    const run = startTraining(request, { createWorker: () => worker });
    worker.onerror?.({});
    await expect(run.result).rejects.toBeInstanceOf(TrainingFailed);
    expect(worker.terminated).toBe(1);
  });
  it('cancel terminates the worker at once and rejects as cancelled; a later result changes nothing', async () => {
    const worker = new FakeWorker();
    const run = startTraining(request, { createWorker: () => worker });
    run.cancel();
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(TrainingCancelled);
    expect(worker.terminated).toBe(1);
    expect(worker.onmessage).toBeNull();
  });
});
