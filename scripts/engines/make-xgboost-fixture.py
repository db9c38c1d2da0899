#!/usr/bin/python3
"""
Trains a real XGBoost model on the Telco file and writes the fixture the
import test reads (tests/fixtures/engines/): the model as XGBoost saves it
(`save_model("….json")`), a feature spec mapping every model input to a
CRM field, and XGBoost's own predict_proba of every row. The test then
needs no Python. Run: /usr/bin/python3 scripts/engines/make-xgboost-fixture.py

Missing values: TotalCharges is blank on 11 rows, and MonthlyCharges is
blanked on every 25th row (row index % 25 == 0) so many rows take the
trees' default (missing) branches; the test blanks the same cells.
"""
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "tests", "fixtures", "engines")
BLANK_EVERY = 25

raw = pd.read_csv(os.path.join(ROOT, "tests", "fixtures", "WA_Fn-UseC_-Telco-Customer-Churn.csv"), dtype=str, keep_default_na=False)
y = (raw["Churn"] == "Yes").astype(int)

numeric = ["tenure", "MonthlyCharges", "TotalCharges"]
yes_no = ["Partner", "Dependents", "PhoneService", "PaperlessBilling"]
binary01 = ["SeniorCitizen"]
one_hot = ["gender", "MultipleLines", "InternetService", "OnlineSecurity", "OnlineBackup", "DeviceProtection",
           "TechSupport", "StreamingTV", "StreamingMovies", "Contract", "PaymentMethod"]

X = pd.DataFrame(index=raw.index)
spec_inputs = []
for c in numeric:
    X[c] = pd.to_numeric(raw[c].str.strip().replace("", np.nan), errors="coerce")
    spec_inputs.append({"name": c, "source": {"label": c}, "transform": {"kind": "number"}})
X.loc[X.index % BLANK_EVERY == 0, "MonthlyCharges"] = np.nan
for c in yes_no:
    X[c] = (raw[c] == "Yes").astype(float)
    spec_inputs.append({"name": c, "source": {"label": c}, "transform": {"kind": "yesno"}})
for c in binary01:
    X[c] = raw[c].astype(float)
    spec_inputs.append({"name": c, "source": {"label": c}, "transform": {"kind": "number"}})
for c in one_hot:
    for level in sorted(raw[c].unique()):
        name = f"{c}_{level}"
        X[name] = (raw[c] == level).astype(float)
        spec_inputs.append({"name": name, "source": {"label": c}, "transform": {"kind": "onehot", "level": level}})

# base_score set explicitly (the churn rate) so the import must read it rather than assume 0.5.
model = xgb.XGBClassifier(n_estimators=120, max_depth=4, learning_rate=0.1, subsample=0.9, colsample_bytree=0.8,
                          base_score=float(y.mean()), random_state=42, tree_method="hist")
model.fit(X, y)
os.makedirs(OUT, exist_ok=True)
model_path = os.path.join(OUT, "telco-xgboost.json")
model.save_model(model_path)
proba = model.predict_proba(X)[:, 1]
with open(os.path.join(OUT, "telco-xgboost.proba.json"), "w") as f:
    json.dump({"xgboost": xgb.__version__, "blankMonthlyChargesEvery": BLANK_EVERY,
               "proba": [float(np.float32(p)) for p in proba]}, f, separators=(",", ":"))
with open(os.path.join(OUT, "telco-xgboost.spec.json"), "w") as f:
    json.dump({"format": "churn-radar.feature-spec", "version": 1, "name": "Telco churn (XGBoost)",
               "inputs": spec_inputs}, f, indent=1, ensure_ascii=False)
print("rows", len(X), "inputs", X.shape[1], "base_score", json.load(open(model_path))["learner"]["learner_model_param"]["base_score"])
