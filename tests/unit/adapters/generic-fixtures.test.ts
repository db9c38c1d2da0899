// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/lib/adapters/generic';
import type { PageExtraction } from '@/lib/adapters/types';
import { loadCrmPage, readFixture } from '@/tests/fixtures/crm/load';

/**
 * The generic adapter on saved CRM pages (tests/fixtures/crm), each written
 * after a real CRM's markup. Expected values are the ones the pages show.
 */
function extract(name: string, href: string): PageExtraction | null {
  return genericAdapter.extract(loadCrmPage(name), new URL(href));
}

const ids = (page: PageExtraction | null) => page?.customers.map((c) => c.snapshot.crmId);
const names = (page: PageExtraction | null) => page?.customers.map((c) => c.snapshot.name);

describe('SuiteCRM accounts list (plain <table>)', () => {
  const URL_LIST = 'https://crm.northwind-demo.com/index.php?module=Accounts&action=index';

  it('reads every account row, keyed by the record= of its DetailView link', () => {
    const page = extract('suitecrm-accounts-list', URL_LIST)!;
    expect(page.kind).toBe('list');
    expect(names(page)).toEqual([
      'Cascade Timber Supply',
      'Bluewater Dental Group',
      'Meridian Health Partners',
      'Ironclad Roofing Co.',
      'Pinecrest Veterinary Clinic',
      'Summit Ridge Outfitters',
      'Golden Gate Bakery Supply',
      'Northstar Accounting LLP',
      'Redwood Analytics Inc.',
      'Lakeside Property Management',
    ]);
    expect(page.customers[0]!.snapshot).toEqual({
      crmId: '3f6c2b8e-5d1a-4c7e-9b2f-0a8d6e4c1f21',
      name: 'Cascade Timber Supply',
      fields: {
        City: 'Portland',
        'Billing Country': 'USA',
        Phone: '+1 503-555-0148',
        User: 'sally',
        'Email Address': 'orders@cascadetimber.com',
        Contract: 'Two year',
        'Monthly Fee': '$2,450.00',
        'Date Created': '01/14/2021 09:12am',
      },
    });
  });

  it('keeps empty cells empty and anchors each badge on the name link', () => {
    const page = extract('suitecrm-accounts-list', URL_LIST)!;
    expect(page.customers[5]!.snapshot.fields.Phone).toBe('');
    expect(page.customers[9]!.snapshot.fields['Email Address']).toBe('');
    for (const { snapshot, anchor } of page.customers) {
      expect(anchor.tagName).toBe('A');
      expect(anchor.textContent).toBe(snapshot.name);
      expect(anchor.getAttribute('href')).toContain(`action=DetailView&record=${snapshot.crmId}`);
    }
  });

  it('skips the totals row (no link, no id) and ignores the pagination rows and their layout table', () => {
    const page = extract('suitecrm-accounts-list', URL_LIST)!;
    expect(page.customers).toHaveLength(10);
    expect(names(page)).not.toContain('Total (this page)');
    expect(Object.keys(page.customers[0]!.snapshot.fields)).not.toContain('');
  });
});

describe('Dynamics 365 accounts (AG-Grid ARIA grid, virtualised)', () => {
  const URL_LIST =
    'https://contoso.crm4.dynamics.com/main.aspx?appid=6a4c1b2e-93f0-ee11-a1fe-000d3a4b6c21&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001&viewType=1039';

  it('joins the pinned name part and the centre part of each row, in aria-rowindex order (not the recycled DOM order)', () => {
    const page = extract('dynamics-accounts-grid', URL_LIST)!;
    expect(page.kind).toBe('list');
    expect(names(page)).toEqual([
      'Fourth Coffee',
      'Fabrikam Residences',
      'Humongous Insurance',
      'Litware, Inc.',
      'Lucerne Publishing',
      "Margie's Travel",
      'Northwind Traders',
      'Proseware, Inc.',
      'Tailspin Toys',
      'Trey Research',
      'VanArsdel, Ltd.',
      'Wide World Importers',
    ]);
    expect(page.customers[0]!.snapshot).toEqual({
      crmId: 'b2a19cdd-88df-e311-b8e5-6c3be5a8b200',
      name: 'Fourth Coffee',
      fields: {
        'Main Phone': '+1 425-555-0121',
        'Address 1: City': 'Renton',
        'Primary Contact': 'Yvonne McKay',
        'Email (Primary Contact)': 'yvonne@fourthcoffee.com',
        'Relationship Type': 'Customer',
        'Annual Revenue': '$350,000.00',
      },
    });
  });

  it('leaves out the column the grid did not render (Owner) rather than reading it as empty, and skips the loading stub', () => {
    const page = extract('dynamics-accounts-grid', URL_LIST)!;
    expect(page.customers).toHaveLength(12);
    for (const { snapshot } of page.customers) expect('Owner' in snapshot.fields).toBe(false);
    expect(page.customers[7]!.snapshot.fields['Annual Revenue']).toBe('');
  });

  it('anchors on the primary name link, whose id= is the crmId', () => {
    const page = extract('dynamics-accounts-grid', URL_LIST)!;
    for (const { snapshot, anchor } of page.customers) {
      expect(anchor.classList.contains('primaryNameLink')).toBe(true);
      expect(anchor.getAttribute('href')).toContain(`&id=${snapshot.crmId}`);
      expect(anchor.closest('.ag-pinned-left-cols-container')).not.toBeNull();
    }
  });
});

