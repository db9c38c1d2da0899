#!/usr/bin/env python3
"""Tuned gradient-boosted-trees baseline for a churn CSV: 5-fold stratified CV ROC AUC.

    python3 scripts/baselines/gbt_baseline.py FILE.csv --label COL --positive VALUE [--drop A,B] [--json]

With scikit-learn installed it tunes sklearn's HistGradientBoostingClassifier
(grid: max_depth 2/3/5 x learning rate 0.05/0.1 x max_iter 50/100/200/400,
chosen by mean CV ROC AUC — the grid is chosen on
the same folds it is scored on, so the baseline is if anything optimistic).
Without it (pip cannot reach PyPI on the build machine) it runs the grid
(learning rate 0.1 only, to bound the time) with a small NumPy second-order histogram GBT (XGBoost-style: depth-wise trees,
255 quantile bins fitted on each training fold, L2 1, >= 20 rows per leaf,
80 % row subsampling), staged predictions giving every round count of the grid
from one run. The last stdout line is one JSON object with --json.

Preprocessing as a data scientist would do it: numeric columns as they are
(blank = NaN, its own bin), text columns as ordinal codes by frequency, and
id-like columns (distinct on > 50 % of rows), constant columns and --drop
columns removed.
"""
import argparse, csv, json, sys, time
import numpy as np

DEPTHS = [2, 3, 5]
RATES = [0.05, 0.1]
ROUNDS = [50, 100, 200, 400]
NUMPY_RATES = [0.1]


def load(path, label, positive, drop):
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    li = header.index(label)
    y = np.array([1 if r[li].strip() == positive else 0 for r in body])
    cols, names = [], []
    for j, name in enumerate(header):
        if j == li or name in drop:
            continue
        raw = [r[j].strip() for r in body]
        distinct = set(raw)
        if len(distinct) <= 1:
            continue
        try:
            vals = np.array([float(v) if v != '' else np.nan for v in raw])
        except ValueError:
            if len(distinct) > 0.5 * len(raw):
                continue  # free text or an id
            levels = sorted(distinct, key=lambda v: (-raw.count(v), v))
            code = {v: k for k, v in enumerate(levels)}
            vals = np.array([float(code[v]) if v != '' else np.nan for v in raw])
        else:
            if len(distinct) > 0.5 * len(raw) and np.all(np.nan_to_num(vals) == np.round(np.nan_to_num(vals))) and np.all(np.diff(vals[~np.isnan(vals)]) > 0):
                continue  # a row number / increasing id
        cols.append(vals)
        names.append(name)
    return np.column_stack(cols), y, names


def stratified_folds(y, k, seed):
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=int)
    nxt = 0
    for c in (0, 1):
        idx = np.flatnonzero(y == c)
        rng.shuffle(idx)
        fold[idx] = (np.arange(len(idx)) + nxt) % k
        nxt = (nxt + len(idx)) % k
    return [(np.flatnonzero(fold != f), np.flatnonzero(fold == f)) for f in range(k)]


