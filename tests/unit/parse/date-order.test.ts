import { describe, expect, it } from 'vitest';
import { orderEvidence, orderOfDates, orderOfLanguage, withIsoDate } from '@/lib/parse/date-order';
import { parseDate } from '@/lib/parse/date';

describe('numeric date order', () => {
  it('a date proves an order only when one part is 13–31', () => {
    expect(orderEvidence('25/03/2026')).toBe('dmy');
    expect(orderEvidence('3/25/2026 10:00 AM')).toBe('mdy');
    expect(orderEvidence('12/6/2026')).toBeNull();
    expect(orderEvidence('5.3.2026')).toBeNull();
    expect(orderEvidence('Mar 3, 2026')).toBeNull();
    expect(orderEvidence('40/03/2026')).toBeNull();
  });

  it('the dates of a page settle it unless they disagree', () => {
    expect(orderOfDates(['12/6/2026', '11/25/2026', 'Acme'])).toBe('mdy');
    expect(orderOfDates(['12/6/2026', '1/2/2026'])).toBeNull();
    expect(orderOfDates(['13/6/2026', '11/25/2026'])).toBeNull();
  });

  it('a language says it as CLDR writes its dates; year-first languages say nothing', () => {
    expect(orderOfLanguage('en-US')).toBe('mdy');
    expect(orderOfLanguage('en')).toBe('mdy');
    expect(orderOfLanguage('en-GB')).toBe('dmy');
    expect(orderOfLanguage('de-DE')).toBe('dmy');
    expect(orderOfLanguage('zh-CN')).toBeNull();
    expect(orderOfLanguage('')).toBeNull();
    expect(orderOfLanguage('not a tag!')).toBeNull();
  });

  it('writes only dates that read both ways as ISO days, keeping a time after them; US dates then parse', () => {
    expect(withIsoDate('12/6/2026', 'mdy')).toBe('2026-12-06');
    expect(withIsoDate('12/6/2026', 'dmy')).toBe('2026-06-12');
    expect(withIsoDate('3/4/2026 09:12am', 'mdy')).toBe('2026-03-04 09:12am');
    expect(withIsoDate('11/25/2026', 'dmy')).toBe('11/25/2026');
    expect(withIsoDate('5/5/2026', 'mdy')).toBe('5/5/2026');
    expect(withIsoDate('Jun 7, 2026', 'mdy')).toBe('Jun 7, 2026');
    expect(parseDate('12/6/2026').ok).toBe(false);
    expect(parseDate(withIsoDate('12/6/2026', 'mdy'))).toEqual({ ok: true, value: Date.UTC(2026, 11, 6) });
  });
});