describe('HubSpot-like companies (div grid, no roles)', () => {
  const URL_LIST = 'https://app.hubspot.com/contacts/2456789/objects/0-2/views/all/list';

  it('finds the grid by its repeated rows and the header row in its own container', () => {
    const page = extract('hubspot-companies-divgrid', URL_LIST)!;
    expect(page.kind).toBe('list');
    expect(ids(page)).toEqual(['18342051', '18342977', '18355102', '18360418', '18371263', '18389540', '18402716', '18417389']);
    expect(page.customers[3]!.snapshot).toEqual({
      crmId: '18360418',
      name: 'Harborview Property Group',
      fields: {
        'Company owner': 'Luis Ortega',
        'Create Date (GMT+2)': 'Sep 8, 2022 3:21 PM',
        'Phone Number': '--',
        'Last Activity Date (GMT+2)': 'Feb 20, 2024 1:30 PM',
        City: 'San Diego',
        'Country/Region': 'United States',
        Industry: 'Real Estate',
        MRR: '$1,320.00',
        'Lifecycle Stage': 'Customer',
      },
    });
  });

  it('skips the row still being saved (no record link, no id) and names each company by its link, not its avatar or Preview button', () => {
    const page = extract('hubspot-companies-divgrid', URL_LIST)!;
    expect(names(page)).not.toContain('Saltmarsh Studio');
    expect(page.customers[0]!.snapshot.name).toBe('Brightline Dental');
    expect(page.customers[0]!.anchor.getAttribute('href')).toBe('/contacts/2456789/record/0-2/18342051');
  });
});

