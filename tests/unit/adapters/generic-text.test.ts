// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { activityColumnOf, headingKindOf, isCustomerLabel, kindFromWords, nameRankOf } from '@/lib/adapters/generic/labels';
import { OUR_HOST_ATTRS, childCells, collapse, labelText, nameText, readableText, textOf } from '@/lib/adapters/generic/text';
import { BADGE_HOST_ATTR } from '@/lib/content/badge';
import { POPOVER_HOST_ATTR } from '@/lib/content/popover';

const el = (html: string): Element => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('textOf (list cells)', () => {
  it('reads one text node directly, collapsing spaces, tabs, new lines and no-break spaces', () => {
    expect(textOf(el('<div>  Cascade\n\tTimber&nbsp;Supply </div>'))).toBe('Cascade Timber Supply');
    expect(textOf(el('<div>$2,450.00</div>'))).toBe('$2,450.00');
    expect(textOf(el('<div></div>'))).toBe('');
  });

  it('reads nested text and form controls by their value', () => {
    expect(textOf(el('<div><b><a href="#">Acme</a></b> <span>Inc.</span></div>'))).toBe('Acme Inc.');
    expect(textOf(el('<input value=" 1,250.00 ">'))).toBe('1,250.00');
    expect(textOf(el('<input type="checkbox" checked>'))).toBe('true');
    expect(textOf(el('<input type="radio">'))).toBe('false');
    expect(textOf(el('<textarea>line one\nline two</textarea>'))).toBe('line one line two');
    expect(textOf(el('<select><option>Basic</option><option selected>Pro</option></select>'))).toBe('Pro');
    expect(textOf(el('<select multiple><option selected>VIP</option><option>B2B</option><option selected>Retail</option></select>'))).toBe('VIP, Retail');
  });

  it('gives an empty element’s inner control value (a cell holding only an input), but not a hidden input’s', () => {
    expect(textOf(el('<div class="o_field_widget"> <input value="Gemini Furniture"> </div>'))).toBe('Gemini Furniture');
    expect(textOf(el('<div><input type="hidden" value="secret-token"></div>'))).toBe('');
  });
});

describe('text hygiene (names and cells)', () => {
  it('leaves out avatars (by class or data-slot), numeric badge counts and hidden text', () => {
    expect(textOf(el('<div><div class="MuiStack-root"><div class="MuiAvatar-root">M</div><span>Morris Satterfield</span></div></div>'))).toBe(
      'Morris Satterfield',
    );
    expect(textOf(el('<div><span data-slot="avatar"><span data-slot="avatar-fallback">AL</span></span><span>Ada Lovelace</span></div>'))).toBe('Ada Lovelace');
    expect(textOf(el('<a href="#">Acme<span class="MuiBadge-badge">3</span></a>'))).toBe('Acme');
    expect(textOf(el('<div>Acme <span class="sr-only">(selected)</span><span aria-hidden="true">★</span></div>'))).toBe('Acme');
    // A badge that says a word is content, not a count.
    expect(textOf(el('<div>Acme <span class="badge">VIP</span></div>'))).toBe('Acme VIP');
  });

  it('lists chips side by side, as MUI, Ant Design and Element Plus render them', () => {
    expect(
      textOf(
        el(
          '<div><div class="MuiChip-root"><span class="MuiChip-label">Returns</span></div><div class="MuiChip-root"><span class="MuiChip-label">Reviewer</span></div></div>',
        ),
      ),
    ).toBe('Returns, Reviewer');
    expect(textOf(el('<div><span class="ant-tag">重点客户</span><span class="ant-tag">新客户</span></div>'))).toBe('重点客户, 新客户');
    expect(readableText(el('<div><span class="el-tag">VIP</span> <span class="el-tag">B2B</span></div>'))).toBe('VIP, B2B');
  });

  it('nameText drops an avatar’s initials printed before the name, and only those', () => {
    expect(nameText(el('<div><span>M</span><span> Morris Satterfield</span></div>'))).toBe('Morris Satterfield');
    expect(nameText(el('<div><div>MS</div><div>Morris Satterfield</div></div>'))).toBe('Morris Satterfield');
    expect(nameText(el('<div>AB Volvo</div>'))).toBe('AB Volvo');
    expect(nameText(el('<div>IBM Research</div>'))).toBe('IBM Research');
  });
});

