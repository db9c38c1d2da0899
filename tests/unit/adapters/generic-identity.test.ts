import { describe, expect, it } from 'vitest';
import { emailOf, joinedId, recordIdFromUrl } from '@/lib/adapters/generic/identity';

const page = (href: string) => new URL(href);

describe('recordIdFromUrl', () => {
  it('takes an id query parameter, in the documented order', () => {
    const base = page('https://crm.example.com/index.php?module=Accounts&action=index');
    expect(recordIdFromUrl('index.php?module=Accounts&action=DetailView&record=3f6c2b8e-5d1a-4c7e-9b2f-0a8d6e4c1f21', base)).toBe(
      '3f6c2b8e-5d1a-4c7e-9b2f-0a8d6e4c1f21',
    );
    expect(recordIdFromUrl('/crm/EntityInfo.do?module=Accounts&id=4876876000000245001', base)).toBe('4876876000000245001');
    // "record" comes before "id"; parameter names ignore case.
    expect(recordIdFromUrl('/x.php?id=7&Record=abc1', base)).toBe('abc1');
    expect(recordIdFromUrl('/view?customerId=C-1009', base)).toBe('C-1009');
  });

  it('lower-cases GUIDs and drops their braces, so Dynamics list links and record URLs agree', () => {
    const base = page('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=account');
    expect(recordIdFromUrl('main.aspx?pagetype=entityrecord&etn=account&id=%7BB2A19CDD-88DF-E311-B8E5-6C3BE5A8B200%7D', base)).toBe(
      'b2a19cdd-88df-e311-b8e5-6c3be5a8b200',
    );
    expect(recordIdFromUrl('main.aspx?pagetype=entityrecord&etn=account&id=b2a19cdd-88df-e311-b8e5-6c3be5a8b200', base)).toBe(
      'b2a19cdd-88df-e311-b8e5-6c3be5a8b200',
    );
    // appid and viewid are not record ids.
    expect(
      recordIdFromUrl('main.aspx?appid=6a4c1b2e-93f0-ee11-a1fe-000d3a4b6c21&pagetype=entitylist&viewid=00000000-0000-0000-00aa-000010001001', base),
    ).toBeNull();
  });

  it('takes the last path segment with a digit, skipping words and file names', () => {
    const base = page('https://acme.lightning.force.com/lightning/o/Account/list');
    expect(recordIdFromUrl('/lightning/r/Account/001Dn00000XyZ7bIAF/view', base)).toBe('001Dn00000XyZ7bIAF');
    expect(recordIdFromUrl('/lightning/r/001Dn00000XyZ7bIAF/view', base)).toBe('001Dn00000XyZ7bIAF');
    expect(recordIdFromUrl('/contacts/2456789/record/0-2/18342051', base)).toBe('18342051');
    expect(recordIdFromUrl('/odoo/contacts/42', base)).toBe('42');
    expect(recordIdFromUrl('/customers/acme-corp', base)).toBeNull();
    expect(recordIdFromUrl('/v2/index.php', base)).toBeNull();
    expect(recordIdFromUrl('/api/v1.2/accounts/8812', base)).toBe('8812');
  });

  it('knows a list URL by a list word after its digits', () => {
    const base = page('https://app.hubspot.com/');
    expect(recordIdFromUrl('/contacts/2456789/objects/0-2/views/all/list', base)).toBeNull();
    expect(recordIdFromUrl('/crm/org60012345/tab/Accounts/custom-view/4876876000000087501/list', base)).toBeNull();
    expect(recordIdFromUrl('/crm/org60012345/tab/Accounts/4876876000000245001', base)).toBe('4876876000000245001');
  });

  it('reads hash routes and hash parameters', () => {
    const base = page('https://www.fxiaoke.com/XV/UI/Home#crm/list/=/AccountObj');
    expect(recordIdFromUrl('#crm/detail/=/AccountObj/6650e2f1a3b4c50001d2e8f1', base)).toBe('6650e2f1a3b4c50001d2e8f1');
    expect(recordIdFromUrl(base.href, base)).toBeNull();
    expect(recordIdFromUrl('/neoweb/#/account/detail/1854023367491586', base)).toBe('1854023367491586');
    expect(recordIdFromUrl('/web#id=14&cids=1&menu_id=123&model=res.partner&view_type=form', base)).toBe('14');
    expect(recordIdFromUrl('/app#!/accounts/77?tab=orders', base)).toBe('77');
  });

  it('refuses links that are not records of this site', () => {
    const base = page('https://crm.example.com/accounts');
    expect(recordIdFromUrl('https://www.acme-widgets.com/about/2024', base)).toBeNull();
    expect(recordIdFromUrl('mailto:ana@acme.com', base)).toBeNull();
    expect(recordIdFromUrl('tel:+15035550172', base)).toBeNull();
    expect(recordIdFromUrl('javascript:void(0)', base)).toBeNull();
    expect(recordIdFromUrl('http://[bad', base)).toBeNull();
    expect(recordIdFromUrl('#', base)).toBeNull();
    expect(recordIdFromUrl('?record=', base)).toBeNull();
  });
});

