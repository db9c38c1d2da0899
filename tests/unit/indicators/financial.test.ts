import { describe, expect, it } from 'vitest';
import { history, indicators, note, order, payment } from './helpers';

const MINUS = '\u2212';

describe('financial', () => {
  it.each([
    ['Electronic check', 'raises'],
    ['电子支票', 'raises'],
    ['Bank transfer (automatic)', 'lowers'],
    ['自动扣款', 'lowers'],
    ['Mailed check', 'neutral'],
  ])('payment method %s → %s', (text, direction) => {
    expect(indicators(history({ fields: { PaymentMethod: text } })).payment_method).toMatchObject({ value: text, display: text, direction });
  });

  it('says how the customer pays', () => {
    expect(indicators(history({ fields: { PaymentMethod: 'Mailed check' } })).payment_method!.meaning).toEqual({
      en: 'Payment method: Mailed check',
      zh: '付款方式：Mailed check',
    });
    expect(indicators(history({ fields: { PaymentMethod: 'Electronic check' } })).payment_method!.meaning!.en).toBe(
      'Pays by electronic check, by hand each time',
    );
  });

  it('paperless billing is context', () => {
    expect(indicators(history({ fields: { PaperlessBilling: 'Yes' } })).paperless_billing).toMatchObject({ value: 'yes', direction: 'neutral' });
  });

  it('late payments: the CRM’s count first, else payment statuses', () => {
    expect(indicators(history({ fields: { 'Late payments': '2' } })).late_payments).toMatchObject({ value: 2, display: '2', direction: 'raises' });
    const v = indicators(history({ activities: [payment(5, 'Paid'), payment(35, 'Failed'), payment(65, 'Late'), payment(95, 'Scheduled')] }));
    expect(v.late_payments).toMatchObject({
      value: 2,
      display: '2 of 3 payments',
      direction: 'raises',
      meaning: { en: '2 late or failed payments', zh: '2次逾期或失败付款' },
    });
    expect(indicators(history({ activities: [payment(5, 'Paid'), payment(35, '已支付')] })).late_payments).toMatchObject({ value: 0, direction: 'lowers' });
    expect(indicators(history({ activities: [payment(5)] })).late_payments!.value).toBeNull();
  });

  it('"Unpaid" is a bad payment even though it contains "paid"', () => {
    expect(indicators(history({ activities: [payment(5, 'Unpaid')] })).late_payments!.value).toBe(1);
  });

  it('an outstanding balance above zero raises risk', () => {
    expect(indicators(history({ fields: { 'Balance due': '$120.00' } })).outstanding_balance).toMatchObject({
      value: 120,
      direction: 'raises',
      meaning: { en: 'Balance due: $120.00' },
    });
    expect(indicators(history({ fields: { 欠款: '0' } })).outstanding_balance).toMatchObject({ value: 0, direction: 'lowers', meaning: { zh: '无未付余额' } });
  });

  it('credit warning signs in notes and payment texts', () => {
    expect(indicators(history({ activities: [payment(5, 'Failed', 'Card declined'), note(9, 'Fine')] })).credit_signals).toMatchObject({
      value: 1,
      direction: 'raises',
    });
    expect(indicators(history({ activities: [note(9, 'Paid by credit card')] })).credit_signals).toMatchObject({ value: 0, direction: 'neutral' });
    expect(indicators(history()).credit_signals!.value).toBeNull();
  });

  it('average order value down 40 % (100 → 60) raises risk', () => {
    const v = indicators(history({ activities: [order(100, 120), order(150, 80), order(10, 60)] }));
    expect(v.spend_capacity_change).toMatchObject({
      value: -0.4,
      display: `${MINUS}40 % per order`,
      direction: 'raises',
      trend: 'down',
      meaning: {
        en: 'Average order down 40 % (100.00 → 60.00) over the last 90 days vs the 90 days before',
        zh: '近90天平均每单较前90天下降40%（100.00→60.00）',
      },
    });
  });

  it('spend capacity needs orders with amounts in both windows', () => {
    expect(indicators(history({ activities: [order(100, 120), order(10)] })).spend_capacity_change!.value).toBeNull();
    expect(indicators(history({ activities: [order(100, 120)] })).spend_capacity_change!.value).toBeNull();
  });
});