describe('readableText and labelText (detail values, headers)', () => {
  it('separates blocks, keeps inline runs together, leaves out assistive and aria-hidden text', () => {
    const value = el(
      '<span><a href="#"><div>1200 W Fulton Market</div><div>Chicago, IL 60607</div></a><button><span class="slds-assistive-text">Edit Billing Address</span></button></span>',
    );
    expect(readableText(value)).toBe('1200 W Fulton Market Chicago, IL 60607');
    expect(readableText(el('<span>$<b>1,200</b>.00</span>'))).toBe('$1,200.00');
    expect(readableText(el('<p>Phone <span aria-hidden="true">☎</span><span hidden>x</span><span class="sr-only">(office)</span></p>'))).toBe('Phone');
  });

  it('reads controls in values but not in labels', () => {
    const wrapped = el('<label>Plan <select><option selected>Growth</option><option>Scale</option></select></label>');
    expect(labelText(wrapped)).toBe('Plan');
    expect(readableText(wrapped)).toBe('Plan Growth');
  });

  it('drops a label’s trailing colon and required marker', () => {
    expect(labelText(el('<span>Account Name:</span>'))).toBe('Account Name');
    expect(labelText(el('<label>* Email <abbr title="required">*</abbr></label>'))).toBe('Email');
    expect(labelText(el('<span>客户名称：</span>'))).toBe('客户名称');
    expect(
      labelText(
        el(
          '<th><a><span class="slds-assistive-text">Sort by: </span><span>Account Name</span></a><span class="slds-assistive-text">Sorted Ascending</span></th>',
        ),
      ),
    ).toBe('Account Name');
  });

  it('collapse trims and collapses only when needed', () => {
    expect(collapse('  a  b ')).toBe('a b');
    expect(collapse('a b')).toBe('a b');
    expect(collapse('\u00a0')).toBe('');
  });
});

describe('our own badge hosts', () => {
  it('are the badge and popover hosts of lib/content', () => {
    expect(OUR_HOST_ATTRS).toEqual([BADGE_HOST_ATTR, POPOVER_HOST_ATTR]);
  });

  it('are not cells of a row, so a badge beside a name does not shift the columns', () => {
    const row = el(`<div class="row"><div>Acme</div><span ${BADGE_HOST_ATTR}="42"></span><div>$10</div></div>`);
    expect(childCells(row).map((cell) => cell.textContent)).toEqual(['Acme', '$10']);
  });
});

describe('labels (en + zh)', () => {
  it('ranks customer/account/company names above a bare name, above a contact', () => {
    expect(nameRankOf('Account Name')).toBe(0);
    expect(nameRankOf('客户名称')).toBe(0);
    expect(nameRankOf('Organization Name')).toBe(0);
    expect(nameRankOf('Name')).toBe(1);
    expect(nameRankOf('姓名')).toBe(1);
    expect(nameRankOf('Contact Name')).toBe(2);
    expect(nameRankOf('Deal name')).toBeUndefined();
    expect(nameRankOf('Opportunity Name')).toBeUndefined();
  });

  it('knows product fields, CRM fields, ids and e-mails, ignoring case and punctuation', () => {
    for (const label of ['Monthly Fee', '月费', 'MRR', 'Main Phone', '签约日期', '客户编号', 'E-mail', 'ACCOUNT OWNER:', 'last_purchase'])
      expect(isCustomerLabel(label), label).toBe(true);
    for (const label of ['Deals', 'Weighted', 'Language', 'Time zone', 'Display name', '']) expect(isCustomerLabel(label), label).toBe(false);
  });

  it('reads activity headings with their counts, and item kinds from words', () => {
    expect(headingKindOf('Sales Orders (4)')).toBe('order');
    expect(headingKindOf('工单 (3)')).toBe('ticket');
    expect(headingKindOf('订单（12）')).toBe('order');
    expect(headingKindOf('Cases · 2')).toBe('ticket');
    expect(headingKindOf('Activity')).toBe('mixed');
    expect(headingKindOf('跟进记录')).toBe('contact');
    expect(headingKindOf('Account Information')).toBeUndefined();
    expect(kindFromWords('slds timeline item call')).toBe('contact');
    expect(kindFromWords('Invoice #INV-30418 overdue')).toBe('payment');
    expect(kindFromWords('客户投诉：视频卡顿')).toBe('ticket');
    expect(kindFromWords('Renewal for FY25')).toBe('order');
    expect(kindFromWords('lunch')).toBeUndefined();
    expect(activityColumnOf('Grand Total')).toBe('amount');
    expect(activityColumnOf('下单日期')).toBe('date');
    expect(activityColumnOf('Priority')).toBeUndefined();
  });
});