describe('recordIdFromUrl parses links by hand as a URL parser would', () => {
  const base = page('https://crm.example.com/accounts/42/');

  it('resolves relative paths against the page, dot segments included', () => {
    expect(recordIdFromUrl('edit', base)).toBe('42');
    expect(recordIdFromUrl('../../customers/77/view', base)).toBe('77');
    expect(recordIdFromUrl('./orders', base)).toBe('42');
    expect(recordIdFromUrl('', page('https://crm.example.com/accounts/9'))).toBe('9');
  });

  it('compares hosts case-insensitively, refuses user info and other hosts or ports', () => {
    expect(recordIdFromUrl('//CRM.example.com/accounts/5', base)).toBe('5');
    expect(recordIdFromUrl('HTTPS://crm.example.com/accounts/6?tab=1', base)).toBe('6');
    expect(recordIdFromUrl('https://crm.example.com:8443/accounts/6', base)).toBeNull();
    expect(recordIdFromUrl('https://evil@crm.example.com/accounts/6', base)).toBeNull();
    expect(recordIdFromUrl('https://crm.example.com.evil.io/accounts/6', base)).toBeNull();
    expect(recordIdFromUrl('https:/accounts/6', base)).toBeNull();
  });

  it('decodes parameter values (percent and plus) and keeps the first of a repeated name', () => {
    expect(recordIdFromUrl('/x?id=ACME%2F001', base)).toBe('ACME/001');
    expect(recordIdFromUrl('/x?id=A+1', base)).toBe('A 1');
    expect(recordIdFromUrl('/x?id=%E0%A4%A', base)).toBe('%E0%A4%A');
    expect(recordIdFromUrl('/x?id=&id=9', base)).toBe('9');
    expect(recordIdFromUrl('/x?ID=1&id=2', base)).toBe('1');
  });
});

describe('emailOf', () => {
  it('finds the first address, lower-cased', () => {
    expect(emailOf('Ana Souza <Ana.Souza+crm@Acme-Widgets.co.uk>, ops@acme.com')).toBe('ana.souza+crm@acme-widgets.co.uk');
    expect(emailOf('no address here')).toBeNull();
    expect(emailOf('@acme.com')).toBeNull();
  });
});

describe('joinedId (join by e-mail or company domain, when the manager enables it)', () => {
  it('joins by the e-mail field whatever the CRM calls it', () => {
    expect(joinedId({ 'Email Address': 'Orders@CascadeTimber.com' }, 'email')).toBe('email:orders@cascadetimber.com');
    expect(joinedId({ 邮箱: 'wang@yunfan.cn' }, 'email')).toBe('email:wang@yunfan.cn');
    expect(joinedId({ Phone: '+1 503-555-0148' }, 'email')).toBeNull();
  });

  it('joins by the e-mail’s domain, never a free-mail one, else by the website', () => {
    expect(joinedId({ Email: 'ap@geminifurniture.com', Website: 'https://other.example' }, 'domain')).toBe('domain:geminifurniture.com');
    expect(joinedId({ Email: 'owner.shop@gmail.com', Website: 'www.pinecrestvet.com' }, 'domain')).toBe('domain:pinecrestvet.com');
    expect(joinedId({ Email: 'boss@qq.com' }, 'domain')).toBeNull();
    expect(joinedId({ 网站: 'http://www.yunfan.cn/about' }, 'domain')).toBe('domain:yunfan.cn');
    expect(joinedId({ Website: 'n/a' }, 'domain')).toBeNull();
  });
});
