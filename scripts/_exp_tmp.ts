import { readFileSync } from 'node:fs';
import { parseCsv } from '../lib/data/csv';
import { inferColumns } from '../lib/model/columns';
import { fitPreprocessor, transform } from '../lib/model/preprocess';
import { fitLogistic, predictLogistic } from '../lib/model/logistic';
import { stratifiedKFold } from '../lib/model/cv';
import { rocAuc, mean, brierScore } from '../lib/model/metrics';
import * as tf from '@tensorflow/tfjs-core';
tf.env().set('PROD', true);
const t = parseCsv(readFileSync('/work/shared/datasets/WA_Fn-UseC_-Telco-Customer-Churn.csv','utf8'));
console.log(t.columns.length, t.rows.length, t.errors.length, t.delimiter);
const specs = inferColumns(t.rows, t.columns, 'Churn');
for (const s of specs) console.log(s.name, s.kind, s.note ?? '');
const y = t.rows.map(r => r.Churn === 'Yes' ? 1 : 0);
const folds = stratifiedKFold(y, 5, 42);
// exact newton for sum BCE/n + l2*||w||^2
function newton(x: Float32Array, yy: number[], d: number, l2: number) {
  const n = yy.length; const D = d+1;
  let w = new Float64Array(D);
  for (let it=0; it<30; it++) {
    const g = new Float64Array(D); const H = new Float64Array(D*D);
    for (let i=0;i<n;i++){ let z=w[d]!; for(let j=0;j<d;j++) z+=w[j]!*x[i*d+j]!; const p=1/(1+Math.exp(-z)); const r=p-yy[i]!; const s=p*(1-p);
      for(let j=0;j<D;j++){ const xj = j<d? x[i*d+j]!:1; g[j]+=r*xj/n; for(let k=0;k<D;k++){ const xk=k<d?x[i*d+k]!:1; H[j*D+k]+=s*xj*xk/n; } } }
    for(let j=0;j<d;j++){ g[j]+=2*l2*w[j]!; H[j*D+j]+=2*l2; }
    // solve H dx = g (gaussian elim)
    const A = Array.from({length:D},(_,i)=>[...Array.from({length:D},(_,k)=>H[i*D+k]!), g[i]!]);
    for(let i=0;i<D;i++){ let piv=i; for(let r=i+1;r<D;r++) if(Math.abs(A[r]![i]!)>Math.abs(A[piv]![i]!)) piv=r; [A[i],A[piv]]=[A[piv]!,A[i]!];
      const a=A[i]![i]! || 1e-12; for(let r=0;r<D;r++){ if(r===i) continue; const f=A[r]![i]!/a; for(let c=i;c<=D;c++) A[r]![c]! -= f*A[i]![c]!; A[r]![0]; for(let c=i;c<=D;c++) A[r]![c] = A[r]![c]!; } }
    for(let i=0;i<D;i++) w[i]! ; const dx = A.map((row,i)=>row[D]!/row[i]!);
    for(let i=0;i<D;i++) w[i] = w[i]! - dx[i]!;
  }
  return w;
}
const configs = JSON.parse(process.argv[2] ?? '[{"epochs":30,"batchSize":256,"learningRate":0.02}]');
for (const cfg of configs) {
  const t0 = performance.now(); const aucs: number[] = []; const exact: number[] = []; const briers:number[]=[];
  for (const f of folds) {
    const tr = f.train.map(i=>t.rows[i]!), te = f.test.map(i=>t.rows[i]!);
    const prep = fitPreprocessor(tr, specs); const d = prep.featureNames.length;
    const xtr = transform(prep, tr), xte = transform(prep, te);
    const ytr = f.train.map(i=>y[i]!), yte = f.test.map(i=>y[i]!);
    const m = await fitLogistic(xtr, ytr, d, {...cfg});
    const p = predictLogistic(m, xte, d); m.dispose();
    aucs.push(rocAuc(yte, p)); briers.push(brierScore(yte,p));
    if (process.env.EXACT) { const w = newton(xtr, ytr, d, cfg.l2 ?? 1e-4); const s = yte.map((_,i)=>{let z=w[d]!; for(let j=0;j<d;j++) z+=w[j]!*xte[i*d+j]!; return z;}); exact.push(rocAuc(yte,s)); }
  }
  console.log(JSON.stringify(cfg), 'auc', mean(aucs).toFixed(4), 'exact', exact.length? mean(exact).toFixed(4):'', 'brier', mean(briers).toFixed(4), ((performance.now()-t0)/1000).toFixed(2)+'s', tf.memory().numTensors);
}
