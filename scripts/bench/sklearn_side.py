#!/usr/bin/python3
"""scikit-learn side of the training-at-size bench (scripts/bench/train-size.ts).

    /usr/bin/python3 scripts/bench/sklearn_side.py FILE.csv --label Exited --positive 1 \
        --fold-ids FOLDS.json --model hgb|logistic [--rounds 300] [--learning-rate 0.05] \
        [--max-leaves 15] [--max-depth 5]

Cross-validates one model on the given folds (the same test fold per row as
`npm run train`, written by the bench) and prints one JSON line: seconds
(reading the file included, as our CLI's time includes parsing), peak RSS
(MB) and the mean fold ROC AUC. Preprocessing as a data scientist would:
id-like columns (unique on > 50 % of rows: row numbers, customer ids)
dropped; text columns one-hot for logistic regression (with scaled
numerics), ordinal codes for the trees (HistGradientBoostingClassifier's
own binning: 255 bins). HGB runs the given rounds with early stopping off
(our trees' rounds chosen on the nested validation split are passed in, so
both sides grow the same number of trees).
"""
import argparse, json, resource, time

started = time.time()
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('csv')
    ap.add_argument('--label', required=True)
    ap.add_argument('--positive', required=True)
    ap.add_argument('--fold-ids', required=True)
    ap.add_argument('--model', choices=['hgb', 'logistic'], required=True)
    ap.add_argument('--rounds', type=int, default=300)
    ap.add_argument('--learning-rate', type=float, default=0.05)
    ap.add_argument('--max-leaves', type=int, default=15)
    ap.add_argument('--max-depth', type=int, default=5)
    a = ap.parse_args()
    frame = pd.read_csv(a.csv, dtype={a.label: str})
    y = (frame.pop(a.label).str.strip() == a.positive).to_numpy().astype(int)
    n = len(frame)
    keep = [c for c in frame.columns if frame[c].nunique() <= 0.5 * n and frame[c].nunique() > 1]
    frame = frame[keep]
    text = [c for c in keep if frame[c].dtype == object]
    with open(a.fold_ids) as f:
        ids = np.array(json.load(f))
    folds = [(np.flatnonzero(ids != k), np.flatnonzero(ids == k)) for k in range(ids.max() + 1)]
    if a.model == 'hgb':
        x = frame.copy()
        for c in text:
            x[c] = x[c].astype('category').cat.codes.astype(float)
        x = x.to_numpy(dtype=float)
    else:
        x = pd.get_dummies(frame, columns=text, dtype=float).to_numpy(dtype=float)
    aucs = []
    for tr, te in folds:
        if a.model == 'hgb':
            m = HistGradientBoostingClassifier(max_iter=a.rounds, learning_rate=a.learning_rate, max_leaf_nodes=a.max_leaves,
                                               max_depth=a.max_depth, min_samples_leaf=20, l2_regularization=1.0,
                                               early_stopping=False, random_state=42)
            m.fit(x[tr], y[tr])
            aucs.append(roc_auc_score(y[te], m.decision_function(x[te])))
        else:
            scaler = StandardScaler().fit(x[tr])
            m = LogisticRegression(max_iter=1000, class_weight='balanced').fit(scaler.transform(x[tr]), y[tr])
            aucs.append(roc_auc_score(y[te], m.decision_function(scaler.transform(x[te]))))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = usage.ru_maxrss / 1024
    print(json.dumps({'model': a.model, 'rows': n, 'folds': len(folds), 'rounds': a.rounds if a.model == 'hgb' else None,
                      'seconds': round(time.time() - started, 2), 'cpu_seconds': round(usage.ru_utime + usage.ru_stime, 2), 'peak_mb': round(peak_mb), 'roc_auc': float(np.mean(aucs)),
                      'roc_auc_sd': float(np.std(aucs, ddof=1))}))


if __name__ == '__main__':
    main()
