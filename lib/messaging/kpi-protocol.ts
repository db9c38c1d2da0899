/**
 * The KPI dashboard's message (options → background): the report for a range,
 * computed in the background from stored observations, scores and actions.
 * Merged into the one Protocol (protocol.ts); types only.
 */
import type { Granularity } from '../kpi/buckets';
import type { KpiReport } from '../kpi/report';

export interface KpiView extends KpiReport {
  /** How long the background took (ms), shown as a footnote. */
  computeMs: number;
}

export interface KpiProtocol {
  getKpis: { request: { from: number; to: number; granularity: Granularity }; response: KpiView };
}
