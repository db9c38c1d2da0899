/**
 * How long the indicator engine takes for a CRM's worth of customers, single
 * thread: `benchIndicators()` builds deterministic synthetic histories (by
 * default 10,000 customers × 20 activities: orders with amounts, quantities
 * and product names, tickets with statuses and texts in English and
 * Chinese, notes naming competitors and discounts, a payment; a dozen CRM
 * fields and two earlier sightings each), then times computeIndicators over
 * all of them: the first pass (cold: the JIT compiles as it goes) and the
 * median of three more (warm). Building the histories is not timed.
 * Target: ≤ 1,000 ms for 10,000 customers.
 */
import type { Activity, ActivityKind, RawFields } from '@/lib/domain';
import { computeIndicators, DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import type { CustomerHistory, IndicatorSettings } from '@/lib/indicators/types';
import { mulberry32 } from '@/lib/model/prng';

export interface IndicatorBench {
  customers: number;
  activitiesPerCustomer: number;
  indicators: number;
  /** Wall time of computeIndicators over every customer, warm (median of three passes, ms). */
  ms: number;
  /** The first pass over every customer, JIT compiling as it goes (ms). */
  firstPassMs: number;
  perCustomerUs: number;
}

const DAY = 86_400_000;
const AS_OF = Date.UTC(2024, 5, 30);
const PRODUCTS = ['Jazz', 'Rock', 'Pop', 'Classical', 'Soundtrack', '民谣', '流行'];
const TICKET_TEXTS = [
  'Customer is not happy with the delivery delay',
  'Resolved quickly, customer says thanks',
  'Wants a discount, says Acme is cheaper',
  '客户对服务不满意，要求退款',
  '问题已解决，客户很满意',
  'App keeps crashing after the update',
];
const NOTE_TEXTS = [
  'Called about renewal, no problem with the price',
  'Mentioned switching to Globex next quarter',
  '客户推荐了两位朋友',
  'Card declined twice this month',
  '沟通顺利，续约意向强',
  'Asked for a coupon before renewing',
];
const TICKET_STATUSES = ['Open', 'Resolved', 'Closed', 'Pending', '已解决'];
const PLAN_FEES = ['$29.85', '$56.95', '$70.35', '$89.10', '¥199'];
const CONTRACTS = ['Month-to-month', 'One year', 'Two year', '按月'];
const METHODS = ['Electronic check', 'Bank transfer (automatic)', 'Credit card (automatic)', 'Mailed check'];

export const BENCH_SETTINGS: IndicatorSettings = { ...DEFAULT_INDICATOR_SETTINGS, competitors: ['Acme', 'Globex', '竞品A'] };

/** Deterministic synthetic histories (same seed → same histories). */
export function syntheticHistories(customers: number, activitiesPerCustomer = 20, seed = 7): CustomerHistory[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const out: CustomerHistory[] = [];
  for (let c = 0; c < customers; c++) {
    const activities: Activity[] = [];
    for (let i = 0; i < activitiesPerCustomer; i++) {
      const roll = i / activitiesPerCustomer;
      const kind: ActivityKind = roll < 0.6 ? 'order' : roll < 0.8 ? 'ticket' : roll < 0.95 ? 'note' : 'payment';
      const at = AS_OF - Math.floor(random() * 400) * DAY;
      const id = `${c}-${i}`;
      if (kind === 'order') {
        activities.push({ id, kind, at, amount: Math.round(random() * 20000) / 100, quantity: 1 + Math.floor(random() * 5), text: pick(PRODUCTS) });
      } else if (kind === 'ticket') {
        activities.push({ id, kind, at, status: pick(TICKET_STATUSES), text: pick(TICKET_TEXTS) });
      } else if (kind === 'note') {
        activities.push({ id, kind, at, text: pick(NOTE_TEXTS) });
      } else {
        activities.push({ id, kind, at, status: random() < 0.8 ? 'Paid' : 'Failed', text: random() < 0.5 ? 'Invoice paid' : 'Card declined' });
      }
    }
    const fields: RawFields = {
      Status: random() < 0.1 ? 'Churned' : 'Active',
      Plan: pick(['Fiber optic', 'DSL', '套餐A']),
      'Monthly fee': pick(PLAN_FEES),
      Tenure: `${1 + Math.floor(random() * 60)} months`,
      Contract: pick(CONTRACTS),
      'Payment method': pick(METHODS),
      Region: pick(['North', 'South', '华东', '华南']),
      Age: String(18 + Math.floor(random() * 60)),
      CSAT: String(1 + Math.floor(random() * 5)),
      'Customer since': '2021-03-15',
      'Auto renew': random() < 0.5 ? 'Yes' : 'No',
      Owner: 'Li Wei',
    };
    const observations = [
      { at: AS_OF - 60 * DAY, fields: { 'Monthly fee': pick(PLAN_FEES) } },
      { at: AS_OF - 10 * DAY, fields: { 'Monthly fee': fields['Monthly fee']! } },
    ];
    out.push({ asOf: AS_OF, fields, observations, activities, shown: ['order', 'ticket', 'note', 'payment'] });
  }
  return out;
}

export function benchIndicators(options: { customers?: number; activitiesPerCustomer?: number } = {}): IndicatorBench {
  const customers = options.customers ?? 10_000;
  const activitiesPerCustomer = options.activitiesPerCustomer ?? 20;
  const histories = syntheticHistories(customers, activitiesPerCustomer);
  let indicators = 0;
  const pass = () => {
    const started = performance.now();
    for (const h of histories) indicators = computeIndicators(h, BENCH_SETTINGS).values.length;
    return performance.now() - started;
  };
  const firstPassMs = pass();
  const warm = [pass(), pass(), pass()].sort((a, b) => a - b);
  const ms = warm[1]!;
  return {
    customers,
    activitiesPerCustomer,
    indicators,
    ms: Math.round(ms),
    firstPassMs: Math.round(firstPassMs),
    perCustomerUs: Math.round((ms * 1000) / customers),
  };
}
