import { describe, expect, it } from 'vitest';
import { contractMonths } from '@/lib/indicators/loyalty';
import { contact, history, indicators, note, order, settings, ticket } from './helpers';

describe('loyalty: tenure', () => {
  it.each([
    ['34 months', 34, 'lowers', 'Customer for 34 months'],
    ['2 years', 24, 'lowers', 'Customer for 24 months'],
    ['3', 3, 'raises', 'Customer for 3 months'], // Telco's bare number of months
    ['18个月', 18, 'neutral', 'Customer for 18 months'],
    ['0', 0, 'raises', 'Customer for less than a month'],
  ])('the CRM’s tenure %s', (text, value, direction, en) => {
    expect(indicators(history({ fields: { Tenure: text } })).tenure).toMatchObject({ value, display: text, direction, meaning: { en } });
  });

  it('else months since the customer-since date (2023-06-30 → 2024-06-30: 366 days = 12.0 months)', () => {
    expect(indicators(history({ fields: { 'Customer since': '2023-06-30' } })).tenure).toMatchObject({
      value: 12,
      display: '12 months',
      direction: 'neutral',
      meaning: { en: 'Customer for 12 months (since the customer-since date)', zh: '客户时长12个月（按注册日期）' },
    });
  });

  it('else since the first activity seen, in days under a month', () => {
    expect(indicators(history({ activities: [order(45, 10), note(3, 'hi')] })).tenure).toMatchObject({ value: 1.5, display: '1 month', direction: 'raises' });
    expect(indicators(history({ activities: [ticket(20)] })).tenure).toMatchObject({
      value: 0.7,
      display: '20 days',
      meaning: { en: 'Customer for 20 days (since the first activity seen)', zh: '成为客户20天（按最早的活动记录）' },
    });
  });

  it('a customer-since date after today is ignored; with nothing else tenure is not available', () => {
    expect(indicators(history({ fields: { 'Customer since': '2025-01-01' } })).tenure!.value).toBeNull();
    expect(indicators(history({ fields: { Tenure: 'a while' } })).tenure!.value).toBeNull();
  });
});

describe('loyalty: repeat-purchase rate', () => {
  it('orders in 3 of the 4 thirty-day periods since the first order, 100 days ago', () => {
    const v = indicators(history({ activities: [order(100), order(95), order(40), order(10)] }));
    expect(v.repeat_purchase_rate).toMatchObject({
      value: 0.75,
      display: '75 % of months',
      direction: 'lowers',
      meaning: { en: 'Bought in 3 of 4 30-day periods since the first order', zh: '首次购买以来4个30天周期中有3个有购买' },
    });
  });

  it('one burst 300 days ago: 1 of 11 periods raises risk', () => {
    expect(indicators(history({ activities: [order(300), order(299)] })).repeat_purchase_rate).toMatchObject({ value: 0.091, direction: 'raises' });
  });

  it('needs 30 days since the first order', () => {
    expect(indicators(history({ activities: [order(29)] })).repeat_purchase_rate!.value).toBeNull();
    expect(indicators(history({ activities: [order(30)] })).repeat_purchase_rate).toMatchObject({ value: 0.5 });
  });
});

