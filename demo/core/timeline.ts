/**
 * A believable activity timeline for each customer, synthesised from the data
 * set row (the data set is a snapshot and has no events). Deterministic: seeded
 * by the customerID, relative to a fixed CRM "today" (CRM_TODAY).
 *
 * Label safety: nothing here depends on the hidden Churn label, except the
 * "Service cancelled" note of known-history churned customers (whose Status
 * already shows Churned). Its random draw comes last, so every other event is
 * identical whatever the label.
 */
import type { Customer } from './customers';
import { randomInt, rngFor, type Rng } from './hash';
import { FIELD_LABELS, formatDate, formatMoney, UI, type ActivityStatus, type ActivityType, type Locale } from './i18n';
import { ownerName } from './names';
import { CUSTOMERS_TODAY } from './spaces';

/** The CRM's fixed "today": tenure counts back from here. */
export const CRM_TODAY = CUSTOMERS_TODAY;

export interface ActivityItem {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  type: ActivityType;
  text: string;
  /** Displayed status (tickets, payments), localised; absent when the item has none. */
  status?: string;
}

const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(`${CRM_TODAY}T00:00:00Z`);
const TODAY = new Date(TODAY_MS);

type Texts = Record<Locale, string>;

interface Draft {
  ms: number;
  type: ActivityType;
  text: Texts;
  seq: number;
  status?: ActivityStatus;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `day` of the month `monthsBack` months before CRM today's month. */
function monthDay(monthsBack: number, day: number): number {
  return Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth() - monthsBack, day);
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/** A random day in [fromMs, toMs] (both midnight UTC); fromMs when the range is empty. */
function randomDay(rng: Rng, fromMs: number, toMs: number): number {
  const days = Math.floor((toMs - fromMs) / DAY_MS);
  return fromMs + (days > 0 ? randomInt(rng, 0, days) : 0) * DAY_MS;
}

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit && k < 50) {
    k += 1;
    p *= rng();
  }
  return k;
}

const both = (en: string, zh: string): Texts => ({ en, zh });
const dates = (ms: number): Texts => ({ en: formatDate(isoDate(ms), 'en'), zh: formatDate(isoDate(ms), 'zh') });
const owners = (owner: number): Texts => ({ en: ownerName(owner, 'en'), zh: ownerName(owner, 'zh') });

const ADD_ON_FIELDS = ['MultipleLines', 'OnlineSecurity', 'OnlineBackup', 'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies'] as const;

const TOPICS = {
  internet: [
    both('Slow internet speeds in the evening', '晚间网速很慢'),
    both('Connection drops several times a day', '网络每天断线多次'),
    both('Router replacement requested', '申请更换路由器'),
    both('No internet since this morning', '今早起无法上网'),
  ],
  fiber: [both('Fiber outage in the neighbourhood', '小区光纤故障')],
  selfHelp: [both('Needs help setting up Wi-Fi', '需要协助设置 Wi-Fi'), both('Cannot connect a new laptop', '新笔记本无法联网')],
  phone: [both('Poor call quality', '通话质量差'), both('Voicemail not working', '语音信箱无法使用')],
  streaming: [both('Streaming keeps buffering', '流媒体播放频繁卡顿')],
  billing: [both('Question about charges on the latest invoice', '对最近账单的费用有疑问'), both('Asked for a discount on the monthly fee', '要求降低月费')],
};

