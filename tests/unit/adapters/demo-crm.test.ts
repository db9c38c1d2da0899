// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CRM_SELECTORS, demoCrmAdapter } from '@/lib/adapters/demo-crm';
import { adapterFor } from '@/lib/adapters/registry';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { countQueries } from './count-queries';

/** Saved demo CRM pages (scripts/save-demo-fixtures.ts regenerates them). */
function load(name: string): Document {
  document.documentElement.innerHTML = readFileSync(`tests/fixtures/demo-crm/${name}.html`, 'utf8').replace(
    /^<!doctype html>\s*<html[^>]*>|<\/html>\s*$/gi,
    '',
  );
  return document;
}
const url = (path: string) => new URL(`${DEMO_CRM_ORIGIN}${path}`);
const LIST_FIELDS = ['segment', 'InternetService', 'Contract', 'MonthlyCharges', 'tenure', 'Status', 'owner'];
const SHOPPER_LIST_FIELDS = ['firstPurchase', 'lastPurchase', 'orders', 'cds', 'totalSpend', 'averageOrder', 'owner'];
const SHOPPER_DETAIL_FIELDS = ['shopperId', 'firstPurchase', 'lastPurchase', 'orders', 'cds', 'totalSpend', 'averageOrder', 'owner', 'region'];