describe('Zoho-like account detail (<dl>)', () => {
  const URL_DETAIL = 'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000245001';

  it('reads every <dt>/<dd> pair (grouped in divs or not); the Account Name is the name, not a field', () => {
    const page = extract('zoho-account-detail', URL_DETAIL)!;
    expect(page.kind).toBe('detail');
    expect(page.customers).toHaveLength(1);
    const { snapshot, anchor } = page.customers[0]!;
    expect(snapshot.crmId).toBe('4876876000000245001');
    expect(snapshot.name).toBe('Northwind Traders');
    expect(snapshot.fields).toEqual({
      'Account Owner': 'Priya Raman',
      'Account Number': 'ACC-10482',
      'Account Site': 'Headquarters',
      'Parent Account': '-None-',
      'Account Type': 'Customer',
      Industry: 'Wholesale',
      'Annual Revenue': '$ 4,200,000.00',
      Phone: '+1 503-555-0172',
      Website: 'www.northwindtraders.com',
      Employees: '85',
      Rating: 'Active',
      Plan: 'Growth',
      Contract: 'One year',
      'Monthly Fee': '$ 1,480.00',
      'Customer Since': 'Jan 15, 2021',
      'Auto Renew': 'No',
      'Renewal Date': 'Jan 15, 2025',
      'Payment Method': 'Bank transfer',
      'Outstanding Balance': '$ 2,960.00',
      'Late Payments': '2',
      CSAT: '3.1 / 5',
      'Open Tickets': '4',
      'Billing Street': '2250 NW Front Ave',
      'Billing City': 'Portland',
      'Billing State': 'OR',
      'Billing Code': '97209',
      'Billing Country': 'United States',
    });
    expect(anchor.className).toBe('dv_title_text');
    expect(anchor.parentElement!.tagName).toBe('H1');
  });

  it('reads the notes (machine dates, own ids, title — body) and the sales orders table (columns by header) as activities', () => {
    const { snapshot } = extract('zoho-account-detail', URL_DETAIL)!.customers[0]!;
    expect(snapshot.activities).toEqual([
      {
        kind: 'note',
        date: '2024-06-12',
        id: '4876876000000262001',
        text: 'Pricing concern — Hannah says Globex offered a 20% lower price and asked for a discount before the January renewal.',
      },
      {
        kind: 'note',
        date: '2024-05-20',
        id: '4876876000000262017',
        text: 'Invoice dispute — Two invoices still unpaid; finance disputes the May overage charge.',
      },
      { kind: 'note', date: '2024-02-08', id: '4876876000000262033', text: 'QBR — Quarterly review went well, they want the new reporting module.' },
      { kind: 'order', date: 'Jun 1, 2024', id: 'SO-2024-0612', amount: '$ 1,480.00', status: 'Delivered', text: 'Growth plan renewal — June' },
      { kind: 'order', date: 'May 1, 2024', id: 'SO-2024-0503', amount: '$ 1,480.00', status: 'Delivered', text: 'Growth plan renewal — May' },
      { kind: 'order', date: 'Apr 9, 2024', id: 'SO-2024-0407', amount: '$ 350.00', status: 'Cancelled', text: 'Extra seats (5)' },
      { kind: 'order', date: 'Apr 1, 2024', id: 'SO-2024-0401', amount: '$ 1,480.00', status: 'Delivered', text: 'Growth plan renewal — April' },
    ]);
  });

  it('is a detail page even though its Contacts related list looks like a customer list; the nav and footer give no fields', () => {
    const page = extract('zoho-account-detail', URL_DETAIL)!;
    const values = Object.values(page.customers[0]!.snapshot.fields).join(' | ');
    expect(values).not.toContain('hannah@northwindtraders.com');
    expect(values).not.toContain('Growth plan renewal');
    expect(page.customers[0]!.snapshot.fields).not.toHaveProperty('Signed in as');
    expect(page.customers[0]!.snapshot.fields).not.toHaveProperty('Last synced');
  });
});

describe('Salesforce Lightning account record (label/value cards)', () => {
  const URL_DETAIL = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000XyZ7bIAF/view';

  it('reads the highlights panel and the detail cards; addresses keep their line breaks as spaces, checkboxes read true/false', () => {
    const page = extract('salesforce-account-record', URL_DETAIL)!;
    expect(page.kind).toBe('detail');
    const { snapshot, anchor } = page.customers[0]!;
    expect(snapshot.crmId).toBe('001Dn00000XyZ7bIAF');
    expect(snapshot.name).toBe('Globex Retail Group');
    expect(snapshot.fields).toEqual({
      'Auto-Renew': 'false',
      Type: 'Customer - Direct',
      Phone: '(312) 555-0110',
      Website: 'globexretail.example',
      'Account Owner': 'Dana Whitfield',
      Industry: 'Retail',
      'Account Number': 'GRG-00231',
      'Annual Revenue': '$18,400,000',
      Employees: '240',
      'Billing Address': '1200 W Fulton Market Chicago, IL 60607 USA',
      'Contract Type': 'One year',
      'Monthly Fee': '$4,750.00',
      'Customer Since': '3/1/2019',
      'Health Score': '42',
      NPS: '-10',
    });
    // The title says "Account" above the name: the badge goes beside the name itself.
    expect(anchor.tagName).toBe('LIGHTNING-FORMATTED-TEXT');
    expect(anchor.textContent).toBe('Globex Retail Group');
    expect(anchor.closest('h1')).not.toBeNull();
  });

  it('reads the Activity tab timeline (kind from the item type) and the Cases related list as tickets', () => {
    const { snapshot } = extract('salesforce-account-record', URL_DETAIL)!.customers[0]!;
    expect(snapshot.activities).toEqual([
      { kind: 'contact', date: '2024-07-02', text: 'Renewal call with Dana You have an upcoming Task with Dana Whitfield' },
      {
        kind: 'contact',
        date: '2024-06-18',
        text: 'Call: competitor pricing Dana said Initech quoted them 15% less; they are evaluating a switch at renewal.',
      },
      { kind: 'contact', date: '2024-06-03', text: 'Email: Invoice #INV-30418 overdue Reminder sent to accounts payable, invoice 45 days overdue.' },
      { kind: 'contact', date: '2024-04-11', text: 'Quarterly business review QBR with the retail ops team; usage down 30% since March.' },
      { kind: 'ticket', date: '6/21/2024', id: '00001043', status: 'Escalated', text: 'Checkout terminals offline in two stores' },
      { kind: 'ticket', date: '5/2/2024', id: '00001017', status: 'Closed', text: 'Loyalty points not syncing' },
    ]);
  });

  it('does not read the opportunities table or the section titles as fields', () => {
    const { fields } = extract('salesforce-account-record', URL_DETAIL)!.customers[0]!.snapshot;
    expect(Object.keys(fields)).not.toContain('Subscription');
    expect(Object.keys(fields)).not.toContain('Account');
    expect(Object.values(fields)).not.toContain('Negotiation/Review');
  });
});

