/**
 * bgnbd_cdnow_auc: the label-free first score of a new site (BG/NBD fitted
 * on the customers' own purchase histories, no labels) on the CDNOW event
 * log, the same split as `npm run train -- --events … --cutoff 1997-09-30
 * --horizon 273` (churn = no order in the 273 days after the cutoff), through
 * the product's own path: the event log → indicator inputs → fitSite →
 * the BG/NBD scorer. Printed next to the trained models' CV ROC AUC
 * (0.773, README). Also bgnbd_cdnow_palive_auc (ranking by 1 − P(alive)
 * alone, for comparison) and bgnbd_cdnow_fit_ms.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '@/lib/data/csv';
import { eventFeatureRows, eventLogSettings, readEventLog, type EventLogOptions } from '@/lib/model/event-log';
import { probabilityAlive } from '@/lib/model/btyd/bgnbd';
import { bgnbdArtifact, createBgNbdScorer } from '@/lib/model/btyd/bgnbd-scorer';
import { completeHistory, partialHistory } from '@/lib/model/btyd/purchase-inputs';
import { fitSite } from '@/lib/model/btyd/site-fit';
import { rocAuc } from '@/lib/model/metrics';

const CDNOW = 'tests/fixtures/CDNOW_master.csv';
const TRAINED_AUC = 0.773;

export function benchBgNbd(options: { log: (line: string) => void }): Record<string, number> {
  const table = parseCsv(readFileSync(CDNOW, 'utf8'));
  const eventOptions: EventLogOptions = {
    id: 'customer_id',
    date: 'date',
    amount: 'dollar_value',
    quantity: 'number_of_cds',
    cutoff: Date.parse('1997-09-30T00:00:00Z'),
    horizonDays: 273,
  };
  const { customers } = readEventLog(table.rows, table.columns, eventOptions);
  const { rows } = eventFeatureRows(customers, eventLogSettings(eventOptions));
  const labels = customers.map((c) => (c.churned ? 1 : 0));
  const started = performance.now();
  const site = fitSite(rows, eventOptions.horizonDays);
  const fitMs = performance.now() - started;
  if (!site) throw new Error('CDNOW yielded no purchase history');
  const scorer = createBgNbdScorer(bgnbdArtifact(site.spec));
  const auc = rocAuc(labels, scorer.predict(rows));
  const pAlive = rows.map((row) => {
    const partial = partialHistory(row);
    return partial ? 1 - probabilityAlive(site.spec.params, completeHistory(partial, site.spec.imputedT)) : 0.5;
  });
  const aliveAuc = rocAuc(labels, pAlive);
  const { r, alpha, a, b } = site.spec.params;
  options.log(
    `  label-free BG/NBD on CDNOW (${site.spec.customers.toLocaleString('en-US')} shoppers, cutoff 1997-09-30, horizon 273 d): ROC AUC ${auc.toFixed(3)} ` +
      `(trained models 0.773; 1 − P(alive) alone ${aliveAuc.toFixed(3)}); fitted r ${r.toFixed(3)}, α ${alpha.toFixed(2)} d (${(alpha / 7).toFixed(3)} wk), a ${a.toFixed(3)}, b ${b.toFixed(3)} in ${fitMs.toFixed(0)} ms`,
  );
  return {
    bgnbd_cdnow_auc: Number(auc.toFixed(4)),
    bgnbd_cdnow_palive_auc: Number(aliveAuc.toFixed(4)),
    bgnbd_cdnow_trained_auc: TRAINED_AUC,
    bgnbd_cdnow_fit_ms: Math.round(fitMs),
  };
}