describe('demo CRM adapter', () => {
  it('claims only the demo CRM origin', () => {
    expect(demoCrmAdapter.matches(url('/customers'), document)).toBe(true);
    expect(demoCrmAdapter.matches(new URL('https://crm.example.com/customers'), document)).toBe(false);
    // Any other site falls through to the generic adapter, registered last.
    expect(adapterFor(new URL('https://crm.example.com/'), document)?.id).toBe('generic');
  });

  it('reads every row of an English list page, with the name link as anchor', () => {
    const page = demoCrmAdapter.extract(load('list-en'), url('/customers'))!;
    expect(page.kind).toBe('list');
    expect(page.customers).toHaveLength(50);
    expect(new Set(page.customers.map((c) => c.snapshot.crmId)).size).toBe(50);
    for (const { snapshot, anchor } of page.customers) {
      expect(Object.keys(snapshot.fields)).toEqual(LIST_FIELDS);
      expect(anchor.tagName).toBe('A');
      expect(anchor.getAttribute('href')).toBe(`/customers/${snapshot.crmId}`);
    }
    expect(page.customers[0]!.snapshot).toEqual({
      crmId: '7590-VHVEG',
      name: 'Addison Robinson',
      fields: {
        segment: 'Couple',
        InternetService: 'DSL',
        Contract: 'Month-to-month',
        MonthlyCharges: '$29.85',
        tenure: '1 month',
        Status: 'Active',
        owner: 'Maria Lopez',
      },
    });
  });

  it('reads a Chinese list page the same way', () => {
    const page = demoCrmAdapter.extract(load('list-zh'), url('/customers?lang=zh'))!;
    expect(page.customers).toHaveLength(50);
    const first = page.customers[0]!.snapshot;
    expect(first.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    expect(first.fields.tenure).toMatch(/^\d+ 个月$/);
    expect(first.fields.Status).toMatch(/^(活跃|已流失)$/);
  });

  it('reads every field of a detail page, with the heading name as anchor', () => {
    const page = demoCrmAdapter.extract(load('detail-zh'), url('/customers/4472-LVYGI'))!;
    expect(page.kind).toBe('detail');
    expect(page.customers).toHaveLength(1);
    const { snapshot, anchor } = page.customers[0]!;
    expect(snapshot.crmId).toBe('4472-LVYGI');
    expect(snapshot.name).toBe('许思雨');
    expect(anchor.closest('h1')).not.toBeNull();
    expect(Object.keys(snapshot.fields)).toHaveLength(23);
    expect(snapshot.fields).toMatchObject({
      tenure: '0 个月',
      Contract: 'Two year',
      MonthlyCharges: '$52.55',
      TotalCharges: '—',
      Partner: '是',
      Status: '活跃',
    });
    // The activity timeline carries no data-field and does not leak into fields.
    expect(Object.values(snapshot.fields).join(' ')).not.toMatch(/2024年/);
  });

  it('names the stored field of a value the picker hits (the data-field key, not the visible header), and nothing for the name', () => {
    const doc = load('list-zh');
    const row = doc.querySelector(DEMO_CRM_SELECTORS.listRow)!;
    const fee = row.querySelector('[data-field="MonthlyCharges"]')!;
    expect(fee.closest('table')!.querySelector('thead')!.textContent).toContain('月费');
    expect(demoCrmAdapter.storedLabelOf!(fee)).toBe('MonthlyCharges');
    expect(demoCrmAdapter.storedLabelOf!(row.querySelector('[data-field="name"]')!)).toBeNull();
    expect(demoCrmAdapter.storedLabelOf!(doc.body)).toBeNull();
  });

  it('returns null on a page that is neither list nor detail', () => {
    expect(demoCrmAdapter.extract(load('not-found'), url('/customers/0000-NOPE'))).toBeNull();
    expect(demoCrmAdapter.extract(load('shopper-not-found'), url('/shoppers/99999'))).toBeNull();
  });

  it('finds each selector as often as documented in DEMO_CRM_SELECTORS', () => {
    type Counts = Record<keyof typeof DEMO_CRM_SELECTORS, number>;
    const none = { listTable: 0, listRow: 0, shopperTable: 0, shopperRow: 0, detail: 0, shopperDetail: 0, timelineItem: 0, orderRow: 0, today: 1 };
    const expected: Record<string, Counts> = {
      'list-en': { ...none, listTable: 1, listRow: 50, field: 400, detailField: 0, name: 50, nameLink: 50 },
      'detail-en': { ...none, detail: 1, field: 24, detailField: 24, name: 1, nameLink: 0, timelineItem: 3 },
      'detail-timeline-en': { ...none, detail: 1, field: 24, detailField: 24, name: 1, nameLink: 0, timelineItem: 12 },
      'shoppers-list-en': { ...none, shopperTable: 1, shopperRow: 50, field: 400, detailField: 0, name: 50, nameLink: 50 },
      // 10 fields (name + 9) and 3 cells in each of the 8 order rows.
      'shopper-detail-en': { ...none, shopperDetail: 1, field: 10 + 24, detailField: 10, name: 1, nameLink: 0, orderRow: 8 },
      'shopper-not-found': { ...none, field: 0, detailField: 0, name: 0, nameLink: 0 },
    };
    for (const [fixture, counts] of Object.entries(expected)) {
      const doc = load(fixture);
      expect(Object.keys(counts).sort(), fixture).toEqual(Object.keys(DEMO_CRM_SELECTORS).sort());
      for (const [key, count] of Object.entries(counts)) {
        const selector = DEMO_CRM_SELECTORS[key as keyof typeof DEMO_CRM_SELECTORS];
        const found = key === 'nameLink' ? doc.querySelectorAll(`${DEMO_CRM_SELECTORS.name} ${selector}`).length : doc.querySelectorAll(selector).length;
        expect(found, `${fixture}: ${key} (${selector})`).toBe(count);
      }
    }
  });

  it('skips a row without an id or a name instead of inventing one', () => {
    const doc = load('list-en');
    doc.querySelector('tbody tr')!.removeAttribute('data-customer-id');
    doc.querySelectorAll('tbody tr')[1]!.querySelector('[data-field="name"]')!.removeAttribute('data-field');
    expect(demoCrmAdapter.extract(doc, url('/customers'))!.customers).toHaveLength(48);
  });
});

describe('the page’s data date (extraction.today)', () => {
  it('is the date each space declares on main[data-crm-today]', () => {
    expect(demoCrmAdapter.extract(load('list-en'), url('/customers'))!.today).toBe('2024-06-30');
    expect(demoCrmAdapter.extract(load('detail-zh'), url('/customers/4472-LVYGI'))!.today).toBe('2024-06-30');
    expect(demoCrmAdapter.extract(load('shoppers-list-zh'), url('/shoppers'))!.today).toBe('1997-09-30');
    expect(demoCrmAdapter.extract(load('shopper-detail-en'), url('/shoppers/8481'))!.today).toBe('1997-09-30');
  });

  it('is left out when the page declares none or something that is not an ISO date', () => {
    const doc = load('shoppers-list-en');
    const main = doc.querySelector('main')!;
    main.removeAttribute('data-crm-today');
    const without = demoCrmAdapter.extract(doc, url('/shoppers'))!;
    expect('today' in without).toBe(false);
    expect(without.customers).toHaveLength(50);
    main.setAttribute('data-crm-today', '30 Sep 1997');
    expect(demoCrmAdapter.extract(doc, url('/shoppers'))!.today).toBeUndefined();
  });
});

describe('shopper pages (CDNOW space)', () => {
  it('reads the English shopper list with cdnow- ids, relative last purchase and the name link as anchor', () => {
    const page = demoCrmAdapter.extract(load('shoppers-list-en'), url('/shoppers'))!;
    expect(page.kind).toBe('list');
    expect(page.customers).toHaveLength(50);
    for (const { snapshot, anchor } of page.customers) {
      expect(snapshot.crmId).toMatch(/^cdnow-\d+$/);
      expect(Object.keys(snapshot.fields)).toEqual(SHOPPER_LIST_FIELDS);
      expect(snapshot.activities).toBeUndefined();
      expect(anchor.tagName).toBe('A');
      expect(anchor.getAttribute('href')).toBe(`/shoppers/${snapshot.crmId.slice('cdnow-'.length)}`);
    }
    // Worked out from CDNOW_master.csv: shopper 2 bought twice on 1997-01-12 (1 + 5 CDs, $12.00 + $77.00);
    // shopper 3's purchases of Nov 1997 and May 1998 are after the CRM's today.
    const [one, two, three, four] = page.customers.map((c) => c.snapshot);
    expect(one!.crmId).toBe('cdnow-1');
    expect(one!.fields).toEqual({
      firstPurchase: 'Jan 1, 1997',
      lastPurchase: '272 days ago',
      orders: '1',
      cds: '1',
      totalSpend: '$11.77',
      averageOrder: '$11.77',
      owner: 'Maria Lopez',
    });
    expect(two!.fields).toMatchObject({
      firstPurchase: 'Jan 12, 1997',
      lastPurchase: '261 days ago',
      orders: '1',
      cds: '6',
      totalSpend: '$89.00',
      averageOrder: '$89.00',
    });
    expect(three!.fields).toMatchObject({
      firstPurchase: 'Jan 2, 1997',
      lastPurchase: '181 days ago',
      orders: '3',
      cds: '6',
      totalSpend: '$61.06',
      averageOrder: '$20.35',
    });
    expect(four!.fields).toMatchObject({
      firstPurchase: 'Jan 1, 1997',
      lastPurchase: '59 days ago',
      orders: '3',
      cds: '5',
      totalSpend: '$74.02',
      averageOrder: '$24.67',
    });
    expect(one!.name).toBe('Frank Robinson');
  });

  it('reads the Chinese shopper list (newest last purchase first) in its own formats', () => {
    const page = demoCrmAdapter.extract(load('shoppers-list-zh'), url('/shoppers?lang=zh'))!;
    expect(page.customers).toHaveLength(50);
    const first = page.customers[0]!.snapshot;
    expect(first.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    expect(first.fields.lastPurchase).toBe('今天');
    for (const { snapshot } of page.customers) {
      expect(snapshot.fields.lastPurchase).toMatch(/^(今天|昨天|\d+天前)$/);
      expect(snapshot.fields.firstPurchase).toMatch(/^1997年\d{1,2}月\d{1,2}日$/);
      expect(snapshot.fields.orders).toMatch(/^\d+ 单$/);
      expect(snapshot.fields.totalSpend).toMatch(/^US\$[\d,]+\.\d\d$/);
    }
  });

  it('reads an English shopper detail: fields, the order table as activities (newest first), today', () => {
    const page = demoCrmAdapter.extract(load('shopper-detail-en'), url('/shoppers/8481'))!;
    expect(page.kind).toBe('detail');
    expect(page.today).toBe('1997-09-30');
    expect(page.customers).toHaveLength(1);
    const { snapshot, anchor } = page.customers[0]!;
    expect(anchor.closest('h1')).not.toBeNull();
    expect(Object.keys(snapshot.fields)).toEqual(SHOPPER_DETAIL_FIELDS);
    // Shopper 8481 in CDNOW_master.csv: 9 purchases up to 1997-09-30, two of them on 1997-09-04
    // (10 CDs $144.69 + 1 CD $14.96 → one order of 11 CDs, $159.65); 4 more purchases after the cut-off.
    expect(snapshot).toEqual({
      crmId: 'cdnow-8481',
      name: 'Claire Smith',
      fields: {
        shopperId: '8481',
        firstPurchase: 'Feb 1, 1997',
        lastPurchase: 'Sep 25, 1997',
        orders: '8',
        cds: '68',
        totalSpend: '$1,019.35',
        averageOrder: '$127.42',
        owner: 'James Carter',
        region: 'West',
      },
      activities: [
        { id: '1997-09-25', kind: 'order', date: 'Sep 25, 1997', quantity: '10', amount: '$137.90' },
        { id: '1997-09-04', kind: 'order', date: 'Sep 4, 1997', quantity: '11', amount: '$159.65' },
        { id: '1997-07-18', kind: 'order', date: 'Jul 18, 1997', quantity: '9', amount: '$160.87' },
        { id: '1997-07-07', kind: 'order', date: 'Jul 7, 1997', quantity: '7', amount: '$104.94' },
        { id: '1997-05-30', kind: 'order', date: 'May 30, 1997', quantity: '6', amount: '$87.22' },
        { id: '1997-05-09', kind: 'order', date: 'May 9, 1997', quantity: '11', amount: '$157.86' },
        { id: '1997-03-09', kind: 'order', date: 'Mar 9, 1997', quantity: '4', amount: '$63.84' },
        { id: '1997-02-01', kind: 'order', date: 'Feb 1, 1997', quantity: '10', amount: '$147.07' },
      ],
    });
  });

  it('reads a Chinese shopper detail with merged same-day orders', () => {
    const page = demoCrmAdapter.extract(load('shopper-detail-zh'), url('/shoppers/10603'))!;
    const { snapshot } = page.customers[0]!;
    expect(snapshot.crmId).toBe('cdnow-10603');
    expect(snapshot.name).toBe('邓春生');
    // 12 purchases up to the cut-off on 9 days (Feb 8, Feb 25 and May 2 twice each); 3 more after it.
    expect(snapshot.fields).toEqual({
      shopperId: '10603',
      firstPurchase: '1997年2月8日',
      lastPurchase: '1997年9月18日',
      orders: '9 单',
      cds: '56',
      totalSpend: 'US$1,162.76',
      averageOrder: 'US$129.20',
      owner: '赵强',
      region: '东北部',
    });
    expect(snapshot.activities).toHaveLength(9);
    expect(snapshot.activities![0]).toEqual({ id: '1997-09-18', kind: 'order', date: '1997年9月18日', quantity: '5', amount: 'US$440.45' });
    expect(snapshot.activities!.slice(-3)).toEqual([
      { id: '1997-05-02', kind: 'order', date: '1997年5月2日', quantity: '5', amount: 'US$75.03' },
      { id: '1997-02-25', kind: 'order', date: '1997年2月25日', quantity: '6', amount: 'US$99.06' },
      { id: '1997-02-08', kind: 'order', date: '1997年2月8日', quantity: '11', amount: 'US$163.81' },
    ]);
  });

  it('keeps shopper and customer ids apart on the same site', () => {
    const shopper = demoCrmAdapter.extract(load('shopper-detail-en'), url('/shoppers/8481'))!.customers[0]!.snapshot.crmId;
    const customer = demoCrmAdapter.extract(load('detail-en'), url('/customers/7590-VHVEG'))!.customers[0]!.snapshot.crmId;
    expect(shopper).toBe('cdnow-8481');
    expect(customer).toBe('7590-VHVEG');
  });

  it('skips an order row without a date and a shopper row without an id', () => {
    const detail = load('shopper-detail-en');
    detail.querySelector('tr[data-activity="order"] [data-field="date"]')!.removeAttribute('data-field');
    expect(demoCrmAdapter.extract(detail, url('/shoppers/8481'))!.customers[0]!.snapshot.activities).toHaveLength(7);
    const list = load('shoppers-list-en');
    list.querySelector('tbody tr')!.removeAttribute('data-shopper-id');
    expect(demoCrmAdapter.extract(list, url('/shoppers'))!.customers).toHaveLength(49);
  });

  it('gives a shopper with an empty order table an empty activity list', () => {
    const doc = load('shopper-detail-en');
    doc.querySelector('table[data-crm="order-history"] tbody')!.replaceChildren();
    expect(demoCrmAdapter.extract(doc, url('/shoppers/8481'))!.customers[0]!.snapshot.activities).toEqual([]);
  });
});

describe('customer timeline (Telco space) as activities', () => {
  it('maps every item type to a kind, with date as shown, status and text', () => {
    const page = demoCrmAdapter.extract(load('detail-timeline-en'), url('/customers/7892-POOKP'))!;
    const { snapshot } = page.customers[0]!;
    expect(snapshot.crmId).toBe('7892-POOKP');
    expect(Object.keys(snapshot.fields)).toHaveLength(23);
    expect(snapshot.activities).toEqual([
      { kind: 'note', date: 'Jun 6, 2024', text: 'Service cancelled; account closed' },
      { kind: 'payment', date: 'May 10, 2024', status: 'Received', text: 'Payment of $104.80 received by Electronic check' },
      { kind: 'payment', date: 'Apr 10, 2024', status: 'Received', text: 'Payment of $104.80 received by Electronic check' },
      { kind: 'ticket', date: 'Dec 24, 2023', status: 'Resolved', text: 'Ticket #51943: Slow internet speeds in the evening' },
      { kind: 'contact', date: 'Oct 2, 2023', text: 'Annual account review with Maria Lopez' },
      { kind: 'ticket', date: 'Aug 20, 2023', status: 'Resolved', text: 'Ticket #46018: Router replacement requested' },
      { kind: 'payment', date: 'Aug 1, 2023', status: 'Returned', text: 'Electronic check payment of $104.80 returned; paid on the second attempt' },
      { kind: 'order', date: 'Jul 16, 2023', text: 'Upgraded internet from DSL to Fiber optic' },
      { kind: 'ticket', date: 'Nov 29, 2022', status: 'Resolved', text: 'Ticket #95097: Voicemail not working' },
      { kind: 'note', date: 'May 24, 2022', text: 'Switched to paperless billing' },
      { kind: 'contact', date: 'Feb 5, 2022', text: 'Welcome call by Maria Lopez' },
      { kind: 'order', date: 'Feb 1, 2022', text: 'Customer since Feb 1, 2022: signed up for DSL internet and phone service' },
    ]);
  });

  it('reads a Chinese timeline in its own words', () => {
    const { snapshot } = demoCrmAdapter.extract(load('detail-timeline-zh'), url('/customers/4183-MYFRB'))!.customers[0]!;
    const activities = snapshot.activities!;
    expect(activities[0]).toEqual({ kind: 'contact', date: '2024年6月30日', text: '吴婷进行年度账户回顾' });
    expect(activities).toContainEqual({ kind: 'payment', date: '2024年1月24日', status: '已退回', text: '$90.05 的电子支票付款被退回，第二次付款成功' });
    expect(activities).toContainEqual({ kind: 'ticket', date: '2024年4月5日', status: '已解决', text: '工单 #85459：晚间网速很慢' });
    for (const a of activities) expect(a.date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('skips an item of a type it does not know rather than guessing its kind', () => {
    const doc = load('detail-timeline-en');
    doc.querySelector('li[data-activity-type]')!.setAttribute('data-activity-type', 'survey');
    expect(demoCrmAdapter.extract(doc, url('/customers/7892-POOKP'))!.customers[0]!.snapshot.activities).toHaveLength(11);
  });
});

describe('work per row on a 1,000-row page', () => {
  it('runs one row query for the whole list, reads cells through row.cells, one name-link lookup per row', () => {
    const doc = load('shoppers-list-en');
    const tbody = doc.querySelector('table[data-crm="shopper-list"] tbody')!;
    const rows = [...tbody.children];
    for (let i = 0; tbody.children.length < 1000; i += 1) {
      const copy = rows[i % rows.length]!.cloneNode(true) as Element;
      copy.setAttribute('data-shopper-id', String(100_000 + i));
      tbody.append(copy);
    }
    let customers = 0;
    const counts = countQueries(doc, () => {
      customers = demoCrmAdapter.extract(doc, url('/shoppers'))!.customers.length;
    });
    expect(customers).toBe(1000);
    // Page root + data date, then the name link of each row (the badge anchor).
    expect(counts).toEqual({ all: 1, one: 2 + 1000 });
  });
});