describe('loyalty: contract, auto-renewal, referrals', () => {
  it.each([
    ['Month-to-month', 1],
    ['按月', 1],
    ['One year', 12],
    ['Two year', 24],
    ['两年', 24],
    ['6 months', 6],
    ['Annual', null],
  ])('contract length of %s', (text, months) => {
    expect(contractMonths(text)).toBe(months);
  });

  it('month-to-month raises risk, two years lower it, a length in between is neutral', () => {
    expect(indicators(history({ fields: { Contract: 'Month-to-month' } })).contract).toMatchObject({
      value: 1,
      display: 'Month-to-month',
      direction: 'raises',
      meaning: { en: 'Month-to-month contract: free to leave any month', zh: '按月合同：每月都可以离开' },
    });
    expect(indicators(history({ fields: { 合同类型: 'Two year' } })).contract).toMatchObject({ value: 24, direction: 'lowers', meaning: { zh: '24个月合同' } });
    expect(indicators(history({ fields: { Contract: '6 months' } })).contract).toMatchObject({ value: 6, direction: 'neutral' });
  });

  it('a contract text without a length stays text, judged by its words', () => {
    expect(indicators(history({ fields: { Contract: 'Yearly plan' } })).contract).toMatchObject({ value: 'Yearly plan', direction: 'lowers' });
    expect(indicators(history({ fields: { Contract: 'Annual' } })).contract).toMatchObject({
      value: 'Annual',
      direction: 'neutral',
      meaning: { en: 'Contract: Annual' },
    });
  });

  it('auto-renewal lowers risk, its absence raises it', () => {
    expect(indicators(history({ fields: { 'Auto renew': 'Yes' } })).auto_renew).toMatchObject({
      value: 'yes',
      direction: 'lowers',
      meaning: { zh: '已开启自动续费' },
    });
    expect(indicators(history({ fields: { 自动续费: '否' } })).auto_renew).toMatchObject({
      value: 'no',
      direction: 'raises',
      meaning: { en: 'Does not renew automatically' },
    });
  });

  it('referrals: the CRM’s count first, else notes that mention one', () => {
    expect(indicators(history({ fields: { Referrals: '2' } })).referrals).toMatchObject({
      value: 2,
      direction: 'lowers',
      meaning: { en: 'Referred 2 customers', zh: '推荐了2位客户' },
    });
    expect(indicators(history({ fields: { Referrals: '0' } })).referrals).toMatchObject({ value: 0, direction: 'neutral' });
    const fromNotes = indicators(history({ activities: [note(5, 'Referred two colleagues'), note(9, 'Called')] }));
    expect(fromNotes.referrals).toMatchObject({ value: 1, display: '1 mention', direction: 'lowers', meaning: { zh: '1条记录提到推荐或转介绍' } });
    expect(indicators(history({ activities: [note(5, 'Called')] })).referrals).toMatchObject({ value: 0, meaning: { en: 'No referral mentioned in 1 note' } });
    expect(indicators(history()).referrals!.value).toBeNull();
  });
});

describe('loyalty: days since the last activity', () => {
  it('the last order, contact or ticket counts; notes do not', () => {
    expect(indicators(history({ activities: [order(40), ticket(5)] })).days_since_activity).toMatchObject({
      value: 5,
      direction: 'lowers',
      meaning: { en: 'Last order, contact or ticket 5 days ago', zh: '最近一次互动（购买、联系或工单）在5天前' },
    });
    expect(indicators(history({ activities: [note(2, 'left a voicemail')] })).days_since_activity!.value).toBeNull();
    expect(indicators(history({ activities: [contact(0)] })).days_since_activity!.meaning!.en).toBe('Active today (order, contact or ticket)');
  });

  it('reaching the inactivity limit or more than one window raises risk', () => {
    expect(indicators(history({ activities: [contact(200)] })).days_since_activity!.direction).toBe('raises');
    expect(indicators(history({ activities: [contact(100)] }), settings({ inactivityDays: null })).days_since_activity!.direction).toBe('raises');
    expect(indicators(history({ activities: [contact(60)] }), settings({ inactivityDays: 60 })).days_since_activity!.direction).toBe('raises');
    expect(indicators(history({ activities: [contact(60)] })).days_since_activity!.direction).toBe('neutral');
  });

  it('uses the CRM’s last-activity field (a date or a relative time) when it is later', () => {
    expect(indicators(history({ fields: { 'Last activity': '3 days ago' } })).days_since_activity!.value).toBe(3);
    expect(indicators(history({ fields: { 最近活动: '2024-06-20' }, activities: [order(100)] })).days_since_activity!.value).toBe(10);
    expect(indicators(history({ fields: { 'Last activity': '2024-01-01' }, activities: [order(5)] })).days_since_activity!.value).toBe(5);
  });
});