describe('Odoo partner form (values in inputs)', () => {
  const URL_DETAIL = 'https://erp.geminifurniture.example/web#id=14&cids=1&menu_id=123&action=220&model=res.partner&view_type=form';

  it('reads <label for> → input/select/checkbox values, the id from the hash, the name from the title input', () => {
    const page = extract('odoo-partner-form', URL_DETAIL)!;
    expect(page.kind).toBe('detail');
    const { snapshot, anchor } = page.customers[0]!;
    expect(snapshot).toEqual({
      crmId: '14',
      name: 'Gemini Furniture',
      fields: {
        Address: '317 Fairchild Dr',
        'Tax ID': 'US47-3918265',
        Tags: 'VIP, Office Furniture',
        Phone: '(510)-555-0137',
        Mobile: '',
        Email: 'ap@geminifurniture.com',
        Website: 'https://geminifurniture.example',
        Salesperson: 'Mitchell Admin',
        'Payment Terms': '30 Days',
        Pricelist: 'Public Pricelist (USD)',
        Contract: 'One year',
        'Monthly Fee': '1,250.00',
        'Customer Since': '03/15/2021',
        'Auto Renew': 'false',
        'Paperless Billing': 'true',
        // Odoo's address inputs are labelled by their placeholders only.
        City: 'Fremont',
        State: 'California (US)',
        ZIP: '94538',
        Country: 'United States',
      },
    });
    expect(anchor.id).toBe('name_0');
    expect(anchor.closest('h1')).not.toBeNull();
  });

  it('does not take a radio choice ("Company") for the customer name, and has no activities without an activity section', () => {
    const { snapshot } = extract('odoo-partner-form', URL_DETAIL)!.customers[0]!;
    expect(snapshot.fields).not.toHaveProperty('Company');
    expect(snapshot.fields).not.toHaveProperty('Individual');
    expect(snapshot.activities).toBeUndefined();
  });
});

describe('Chinese customer list (纷享销客-like, Ant Design fixed header)', () => {
  const URL_LIST = 'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/AccountObj';

  it('names the body table’s columns from the separate header table, by position', () => {
    const page = extract('fxiaoke-customers-zh', URL_LIST)!;
    expect(page.kind).toBe('list');
    expect(page.customers).toHaveLength(8);
    expect(page.customers[0]!.snapshot).toEqual({
      crmId: '6650e2f1a3b4c50001d2e8f1',
      name: '杭州云帆科技有限公司',
      fields: {
        客户编号: 'KH-2023-00187',
        负责人: '王海燕',
        客户级别: 'A类',
        月费: '¥3,800.00',
        签约日期: '2023-03-15',
        状态: '合作中',
        所属行业: '软件和信息技术服务业',
        最近跟进时间: '3天前',
      },
    });
    expect(page.customers.map((c) => c.snapshot.fields.状态)).toEqual(['合作中', '合作中', '即将到期', '合作中', '已流失', '合作中', '合作中', '暂停合作']);
  });

  it('takes the id of a row without a detail link from data-row-key and anchors on its name text', () => {
    const page = extract('fxiaoke-customers-zh', URL_LIST)!;
    const plain = page.customers[6]!;
    expect(plain.snapshot.crmId).toBe('6650e2f1a3b4c50001d2e958');
    expect(plain.snapshot.name).toBe('广州百味食品有限公司');
    expect(plain.anchor.className).toBe('crm-name-text');
    // The other rows' ids come from their hash-route links and equal their data-row-key.
    for (const { snapshot, anchor } of page.customers) expect(anchor.closest('tr')!.getAttribute('data-row-key')).toBe(snapshot.crmId);
  });
});

