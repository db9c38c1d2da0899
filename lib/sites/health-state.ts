import type { HealthWarning } from './health';

/**
 * A site's reading health in one word, decided in one place (the popup, the
 * action badge and Options → Sites all show this). "Reading works" is earned:
 * it needs a kind of page whose latest visit yielded customers. A site that
 * never yielded a customer is never "ok", however many pages were seen.
 *
 * - no-data: no page of the site seen yet.
 * - never-read: pages seen, not one customer read from any of them.
 * - stopped: a kind of page that used to yield customers yields none now, or
 *   its taught recipe (lib/recipes) finds nobody any more.
 * - field-missing: pages read, but a mapped field they used to show is gone.
 * - none-recent: customers were read once, but no kind of page seen lately yields any.
 * - ok: the latest visit of some kind of page yielded customers, nothing broke.
 */
export const HEALTH_STATUSES = ['no-data', 'never-read', 'stopped', 'field-missing', 'none-recent', 'ok'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export interface HealthStateInput {
  pagesSeen: number;
  /** When a page last yielded a customer (null: never). */
  lastSuccessAt: number | null;
  /** Customers on the latest visit of each kind of page still remembered. */
  latestPerKind: readonly number[];
  warnings: readonly HealthWarning[];
}

export function healthStatus(input: HealthStateInput): HealthStatus {
  if (input.pagesSeen === 0) return 'no-data';
  if (input.lastSuccessAt === null) return 'never-read';
  if (input.warnings.some((warning) => warning.kind === 'no-customers' || warning.kind === 'recipe-empty')) return 'stopped';
  if (!input.latestPerKind.some((customers) => customers > 0)) return 'none-recent';
  // A taught recipe finding fewer rows than when taught (a short last page?) is listed, not a state of its own.
  if (input.warnings.some((warning) => warning.kind === 'field-missing')) return 'field-missing';
  return 'ok';
}

/** States that put "!" on the action and call for the user (teach the page, check the mapping). */
export function needsAttention(status: HealthStatus): boolean {
  return status === 'never-read' || status === 'stopped' || status === 'field-missing';
}
