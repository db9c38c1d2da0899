import { describe, expect, it } from 'vitest';
import { toCustomer, type Customer } from '../../../demo/core/customers';
import { activityTimeline, CRM_TODAY } from '../../../demo/core/timeline';
import { customers } from './fixtures';

const TYPES = ['order', 'ticket', 'note', 'payment', 'call', 'meeting'];

function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}

describe('activityTimeline', () => {
  const all = customers();

  it('is deterministic', () => {
    for (const c of all.slice(0, 200)) {
      expect(activityTimeline(c, 'en')).toEqual(activityTimeline(c, 'en'));
      expect(activityTimeline(c, 'zh')).toEqual(activityTimeline(c, 'zh'));
    }
  });

  it('has the same dates and types in both locales', () => {
    for (const c of all.slice(0, 200)) {
      const strip = (items: ReturnType<typeof activityTimeline>) => items.map(({ date, type }) => ({ date, type }));
      expect(strip(activityTimeline(c, 'zh'))).toEqual(strip(activityTimeline(c, 'en')));
    }
  });

  it('lists dated, typed items newest first, from sign-up to CRM today', () => {
    const problems: string[] = [];
    for (const c of all) {
      const items = activityTimeline(c, 'en');
      const dates = items.map((i) => i.date);
      if (items.length === 0) problems.push(`${c.id}: empty`);
      if (dates.join() !== [...dates].sort().reverse().join()) problems.push(`${c.id}: not newest first`);
      for (const item of items) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(item.date) || item.date > CRM_TODAY) problems.push(`${c.id}: date ${item.date}`);
        if (!TYPES.includes(item.type) || item.text === '') problems.push(`${c.id}: item ${JSON.stringify(item)}`);
      }
      const signup = items[items.length - 1];
      if (signup?.type !== 'order' || !signup.text.startsWith('Customer since ')) problems.push(`${c.id}: last is not sign-up`);
      else if (signup.date < monthsBefore(CRM_TODAY, c.tenure) || signup.date >= monthsBefore(CRM_TODAY, c.tenure - 1)) {
        problems.push(`${c.id}: sign-up ${signup.date} does not match tenure ${c.tenure}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes Chinese text in zh', () => {
    const items = activityTimeline(all[0]!, 'zh');
    expect(items[items.length - 1]!.text).toMatch(/^自 \d{4}年\d{1,2}月\d{1,2}日 起成为客户/);
  });

  it('has more tickets without tech support', () => {
    const rate = (list: Customer[]) =>
      list.reduce((n, c) => n + activityTimeline(c, 'en').filter((i) => i.type === 'ticket').length, 0) / list.length;
    const internet = all.filter((c) => c.row.InternetService !== 'No');
    expect(rate(internet.filter((c) => c.row.TechSupport === 'No'))).toBeGreaterThan(
      1.5 * rate(internet.filter((c) => c.row.TechSupport === 'Yes')),
    );
  });

  it('does not depend on the hidden label of current customers', () => {
    const current = all.filter((c) => !c.knownHistory).slice(0, 300);
    for (const c of current) {
      const flipped = toCustomer({ ...c.row, Churn: c.row.Churn === 'Yes' ? 'No' : 'Yes' }, c.index);
      expect(activityTimeline(flipped, 'en')).toEqual(activityTimeline(c, 'en'));
    }
  });

  it('closes the history of known churners with a cancellation', () => {
    const churned = all.filter((c) => c.status === 'Churned');
    for (const c of churned.slice(0, 300)) {
      expect(activityTimeline(c, 'en')[0]).toMatchObject({ type: 'note', text: 'Service cancelled; account closed' });
    }
    for (const c of all.filter((x) => x.status === 'Active').slice(0, 300)) {
      expect(activityTimeline(c, 'en').some((i) => i.text.startsWith('Service cancelled'))).toBe(false);
    }
  });
});