describe('Chinese account detail (销售易-like)', () => {
  const URL_DETAIL = 'https://crm.xiaoshouyi.com/neoweb/#/account/detail/1854023367491586';

  it('reads summary cards and 标签：值 fields; the first of a repeated label wins', () => {
    const page = extract('xiaoshouyi-account-detail-zh', URL_DETAIL)!;
    const { snapshot, anchor } = page.customers[0]!;
    expect(snapshot.crmId).toBe('1854023367491586');
    expect(snapshot.name).toBe('上海明德教育咨询有限公司');
    expect(snapshot.fields).toEqual({
      负责人: '李俊',
      客户级别: '重点客户',
      月费: '¥6,500.00',
      客户状态: '续约风险',
      客户编号: 'XSY-KH-004127',
      所属行业: '教育培训',
      电话: '021-6258 3391',
      地址: '上海市徐汇区漕溪北路 398 号 12 楼',
      签约日期: '2022年8月1日',
      合同类型: '年度合同',
      付款方式: '对公转账',
      自动续费: '否',
      满意度: '3.2',
      累计消费: '¥148,200.00',
      欠款: '¥13,000.00',
    });
    expect(anchor.className).toBe('detail-title-text');
  });

  it('reads 订单 (table), 工单 (3) (list) and 跟进记录 (timeline) as orders, tickets and contacts', () => {
    const { snapshot } = extract('xiaoshouyi-account-detail-zh', URL_DETAIL)!.customers[0]!;
    expect(snapshot.activities).toEqual([
      { kind: 'order', date: '2024年6月1日', id: 'SO-20240601-0087', amount: '¥78,000.00', status: '已付款', text: '在线课堂年度版（续费）' },
      { kind: 'order', date: '2023年12月15日', id: 'SO-20231215-0412', amount: '¥12,400.00', status: '已付款', text: '教师培训包 ×20' },
      { kind: 'order', date: '2023年8月1日', id: 'SO-20230801-0033', amount: '¥57,800.00', status: '已付款', text: '在线课堂年度版' },
      { kind: 'order', date: '2023年3月10日', id: 'SO-20230310-0158', amount: '¥0.00', status: '已取消', text: '排课系统增购' },
      { kind: 'ticket', date: '2024年6月11日', id: 'TK-20240611-0032', status: '处理中', text: '在线课堂视频卡顿，家长投诉多次' },
      { kind: 'ticket', date: '2024年4月18日', id: 'TK-20240418-0107', status: '已解决', text: '账单金额有误，要求退款' },
      { kind: 'ticket', date: '2023年11月2日', id: 'TK-20231102-0059', status: '已关闭', text: '排课系统无法导出课表' },
      { kind: 'contact', date: '2024-06-20 15:30', text: '电话回访：客户表示竞品“校宝在线”报价更低，考虑明年不续约。' },
      { kind: 'contact', date: '2024-05-08 10:00', text: '上门拜访，与校长沟通新学期扩容计划，对方态度犹豫。' },
      { kind: 'contact', date: '2024-03-02 14:20', text: '微信沟通续费方案，客户希望增加折扣。' },
    ]);
    // "电话回访：…" inside the timeline is an activity, not a field; the banner's "当前用户：李俊" is neither.
    expect(Object.keys(snapshot.fields)).not.toContain('电话回访');
    expect(Object.keys(snapshot.fields)).not.toContain('当前用户');
  });
});

