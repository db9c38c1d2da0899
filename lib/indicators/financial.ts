/**
 * Financial: payment method, billing, late or failed payments, balance due,
 * credit warning signs, spend capacity.
 *
 * Rules:
 *   payment_method         electronic check raises, automatic payment lowers, others neutral.
 *   paperless_billing      yes / no, neutral.
 *   late_payments          the CRM's count, else payments whose status says late / failed / declined among
 *                          payments with a readable status: ≥ 1 raises, 0 lowers.
 *   outstanding_balance    > 0 raises, ≤ 0 lowers.
 *   credit_signals         texts mentioning chargebacks, disputes, collections, declined cards, inability to pay:
 *                          ≥ 1 raises, 0 neutral. Available once there is at least one text.
 *   spend_capacity_change  average order value, recent window vs the window before (every order in both windows
 *                          with an amount, at least one in each): ≤ −25 % raises, ≥ +25 % lowers.
 */
import { fieldNumber, fieldYesNo } from './field-values';
import { hasEarlierWindow, type IndicatorContext } from './context';
import { change, declineRaises, money, movedEn, movedZh, num, plural, round, signedPercent, trendOf, verb, type Readings } from './reading';

const RISKY_METHOD = /electronic check|电子支票/i;
const AUTOMATIC_METHOD = /automatic|auto-?pay|direct debit|自动/i;

export function computeFinancial(ctx: IndicatorContext, out: Readings): void {
  const methodText = ctx.fields.payment_method;
  if (methodText !== undefined) {
    const shown = methodText.trim();
    const risky = RISKY_METHOD.test(shown);
    const automatic = !risky && AUTOMATIC_METHOD.test(shown);
    out.set('payment_method', {
      value: shown,
      display: shown,
      direction: risky ? 'raises' : automatic ? 'lowers' : 'neutral',
      meaning: automatic
        ? { en: `Pays automatically (${shown})`, zh: `自动扣款（${shown}）` }
        : risky
          ? { en: 'Pays by electronic check, by hand each time', zh: '使用电子支票，每次手动付款' }
          : { en: `Payment method: ${shown}`, zh: `付款方式：${shown}` },
    });
  }

  const paperlessText = ctx.fields.paperless_billing;
  const paperless = fieldYesNo(paperlessText);
  if (paperless !== null) {
    out.set('paperless_billing', {
      value: paperless ? 'yes' : 'no',
      display: paperlessText!.trim(),
      direction: 'neutral',
      meaning: paperless ? { en: 'Paperless billing', zh: '使用无纸化账单' } : { en: 'Paper bills', zh: '使用纸质账单' },
    });
  }

  const lateText = ctx.fields.late_payments;
  const lateField = fieldNumber(lateText);
  const late = lateField ?? (ctx.paymentsWithStatus > 0 ? ctx.badPayments : null);
  if (late !== null) {
    out.set('late_payments', {
      value: late,
      display: lateField !== null ? lateText!.trim() : `${num(late)} of ${plural(ctx.paymentsWithStatus, 'payment')}`,
      direction: late >= 1 ? 'raises' : 'lowers',
      meaning:
        late === 0
          ? { en: 'No late or failed payments', zh: '没有逾期或失败的付款' }
          : { en: `${plural(late, 'late or failed payment')}`, zh: `${num(late)}次逾期或失败付款` },
    });
  }

  const balanceText = ctx.fields.outstanding_balance;
  const balance = fieldNumber(balanceText);
  if (balance !== null) {
    const shown = balanceText!.trim();
    out.set('outstanding_balance', {
      value: balance,
      display: shown,
      direction: balance > 0 ? 'raises' : 'lowers',
      meaning: balance > 0 ? { en: `Balance due: ${shown}`, zh: `未付余额：${shown}` } : { en: 'Nothing outstanding', zh: '无未付余额' },
    });
  }

  if (ctx.text.texts > 0) {
    const n = ctx.text.signals.credit;
    out.set('credit_signals', {
      value: n,
      display: plural(n, 'mention'),
      direction: n >= 1 ? 'raises' : 'neutral',
      meaning:
        n === 0
          ? { en: `No credit warning signs in ${plural(ctx.text.texts, 'note')}`, zh: `${ctx.text.texts}条记录中没有信用预警` }
          : {
              en: `${plural(n, 'note')} ${verb(n, 'mentions', 'mention')} chargebacks, disputes, collections or trouble paying`,
              zh: `${n}条记录提到拒付、争议、催收或付款困难`,
            },
    });
  }

  const { recent, earlier } = ctx;
  if (
    hasEarlierWindow(ctx) &&
    recent.orders > 0 &&
    earlier.orders > 0 &&
    recent.amountOrders === recent.orders &&
    earlier.amountOrders === earlier.orders &&
    earlier.spend > 0
  ) {
    const before = earlier.spend / earlier.orders;
    const after = recent.spend / recent.orders;
    const c = change(before, after);
    const W = ctx.windowDays;
    out.set('spend_capacity_change', {
      value: round(c, 3),
      display: `${signedPercent(c)} per order`,
      direction: declineRaises(c),
      trend: trendOf(c),
      meaning: {
        en: `Average order ${movedEn(c)} (${money(before)} → ${money(after)}) over the last ${W} days vs the ${W} days before`,
        zh: `近${W}天平均每单较前${W}天${movedZh(c)}（${money(before)}→${money(after)}）`,
      },
    });
  }
}
