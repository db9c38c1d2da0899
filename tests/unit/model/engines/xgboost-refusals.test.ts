/** Model files the XGBoost import cannot use are refused with the reason; nothing is returned half-converted. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '@/lib/files/limits';
import { importXgboost } from '@/lib/model/engines/xgboost-import';
import { float32Below } from '@/lib/model/engines/xgboost';

const dir = 'tests/fixtures/engines';
const modelText = readFileSync(`${dir}/telco-xgboost.json`, 'utf8');
const specText = readFileSync(`${dir}/telco-xgboost.spec.json`, 'utf8');
const now = new Date('2026-12-07T12:00:00Z');

type Json = { learner: Record<string, any> } & Record<string, any>;
const model = () => JSON.parse(modelText) as Json;
const spec = () => JSON.parse(specText) as { inputs: Record<string, unknown>[] } & Record<string, unknown>;
const attempt =
  (m: unknown, s: unknown = spec()) =>
  () =>
    importXgboost({
      modelText: typeof m === 'string' ? m : JSON.stringify(m),
      specText: typeof s === 'string' ? s : JSON.stringify(s),
      fileName: 'model.json',
      now,
    });

describe('XGBoost import refusals', () => {
  it('refuses other objectives and multi-class models, naming what is supported', () => {
    const m = model();
    m.learner.objective.name = 'reg:squarederror';
    expect(attempt(m)).toThrow(/objective "reg:squarederror" is not supported.*binary:logistic/);
    const multi = model();
    multi.learner.objective.name = 'multi:softprob';
    expect(attempt(multi)).toThrow(/objective "multi:softprob"/);
    const classes = model();
    classes.learner.learner_model_param.num_class = '3';
    expect(attempt(classes)).toThrow(/multi-class model \(num_class 3\)/);
  });

  it('refuses dart and gblinear boosters, categorical splits and vector leaves', () => {
    const dart = model();
    dart.learner.gradient_booster.name = 'dart';
    expect(attempt(dart)).toThrow(/booster "dart" is not supported/);
    const categorical = model();
    categorical.learner.gradient_booster.model.trees[3].split_type[0] = 1;
    expect(attempt(categorical)).toThrow(/tree 3 has categorical splits/);
    const vector = model();
    vector.learner.gradient_booster.model.trees[0].tree_param.size_leaf_vector = '2';
    expect(attempt(vector)).toThrow(/vector leaves/);
  });

  it('refuses a truncated file, a tree cut short and files that are not XGBoost models', () => {
    expect(attempt(modelText.slice(0, modelText.length / 2))).toThrow(/not JSON \(is the file cut short\?\)/);
    const short = model();
    short.learner.gradient_booster.model.trees[5].sum_hessian.pop();
    expect(attempt(short)).toThrow(/tree 5: sum_hessian has \d+ entries but the tree has \d+ nodes/);
    expect(attempt({ format: 'churn-radar-model' })).toThrow(/not an XGBoost JSON model/);
    const base = model();
    base.learner.learner_model_param.base_score = '1.5';
    expect(attempt(base)).toThrow(/base_score 1.5 is not a probability/);
  });

  it('refuses a spec that does not match the model or names unknown fields', () => {
    const fewer = spec();
    fewer.inputs.pop();
    expect(attempt(model(), fewer)).toThrow(/describes 40 inputs but the model has 41/);
    const renamed = spec();
    renamed.inputs[0]!.name = 'months';
    expect(attempt(model(), renamed)).toThrow(/model input 1 "tenure" is not in the feature spec/);
    const field = spec();
    field.inputs[0]!.source = { field: 'tenure_years' };
    expect(attempt(model(), field)).toThrow(/"tenure_years" is not a product field/);
    const indicator = spec();
    indicator.inputs[0]!.source = { indicator: 'no_such_indicator' };
    expect(attempt(model(), indicator)).toThrow(/"no_such_indicator" is not an indicator/);
  });

  it(`refuses files over the ${FILE_LIMITS.model / 1e6} MB model limit before reading them`, () => {
    const big = `${modelText}${' '.repeat(FILE_LIMITS.model - modelText.length + 1)}`;
    expect(attempt(big)).toThrow(/too large: 20\.0 MB, more than the 20 MB/);
    expect(attempt(modelText.padEnd(FILE_LIMITS.model, ' '))).not.toThrow();
  });

  it('reads base_score written as "[p]" (xgboost 3) and feature-name-less models by spec order (Spark)', () => {
    const v3 = model();
    v3.learner.learner_model_param.base_score = `[${v3.learner.learner_model_param.base_score}]`;
    delete v3.learner.feature_names;
    delete v3.learner.feature_types;
    const a = attempt(v3)();
    const b = attempt(model())();
    expect(a.gbt).toEqual(b.gbt);
    expect(a.baseline).toEqual(b.baseline);
  });

  it('float32Below is the float32 just under a value', () => {
    for (const t of [1, 0.5, 1205.05, -3.25, 1e-30]) {
      const below = float32Below(t);
      expect(below).toBeLessThan(Math.fround(t));
      expect(Math.fround(below)).toBe(below);
      expect(Math.fround((below + Math.fround(t)) / 2) === below || Math.fround((below + Math.fround(t)) / 2) === Math.fround(t)).toBe(true);
    }
    expect(float32Below(0)).toBeLessThan(0);
  });
});