describe('Lightning list view inside open shadow roots', () => {
  const URL_LIST = 'https://acme.lightning.force.com/lightning/o/Account/list?filterName=AllAccounts';

  it('reads the datatable three shadow roots down, with links inside each row’s force-lookup shadow root', () => {
    const page = extract('lightning-accounts-shadow', URL_LIST)!;
    expect(page.kind).toBe('list');
    expect(ids(page)).toEqual([
      '001Dn00000AbC1dIAF',
      '001Dn00000AbC2eIAF',
      '001Dn00000XyZ7bIAF',
      '001Dn00000AbC4gIAF',
      '001Dn00000AbC5hIAF',
      '001Dn00000AbC6iIAF',
    ]);
    expect(page.customers[1]!.snapshot).toEqual({
      crmId: '001Dn00000AbC2eIAF',
      name: 'Bramble & Rye Bakeries',
      fields: {
        Phone: '(206) 555-0177',
        Type: 'Customer - Channel',
        Industry: 'Food & Beverage',
        'Billing State/Province': 'WA',
        'Account Owner Alias': 'rpate',
        'Health Score': '55',
        'Monthly Fee': '$820.00',
      },
    });
    const anchor = page.customers[0]!.anchor;
    expect(anchor.tagName).toBe('A');
    expect((anchor.getRootNode() as ShadowRoot).host.tagName).toBe('FORCE-LOOKUP');
  });

  it('is the same record as the account’s own record page (list link id = record URL id)', () => {
    const list = extract('lightning-accounts-shadow', URL_LIST)!;
    const globex = list.customers.find((c) => c.snapshot.name === 'Globex Retail Group')!;
    const detail = extract('salesforce-account-record', 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000XyZ7bIAF/view')!;
    expect(globex.snapshot.crmId).toBe(detail.customers[0]!.snapshot.crmId);
    expect(globex.snapshot.fields['Monthly Fee']).toBe(detail.customers[0]!.snapshot.fields['Monthly Fee']);
  });

  it('finds nothing while the shadow roots are not attached (the list is only in the templates)', () => {
    document.documentElement.innerHTML = readFixture('lightning-accounts-shadow').replace(/^<!doctype html>\s*<html[^>]*>|<\/html>\s*$/gi, '');
    expect(genericAdapter.extract(document, new URL(URL_LIST))).toBeNull();
  });
});

describe('vtiger list inside a same-origin iframe (floatThead sticky header)', () => {
  const URL_PAGE = 'https://intranet.harborline.example/intranet/crm';

  async function loadFramed(): Promise<Document> {
    const doc = loadCrmPage('vtiger-organizations-iframe');
    const frame = doc.querySelector('iframe')!;
    if (!frame.contentDocument?.querySelector('table')) await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    return doc;
  }

  it('reads the frame’s list; the floating header table names the body table’s columns', async () => {
    const page = genericAdapter.extract(await loadFramed(), new URL(URL_PAGE))!;
    expect(page.kind).toBe('list');
    expect(ids(page)).toEqual(['112', '118', '127', '131', '140']);
    expect(page.customers[3]!.snapshot).toEqual({
      crmId: '131',
      name: 'Juniper Print Works',
      fields: { City: 'Santa Fe', Website: '', 'Primary Phone': '+1 505-555-0118', 'Assigned To': 'Ben Carter', Type: 'Reseller', 'Monthly Fee': '$430.00' },
    });
    const anchor = page.customers[0]!.anchor;
    expect(anchor.ownerDocument).not.toBe(document);
    expect(anchor.getAttribute('href')).toBe('index.php?module=Accounts&view=Detail&record=112&app=MARKETING');
  });

  it('does not see into a frame it cannot reach (cross-origin: no contentDocument)', async () => {
    const doc = await loadFramed();
    Object.defineProperty(doc.querySelector('iframe')!, 'contentDocument', { get: () => null });
    expect(genericAdapter.extract(doc, new URL(URL_PAGE))).toBeNull();
  });
});

describe('pages that are not customer pages', () => {
  it('a dashboard (KPI cards, deal and task tables) gives null', () => {
    expect(extract('dashboard', 'https://app.pipelinecrm.example/dashboard')).toBeNull();
  });

  it('a profile settings form gives null', () => {
    expect(extract('settings-profile', 'https://app.pipelinecrm.example/settings/profile')).toBeNull();
  });

  it('an empty page gives null', () => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    expect(genericAdapter.extract(document, new URL('https://crm.example.com/accounts/42'))).toBeNull();
  });
});