/** The customer's activity, newest first. */
export function activityTimeline(customer: Customer, locale: Locale): ActivityItem[] {
  const rng = rngFor(`${customer.id}|timeline`);
  const row = customer.row;
  const tenure = Math.max(0, customer.tenure);
  const hasInternet = row.InternetService !== 'No';
  const hasPhone = row.PhoneService === 'Yes';
  const owner = owners(customer.owner);
  const drafts: Draft[] = [];
  const add = (ms: number, type: ActivityType, text: Texts, status?: ActivityStatus) => {
    drafts.push({ ms: Math.min(ms, TODAY_MS), type, text, seq: drafts.length, ...(status ? { status } : {}) });
  };

  const start = monthDay(tenure, randomInt(rng, 1, 28));
  const lastYear = Math.max(start, addMonths(TODAY_MS, -12));

  // Sign-up (a fibre customer may have started on DSL and upgraded later).
  const upgraded = row.InternetService === 'Fiber optic' && tenure >= 12 && rng() < 0.3;
  const plan = upgraded ? 'DSL' : row.InternetService;
  const offer: Texts =
    hasInternet && hasPhone
      ? both(`${plan} internet and phone service`, ` ${plan} 宽带和电话服务`)
      : hasInternet
        ? both(`${plan} internet`, ` ${plan} 宽带`)
        : both('phone service', '电话服务');
  const since = dates(start);
  add(start, 'order', both(`Customer since ${since.en}: signed up for ${offer.en}`, `自 ${since.zh} 起成为客户，开通${offer.zh}`));
  if (upgraded) {
    const at = randomDay(rng, addMonths(start, 6), addMonths(TODAY_MS, -1));
    add(at, 'order', both('Upgraded internet from DSL to Fiber optic', '宽带由 DSL 升级为 Fiber optic'));
  }

  // Welcome call.
  const welcome = start + randomInt(rng, 2, 7) * DAY_MS;
  if (welcome <= TODAY_MS) add(welcome, 'call', both(`Welcome call by ${owner.en}`, `${owner.zh}完成欢迎回访`));

  // Contract: signed at sign-up or switched later, then renewed each term.
  if (row.Contract === 'One year' || row.Contract === 'Two year') {
    const months = row.Contract === 'One year' ? 12 : 24;
    const term = months === 12 ? both('one-year', '一年期') : both('two-year', '两年期');
    const switchedLater = tenure >= 6 && rng() < 0.3;
    const signed = switchedLater ? addMonths(start, randomInt(rng, 3, tenure - 1)) : start;
    add(
      signed,
      'order',
      switchedLater
        ? both(`Switched from month-to-month to a ${term.en} contract`, `由按月付费改签${term.zh}合同`)
        : both(`Signed a ${term.en} contract`, `签订${term.zh}合同`),
    );
    for (let renewal = addMonths(signed, months); renewal <= TODAY_MS; renewal = addMonths(renewal, months)) {
      add(renewal, 'order', both(`Renewed the ${term.en} contract`, `续签${term.zh}合同`));
    }
  } else if (tenure >= 6 && rng() < 0.5) {
    add(
      randomDay(rng, lastYear, TODAY_MS),
      'call',
      both(
        `Call by ${owner.en}: offered a one-year contract with a loyalty discount; customer stays month-to-month`,
        `${owner.zh}致电：推荐一年期合同及忠诚折扣，客户仍选择按月付费`,
      ),
    );
  }

  // Billing set-up and payment events.
  const method = row.PaymentMethod;
  if (method.includes('(automatic)')) {
    const at = randomDay(rng, start, addMonths(start, Math.min(tenure, 3)));
    add(at, 'payment', both(`Automatic payment set up: ${method}`, `已设置自动付款：${method}`));
  }
  if (row.PaperlessBilling === 'Yes') {
    const at = randomDay(rng, start, addMonths(start, Math.min(tenure, 6)));
    add(at, 'note', both('Switched to paperless billing', '已改用电子账单'));
  }
  if (method === 'Electronic check' && tenure >= 2 && rng() < 0.35) {
    const money = formatMoney(customer.monthlyCharges);
    add(
      randomDay(rng, lastYear, TODAY_MS),
      'payment',
      both(`Electronic check payment of ${money} returned; paid on the second attempt`, `${money} 的电子支票付款被退回，第二次付款成功`),
      'returned',
    );
  }
  const payDay = randomInt(rng, 1, 10);
  for (let back = 2; back >= 0; back -= 1) {
    const due = monthDay(back, payDay);
    if (due < start + 20 * DAY_MS) continue;
    const money = formatMoney(customer.monthlyCharges);
    add(due, 'payment', both(`Payment of ${money} received by ${method}`, `已通过 ${method} 收到付款 ${money}`), 'received');
  }

  // Add-on services bought after sign-up.
  for (const field of ADD_ON_FIELDS) {
    if (row[field] !== 'Yes' || tenure < 2 || rng() >= 0.4) continue;
    const at = randomDay(rng, addMonths(start, 1), TODAY_MS);
    add(
      at,
      'order',
      field === 'MultipleLines'
        ? both('Added a second phone line', '新增第二条电话线路')
        : both(`Added ${FIELD_LABELS.en[field]}`, `新增${FIELD_LABELS.zh[field]}`),
    );
  }

  // Support tickets: more without tech support, more on fibre; the CRM keeps two years.
  const topics: Texts[] = [...TOPICS.billing];
  if (hasInternet) topics.push(...TOPICS.internet);
  if (row.InternetService === 'Fiber optic') topics.push(...TOPICS.fiber);
  if (hasInternet && row.TechSupport === 'No') topics.push(...TOPICS.selfHelp);
  if (hasPhone) topics.push(...TOPICS.phone);
  if (row.StreamingTV === 'Yes' || row.StreamingMovies === 'Yes') topics.push(...TOPICS.streaming);
  const perYear = 0.4 + (hasInternet && row.TechSupport === 'No' ? 1.5 : 0) + (row.InternetService === 'Fiber optic' ? 0.8 : 0) + (hasPhone ? 0.2 : 0);
  const windowMonths = Math.max(1, Math.min(tenure, 24));
  const tickets = Math.min(5, poisson(rng, (perYear * windowMonths) / 12));
  const ticketFrom = Math.max(start + DAY_MS, addMonths(TODAY_MS, -24));
  for (let i = 0; i < tickets; i += 1) {
    const at = randomDay(rng, ticketFrom, TODAY_MS);
    const topic = topics[randomInt(rng, 0, topics.length - 1)] ?? TOPICS.billing[0]!;
    const number = randomInt(rng, 10_000, 99_999);
    const open = TODAY_MS - at <= 10 * DAY_MS && rng() < 0.6;
    add(at, 'ticket', both(`Ticket #${number}: ${topic.en}`, `工单 #${number}：${topic.zh}`), open ? 'open' : 'resolved');
  }

  // Yearly account review.
  if (tenure >= 12 && rng() < 0.4) {
    add(randomDay(rng, lastYear, TODAY_MS), 'meeting', both(`Annual account review with ${owner.en}`, `${owner.zh}进行年度账户回顾`));
  }

  // Known churners: the cancellation closes the history (drawn last, see above).
  let items = drafts;
  if (customer.status === 'Churned') {
    const cancelled = Math.max(start + DAY_MS, TODAY_MS - randomInt(rng, 1, 25) * DAY_MS);
    items = drafts.filter((d) => d.ms <= cancelled);
    items.push({
      ms: Math.min(cancelled, TODAY_MS),
      type: 'note',
      text: both('Service cancelled; account closed', '客户已取消服务，账户关闭'),
      seq: drafts.length,
    });
  }

  return items
    .sort((a, b) => b.ms - a.ms || b.seq - a.seq)
    .map((d) => ({
      date: isoDate(d.ms),
      type: d.type,
      text: d.text[locale],
      ...(d.status ? { status: UI[locale].activityStatuses[d.status] } : {}),
    }));
}