def roc_auc(y, s):
    order = np.argsort(s, kind='mergesort')
    s_sorted = s[order]
    ranks = np.empty(len(s))
    _, inv, counts = np.unique(s_sorted, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    avg = ends - (counts - 1) / 2.0
    ranks[order] = avg[inv]
    pos = y == 1
    n1, n0 = pos.sum(), (~pos).sum()
    return (ranks[pos].sum() - n1 * (n1 + 1) / 2.0) / (n1 * n0)


def bin_fit(x, max_bins=255):
    edges = []
    for j in range(x.shape[1]):
        v = x[:, j][~np.isnan(x[:, j])]
        u = np.unique(v)
        if len(u) <= max_bins:
            e = (u[1:] + u[:-1]) / 2
        else:
            e = np.unique(np.quantile(v, np.linspace(0, 1, max_bins + 1)[1:-1]))
        edges.append(e)
    return edges


def bin_apply(x, edges):
    out = np.zeros(x.shape, dtype=np.int64)
    for j, e in enumerate(edges):
        col = x[:, j]
        codes = np.searchsorted(e, col, side='left') + 1
        codes[np.isnan(col)] = 0
        out[:, j] = codes
    return out


def gbt_staged(xb, y, xt, depth, lr, rounds, checkpoints, seed, nbins=257, l2=1.0, min_leaf=20, subsample=0.8):
    """NumPy second-order GBT (depth-wise); returns {rounds: test log-odds}."""
    rng = np.random.default_rng(seed)
    n, d = xb.shape
    prior = y.mean()
    F = np.full(n, np.log(prior / (1 - prior)))
    Ft = np.full(len(xt), F[0])
    out = {}
    for t in range(rounds):
        p = 1 / (1 + np.exp(-F))
        g, h = p - y, np.maximum(p * (1 - p), 1e-12)
        active = rng.random(n) < subsample
        node, node_t = np.zeros(n, dtype=np.int64), np.zeros(len(xt), dtype=np.int64)
        for level in range(depth):
            K = 1 << level
            ga, ha, na = g[active], h[active], node[active]
            # one bincount over every (feature, node, bin) cell at once
            idx = ((np.arange(d)[None, :] * K + na[:, None]) * nbins + xb[active]).ravel()
            size = d * K * nbins
            G = np.bincount(idx, weights=np.repeat(ga, d), minlength=size).reshape(d, K, nbins)
            H = np.bincount(idx, weights=np.repeat(ha, d), minlength=size).reshape(d, K, nbins)
            C = np.bincount(idx, minlength=size).reshape(d, K, nbins)
            GL, HL, CL = G.cumsum(-1), H.cumsum(-1), C.cumsum(-1)
            GT, HT, CT = GL[..., -1:], HL[..., -1:], CL[..., -1:]
            gain = GL ** 2 / (HL + l2) + (GT - GL) ** 2 / (HT - HL + l2) - GT ** 2 / (HT + l2)
            gain[(CL < min_leaf) | (CT - CL < min_leaf)] = -np.inf
            flat = gain.transpose(1, 0, 2).reshape(K, -1)
            best = flat.argmax(1)
            ok = flat[np.arange(K), best] > 1e-12
            bf, bb = best // nbins, best % nbins
            bb = np.where(ok, bb, nbins)  # no split: everything goes left
            node = node * 2 + (xb[np.arange(n), bf[node]] > bb[node])
            node_t = node_t * 2 + (xt[np.arange(len(xt)), bf[node_t]] > bb[node_t])
        L = 1 << depth
        Gl = np.bincount(node[active], weights=g[active], minlength=L)
        Hl = np.bincount(node[active], weights=h[active], minlength=L)
        val = -Gl / (Hl + l2) * lr
        F += val[node]
        Ft += val[node_t]
        if t + 1 in checkpoints:
            out[t + 1] = Ft.copy()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('csv'); ap.add_argument('--label', required=True); ap.add_argument('--positive', required=True)
    ap.add_argument('--drop', default=''); ap.add_argument('--folds', type=int, default=5); ap.add_argument('--seed', type=int, default=42)
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--fold-ids', help='JSON file: the test fold (0-based) of each row, to score on the same folds as npm run train')
    a = ap.parse_args()
    started = time.time()
    x, y, names = load(a.csv, a.label, a.positive, set(filter(None, a.drop.split(','))))
    if a.fold_ids:
        with open(a.fold_ids) as f:
            ids = np.array(json.load(f))
        folds = [(np.flatnonzero(ids != k), np.flatnonzero(ids == k)) for k in range(ids.max() + 1)]
    else:
        folds = stratified_folds(y, a.folds, a.seed)
    results = {}
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier  # noqa
        engine = 'sklearn HistGradientBoostingClassifier'
        for depth in DEPTHS:
            for lr in RATES:
                for rounds in ROUNDS:
                    aucs = []
                    for tr, te in folds:
                        m = HistGradientBoostingClassifier(max_depth=depth, max_leaf_nodes=31, learning_rate=lr,
                                                           max_iter=rounds, early_stopping=False, random_state=a.seed)
                        m.fit(x[tr], y[tr]); aucs.append(roc_auc(y[te], m.decision_function(x[te])))
                    results[(depth, lr, rounds)] = aucs
    except ImportError:
        engine = 'numpy histogram GBT (scikit-learn not installed)'
        for depth in DEPTHS:
            for lr in NUMPY_RATES:
                per_fold = []
                for f, (tr, te) in enumerate(folds):
                    edges = bin_fit(x[tr])
                    staged = gbt_staged(bin_apply(x[tr], edges), y[tr].astype(float), bin_apply(x[te], edges), depth, lr, max(ROUNDS), set(ROUNDS), a.seed + f)
                    per_fold.append({r: roc_auc(y[te], s) for r, s in staged.items()})
                for r in ROUNDS:
                    results[(depth, lr, r)] = [pf[r] for pf in per_fold]
    best = max(results, key=lambda k: np.mean(results[k]))
    aucs = results[best]
    summary = {'file': a.csv, 'rows': int(len(y)), 'features': len(names), 'engine': engine, 'folds': a.folds,
               'best': {'depth': best[0], 'learning_rate': best[1], 'rounds': best[2]},
               'roc_auc': float(np.mean(aucs)), 'roc_auc_sd': float(np.std(aucs, ddof=1)), 'grid_size': len(results),
               'seconds': round(time.time() - started, 1)}
    if not a.json:
        print(f"{a.csv}: {engine}, best {summary['best']}: ROC AUC {summary['roc_auc']:.4f} ± {summary['roc_auc_sd']:.4f}")
    print(json.dumps(summary))


if __name__ == '__main__':
    main()
