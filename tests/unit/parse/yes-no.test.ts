import { describe, expect, it } from 'vitest';
import { parseYesNo } from '@/lib/parse/yes-no';

describe('parseYesNo', () => {
  it.each(['Yes', 'yes', 'YES', ' y ', 'Y', 'true', 'TRUE', '1', '1.0', 'on', 'On', '是', '✓', '✔', '✔️', '✅', '☑', '有', 1, true])('%j → true', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: true });
  });

  it.each(['No', 'no', 'N', 'n', 'false', 'False', '0', '0.0', 'off', 'OFF', '否', '✗', '✘', '❌', '✖', '×', '无', 0, false])('%j → false', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });

  it.each(['', '  ', '—', 'N/A', null, undefined])('%j is missing', (text) => {
    expect(parseYesNo(text)).toMatchObject({ ok: false, missing: true });
  });

  it.each(['No internet service', 'maybe', '2', 'yes please', '是的吗', 0.5])('%j is not a yes/no value', (text) => {
    const r = parseYesNo(text);
    expect(r).toMatchObject({ ok: false, missing: false });
    if (!r.ok) expect(r.reason).toMatch(/yes\/no/);
  });
});
