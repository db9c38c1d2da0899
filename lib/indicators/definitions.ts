/**
 * The indicator catalogue: every indicator the engine computes, in display
 * order, by the six categories of the product research. `needs` names the
 * product fields (lib/fields/product-fields) or activity kinds
 * ("activity:order") that can supply it; any one of them is enough unless
 * the explanation says otherwise. `needsAll` names fields that supply it
 * only all together: a CRM list page shows a summary (order count, first
 * and last purchase, total spend, average order) instead of the orders, and
 * the order indicators that the summary determines are read from it with
 * the same definition (lib/indicators/order-summary.ts); the order list,
 * when shown, wins. Windowed indicators (…_recent, …_trend) need the order
 * list itself. "The window" is the churn definition's
 * windowDays (default 90): the recent window is the last W days before the
 * CRM's today, the earlier window the W days before that.
 */
import type { IndicatorDefinition } from './types';

const ORDER = 'activity:order';
const TICKET = 'activity:ticket';
const NOTE = 'activity:note';
const CONTACT = 'activity:contact';
const PAYMENT = 'activity:payment';
const TEXTS = [NOTE, TICKET, CONTACT] as const;

export const INDICATOR_DEFINITIONS = [
  // ---------------------------------------------------------------- consumption
  {
    id: 'recency_days',
    category: 'consumption',
    label: { en: 'Days since last order', zh: '距上次购买天数' },
    explanation: {
      en: 'Whole days from the last order (or the CRM’s last-purchase date) to today; more than one window without an order raises risk.',
      zh: '从最近一次购买（或 CRM 的最近购买日期）到今天的整天数；超过一个窗口期未购买则风险上升。',
    },
    needs: [ORDER, 'last_purchase'],
  },
  {
    id: 'order_count',
    category: 'consumption',
    label: { en: 'Orders', zh: '订单数' },
    explanation: {
      en: 'Orders in the whole history (or the CRM’s order count); one-time buyers churn most, three or more orders lower risk.',
      zh: '全部历史中的订单数（或 CRM 显示的订单数）；只买过一次的客户最易流失，三单及以上风险较低。',
    },
    needs: [ORDER, 'order_count'],
    featureScale: 'log',
  },
  {
    id: 'orders_recent',
    category: 'consumption',
    label: { en: 'Orders in the last window', zh: '近期订单数' },
    explanation: { en: 'Orders in the recent window, with the trend against the window before.', zh: '最近一个窗口期内的订单数，并与前一个窗口期比较趋势。' },
    needs: [ORDER],
    featureScale: 'log',
  },
  {
    id: 'frequency_trend',
    category: 'consumption',
    label: { en: 'Purchase frequency trend', zh: '购买频次趋势' },
    explanation: {
      en: 'Change in the number of orders, recent window vs the window before; a fall of 25 % or more raises risk.',
      zh: '最近窗口期与前一窗口期订单数的变化；下降25%及以上风险上升。',
    },
    needs: [ORDER],
  },
  {
    id: 'total_spend',
    category: 'consumption',
    label: { en: 'Total spend to date', zh: '累计消费' },
    explanation: {
      en: 'Total spend as the CRM shows it, or the sum of the orders seen; context for value, not a risk by itself.',
      zh: 'CRM 显示的累计消费，或已见订单金额之和；反映客户价值，本身不代表风险。',
    },
    needs: ['total_spend', ORDER],
    featureScale: 'log',
  },
  {
    id: 'monthly_value',
    category: 'consumption',
    label: { en: 'Monthly spend', zh: '月消费' },
    explanation: { en: 'The monthly fee or revenue the CRM shows; context for value.', zh: 'CRM 显示的月费或月收入；反映客户价值。' },
    needs: ['monthly_value'],
  },
  {
    id: 'spend_recent',
    category: 'consumption',
    label: { en: 'Spend in the last window', zh: '近期消费' },
    explanation: { en: 'Spend in the recent window, with the trend against the window before.', zh: '最近一个窗口期内的消费金额，并与前一个窗口期比较趋势。' },
    needs: [ORDER],
    featureScale: 'log',
  },
  {
    id: 'spend_trend',
    category: 'consumption',
    label: { en: 'Spend trend', zh: '消费趋势' },
    explanation: {
      en: 'Change in spend, recent window vs the window before; a fall of 25 % or more raises risk.',
      zh: '最近窗口期与前一窗口期消费金额的变化；下降25%及以上风险上升。',
    },
    needs: [ORDER],
  },
  {
    id: 'avg_order_value',
    category: 'consumption',
    label: { en: 'Average order value', zh: '平均订单金额' },
    explanation: {
      en: 'Spend per order over the whole history (or the CRM’s average order, else its total spend over its order count); context for value.',
      zh: '全部历史中每笔订单的平均金额（或 CRM 的平均订单额，否则为其累计消费除以订单数）；反映客户价值。',
    },
    needs: [ORDER, 'avg_order_value'],
    needsAll: ['total_spend', 'order_count'],
    featureScale: 'log',
  },
  {
    id: 'inter_purchase_days',
    category: 'consumption',
    label: { en: 'Days between orders', zh: '购买间隔天数' },
    explanation: {
      en: 'Average days between consecutive orders: days from the first order to the last over orders − 1 (needs two orders; from the CRM’s first and last purchase dates and order count when no order list is shown); the customer’s own rhythm.',
      zh: '相邻两次购买之间的平均天数：首单到末单的天数除以（订单数−1）（至少两单；未显示订单列表时按 CRM 的首次、最近购买日期和订单数）；反映客户自身的购买节奏。',
    },
    needs: [ORDER],
    needsAll: ['first_purchase', 'last_purchase', 'order_count'],
    featureScale: 'log',
  },
  {
    id: 'overdue_ratio',
    category: 'consumption',
    label: { en: 'Overdue vs usual rhythm', zh: '超出平时购买间隔' },
    explanation: {
      en: 'Days since the last order divided by the usual days between orders (from the order list, or the same summary fields); twice the usual gap or more raises risk.',
      zh: '距上次购买天数除以平时购买间隔（按订单列表，或同样的汇总字段）；达到平时间隔两倍及以上风险上升。',
    },
    needs: [ORDER],
    needsAll: ['first_purchase', 'last_purchase', 'order_count'],
    featureScale: 'log',
  },
  {
    id: 'units_trend',
    category: 'consumption',
    label: { en: 'Units bought trend', zh: '购买件数趋势' },
    explanation: {
      en: 'Change in units bought, recent window vs the window before (orders with a quantity).',
      zh: '最近窗口期与前一窗口期购买件数的变化（需订单有数量）。',
    },
    needs: [ORDER],
  },
  {
    id: 'category_shift',
    category: 'consumption',
    label: { en: 'Products dropped', zh: '停购商品比例' },
    explanation: {
      en: 'Share of the products bought in the window before that were not bought again in the recent window; a changed basket.',
      zh: '前一窗口期购买过、最近窗口期未再购买的商品占比；反映消费结构变化。',
    },
    needs: [ORDER],
  },
  {
    id: 'plan',
    category: 'consumption',
    label: { en: 'Plan', zh: '套餐' },
    explanation: { en: 'The plan or package the CRM shows; context.', zh: 'CRM 显示的套餐或服务包；作为背景信息。' },
    needs: ['plan'],
  },
  {
    id: 'plan_downgrade',
    category: 'consumption',
    label: { en: 'Plan downgrade', zh: '套餐降级' },
    explanation: {
      en: 'Whether the monthly spend seen on later visits fell 5 % or more below an earlier visit.',
      zh: '后续访问中看到的月消费是否比此前低5%及以上。',
    },
    needs: ['monthly_value'],
  },
  // ---------------------------------------------------------------- satisfaction
  {
    id: 'ticket_count',
    category: 'satisfaction',
    label: { en: 'Support tickets', zh: '工单数' },
    explanation: {
      en: 'Tickets and complaints in the history (or the CRM’s count); three or more raise risk.',
      zh: '历史中的工单与投诉数（或 CRM 显示的数量）；三个及以上风险上升。',
    },
    needs: ['tickets', TICKET],
    featureScale: 'log',
  },
  {
    id: 'tickets_recent',
    category: 'satisfaction',
    label: { en: 'Tickets in the last window', zh: '近期工单数' },
    explanation: {
      en: 'Tickets in the recent window, with the trend against the window before; more tickets raise risk.',
      zh: '最近窗口期内的工单数，并与前一窗口期比较；工单增多风险上升。',
    },
    needs: [TICKET],
  },
  {
    id: 'unresolved_tickets',
    category: 'satisfaction',
    label: { en: 'Unresolved tickets', zh: '未解决工单' },
    explanation: {
      en: 'Tickets whose status is still open or pending; any open ticket raises risk.',
      zh: '状态仍为处理中或待处理的工单；存在未解决工单时风险上升。',
    },
    needs: [TICKET],
  },
  {
    id: 'csat',
    category: 'satisfaction',
    label: { en: 'Satisfaction score (CSAT)', zh: '满意度（CSAT）' },
    explanation: {
      en: 'The CRM’s satisfaction score, read on the smallest usual scale that fits (5, 10, 100 or %); below 60 % of the scale raises risk, 80 % or more lowers it.',
      zh: 'CRM 的满意度评分，按能容纳该值的最小常用量表（5、10、100 或百分比）解读；低于满分60%风险上升，80%及以上风险下降。',
    },
    needs: ['csat'],
  },
  {
    id: 'nps',
    category: 'satisfaction',
    label: { en: 'Likelihood to recommend (NPS)', zh: '推荐意愿（NPS）' },
    explanation: {
      en: 'The customer’s 0–10 answer: 0–6 detractor (raises risk), 7–8 passive, 9–10 promoter (lowers risk).',
      zh: '客户0–10分的回答：0–6分为贬损者（风险上升），7–8分为中立者，9–10分为推荐者（风险下降）。',
    },
    needs: ['nps'],
  },
  {
    id: 'sentiment',
    category: 'satisfaction',
    label: { en: 'Tone of notes and tickets', zh: '备注与工单语气' },
    explanation: {
      en: 'Positive minus negative opinion words over all of them in notes, tickets and contacts (−1 to +1, negation handled); −0.25 or below raises risk.',
      zh: '备注、工单与联系记录中正面与负面词之差除以总数（−1到+1，处理否定）；−0.25及以下风险上升。',
    },
    needs: [...TEXTS],
  },
  {
    id: 'tech_support',
    category: 'satisfaction',
    label: { en: 'Has tech support', zh: '有技术支持' },
    explanation: { en: 'Whether the customer has the tech-support service; without it, risk is higher.', zh: '客户是否开通技术支持服务；未开通时风险较高。' },
    needs: ['tech_support'],
  },
  {
    id: 'online_security',
    category: 'satisfaction',
    label: { en: 'Has online security', zh: '有网络安全服务' },
    explanation: {
      en: 'Whether the customer has the online-security service; without it, risk is higher.',
      zh: '客户是否开通网络安全服务；未开通时风险较高。',
    },
    needs: ['online_security'],
  },
  // ---------------------------------------------------------------- loyalty
  {
    id: 'tenure',
    category: 'loyalty',
    label: { en: 'Tenure', zh: '客户时长' },
    explanation: {
      en: 'Months as a customer: the CRM’s tenure, else since the customer-since date, else since the first purchase date or the first activity seen, whichever is earlier; under 6 months raises risk, 24 or more lowers it.',
      zh: '成为客户的月数：取 CRM 的在网时长，否则按注册日期，否则按首次购买日期或最早的活动（取较早者）；不足6个月风险上升，24个月及以上风险下降。',
    },
    needs: ['tenure_months', 'customer_since', 'first_purchase', ORDER],
  },
  {
    id: 'repeat_purchase_rate',
    category: 'loyalty',
    label: { en: 'Repeat-purchase rate', zh: '复购率' },
    explanation: {
      en: 'Share of 30-day periods since the first order with at least one order (needs 30 days of history). Without an order list, from the CRM’s first purchase date and order count (and last purchase date) when they settle it: one order, or all orders in at most two periods; 50 % or more lowers risk, 20 % or less raises it.',
      zh: '自首次购买以来有购买的30天周期占比（需满30天历史）。没有订单列表时，按 CRM 的首次购买日期和订单数（及最近购买日期）在能确定时计算：只有一单，或全部订单落在至多两个周期内；50%及以上风险下降，20%及以下风险上升。',
    },
    needs: [ORDER],
    needsAll: ['first_purchase', 'order_count'],
  },
  {
    id: 'contract',
    category: 'loyalty',
    label: { en: 'Contract', zh: '合同' },
    explanation: {
      en: 'Contract length in months when the CRM’s text says it; month-to-month raises risk, yearly contracts lower it.',
      zh: '能从 CRM 文本读出时为合同月数；按月合同风险上升，一年及以上合同风险下降。',
    },
    needs: ['contract'],
  },
  {
    id: 'auto_renew',
    category: 'loyalty',
    label: { en: 'Auto-renewal', zh: '自动续费' },
    explanation: {
      en: 'Whether the subscription renews automatically; it lowers risk, its absence raises it.',
      zh: '订阅是否自动续费；开启时风险下降，未开启时风险上升。',
    },
    needs: ['auto_renew'],
  },
  {
    id: 'referrals',
    category: 'loyalty',
    label: { en: 'Referrals', zh: '推荐' },
    explanation: {
      en: 'Customers referred (the CRM’s count), else notes that mention a referral; any referral lowers risk.',
      zh: '推荐的客户数（CRM 字段），否则为提到推荐/转介绍的记录数；有推荐时风险下降。',
    },
    needs: ['referrals', ...TEXTS],
  },
  {
    id: 'days_since_activity',
    category: 'loyalty',
    label: { en: 'Days since last activity', zh: '距最近互动天数' },
    explanation: {
      en: 'Days since the last order, contact or ticket (or the CRM’s last-activity or last-purchase date); reaching the churn definition’s inactivity limit or one window raises risk.',
      zh: '距最近一次购买、联系或工单（或 CRM 的最近活动或最近购买日期）的天数；达到流失定义的不活跃天数或一个窗口期时风险上升。',
    },
    needs: ['last_activity', 'last_purchase', ORDER, CONTACT, TICKET],
  },
  // ---------------------------------------------------------------- competition
  {
    id: 'competitor_mentions',
    category: 'competition',
    label: { en: 'Competitor mentions', zh: '提及竞争对手' },
    explanation: {
      en: 'Notes, tickets and contacts that name a competitor from the manager’s list or talk about switching; any mention raises risk.',
      zh: '提到管理员所列竞争对手或更换供应商的备注、工单与联系记录数；一旦提及风险上升。',
    },
    needs: [...TEXTS],
  },
  {
    id: 'discount_requests',
    category: 'competition',
    label: { en: 'Discount requests', zh: '折扣诉求' },
    explanation: {
      en: 'Notes, tickets and contacts asking for discounts or calling the price too high: price sensitivity, which raises risk.',
      zh: '要求折扣或嫌价格高的备注、工单与联系记录数：价格敏感，风险上升。',
    },
    needs: [...TEXTS],
  },
  {
    id: 'current_discount',
    category: 'competition',
    label: { en: 'Current discount', zh: '当前折扣' },
    explanation: {
      en: 'The discount the customer has now, as a percentage; context for price sensitivity.',
      zh: '客户当前享受的折扣比例；反映价格敏感度的背景信息。',
    },
    needs: ['discount'],
  },
  // ---------------------------------------------------------------- characteristics
  {
    id: 'lifecycle_stage',
    category: 'characteristics',
    label: { en: 'Lifecycle stage', zh: '生命周期阶段' },
    explanation: {
      en: 'New, growth, mature, decline or churned, classified from the history (lib/indicators/lifecycle-stage.ts); a description, not blame.',
      zh: '新客、成长、成熟、衰退或流失，按历史分类（lib/indicators/lifecycle-stage.ts）；仅作描述，不代表过错。',
    },
    needs: [ORDER, 'tenure_months', 'customer_since', 'first_purchase', 'status'],
  },
  {
    id: 'segment',
    category: 'characteristics',
    label: { en: 'Segment', zh: '客户分群' },
    explanation: { en: 'The CRM’s customer segment; a feature for the model, never blame.', zh: 'CRM 中的客户分群；仅作为模型特征，不代表过错。' },
    needs: ['segment'],
  },
  {
    id: 'region',
    category: 'characteristics',
    label: { en: 'Region', zh: '地区' },
    explanation: { en: 'Region or country as the CRM shows it; a feature, never blame.', zh: 'CRM 显示的地区或国家；仅作为特征，不代表过错。' },
    needs: ['region'],
  },
  {
    id: 'age_band',
    category: 'characteristics',
    label: { en: 'Age band', zh: '年龄段' },
    explanation: {
      en: 'Age band (18–24, 25–34, …, 65+) from the CRM’s age; a feature, never blame.',
      zh: '由 CRM 年龄得到的年龄段（18–24、25–34……65+）；仅作为特征，不代表过错。',
    },
    needs: ['age'],
  },
  {
    id: 'senior',
    category: 'characteristics',
    label: { en: 'Senior citizen', zh: '老年客户' },
    explanation: {
      en: 'Whether the CRM marks the customer as a senior; a feature, never blame.',
      zh: 'CRM 是否将客户标记为老年客户；仅作为特征，不代表过错。',
    },
    needs: ['senior'],
  },
  {
    id: 'top_product',
    category: 'characteristics',
    label: { en: 'Preferred product', zh: '偏好商品' },
    explanation: {
      en: 'The product or category named most often on the customer’s orders (needs two orders with a name); a preference.',
      zh: '客户订单中出现最多的商品或品类（至少两单有名称）；反映偏好。',
    },
    needs: [ORDER],
  },
  // ---------------------------------------------------------------- financial
  {
    id: 'payment_method',
    category: 'financial',
    label: { en: 'Payment method', zh: '支付方式' },
    explanation: {
      en: 'How the customer pays; electronic check raises risk, automatic payment lowers it.',
      zh: '客户的付款方式；电子支票风险较高，自动扣款风险较低。',
    },
    needs: ['payment_method'],
  },
  {
    id: 'paperless_billing',
    category: 'financial',
    label: { en: 'Paperless billing', zh: '无纸化账单' },
    explanation: { en: 'Whether bills are paperless; context.', zh: '是否使用无纸化账单；作为背景信息。' },
    needs: ['paperless_billing'],
  },
  {
    id: 'late_payments',
    category: 'financial',
    label: { en: 'Late or failed payments', zh: '逾期或失败付款' },
    explanation: {
      en: 'Late, failed or declined payments (the CRM’s count, else payment statuses); any raises risk.',
      zh: '逾期、失败或被拒的付款次数（CRM 字段，否则按付款状态）；出现即风险上升。',
    },
    needs: ['late_payments', PAYMENT],
  },
  {
    id: 'outstanding_balance',
    category: 'financial',
    label: { en: 'Outstanding balance', zh: '未付余额' },
    explanation: { en: 'Money the customer owes now; a balance above zero raises risk.', zh: '客户当前欠付的金额；大于零时风险上升。' },
    needs: ['outstanding_balance'],
  },
  {
    id: 'credit_signals',
    category: 'financial',
    label: { en: 'Credit warning signs', zh: '信用预警' },
    explanation: {
      en: 'Notes, tickets and payments mentioning chargebacks, disputes, collections, declined cards or inability to pay; any raises risk.',
      zh: '提到拒付、争议、催收、卡被拒或无力支付的备注、工单与付款记录数；出现即风险上升。',
    },
    needs: [...TEXTS, PAYMENT],
  },
  {
    id: 'spend_capacity_change',
    category: 'financial',
    label: { en: 'Spend per order change', zh: '单笔消费变化' },
    explanation: {
      en: 'Change in average order value, recent window vs the window before: a proxy for spending capacity; a fall of 25 % or more raises risk.',
      zh: '最近窗口期与前一窗口期平均订单金额的变化：消费能力的近似指标；下降25%及以上风险上升。',
    },
    needs: [ORDER],
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof INDICATOR_DEFINITIONS)[number]['id'];

export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATOR_DEFINITIONS.map((d) => [d.id, d as IndicatorDefinition]));
