import { describe, expect, it } from 'vitest';
import { toCustomer, type Customer } from '@/demo/core/customers';
import { activityTimeline, CRM_TODAY } from '@/demo/core/timeline';
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

  it('names calls and meetings, and gives tickets and payments a status in the locale', () => {
    const items = all.slice(0, 1500).flatMap((c) => activityTimeline(c, 'en'));
    const zh = all.slice(0, 1500).flatMap((c) => activityTimeline(c, 'zh'));
    const statuses = (type: string, list = items) => new Set(list.filter((i) => i.type === type).map((i) => i.status));
    expect(statuses('ticket')).toEqual(new Set(['Open', 'Resolved']));
    expect(statuses('payment')).toEqual(new Set(['Received', 'Returned', undefined]));
    expect(statuses('ticket', zh)).toEqual(new Set(['处理中', '已解决']));
    expect(statuses('payment', zh)).toEqual(new Set(['已到账', '已退回', undefined]));
    for (const type of ['order', 'note', 'call', 'meeting']) expect(statuses(type), type).toEqual(new Set([undefined]));
    const texts = (type: string) => new Set(items.filter((i) => i.type === type).map((i) => i.text.replace(/ by .+| with .+/, '')));
    expect(texts('call')).toEqual(new Set(['Welcome call', 'Call']));
    expect(texts('meeting')).toEqual(new Set(['Annual account review']));
    for (const item of items.filter((i) => i.type === 'ticket')) expect(item.text).toMatch(/^Ticket #\d{5}: [^—]+$/);
    const returned = items.filter((i) => i.status === 'Returned');
    expect(returned.length).toBeGreaterThan(0);
    for (const item of returned) expect(item.text).toMatch(/^Electronic check payment of \$[\d,.]+ returned/);
  });

  it('writes Chinese text in zh', () => {
    const items = activityTimeline(all[0]!, 'zh');
    expect(items[items.length - 1]!.text).toMatch(/^自 \d{4}年\d{1,2}月\d{1,2}日 起成为客户/);
  });

  it('has more tickets without tech support', () => {
    const rate = (list: Customer[]) => list.reduce((n, c) => n + activityTimeline(c, 'en').filter((i) => i.type === 'ticket').length, 0) / list.length;
    const internet = all.filter((c) => c.row.InternetService !== 'No');
    expect(rate(internet.filter((c) => c.row.TechSupport === 'No'))).toBeGreaterThan(1.5 * rate(internet.filter((c) => c.row.TechSupport === 'Yes')));
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
