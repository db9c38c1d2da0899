import { describe, expect, it } from 'vitest';
import { parseDate } from '@/lib/parse/date';
import { parseNumber } from '@/lib/parse/number';

// A mix of what the background parses: every form, a few failures.
const NUMBERS = ['$1,234.50', '¥12,000', '1.2万', '€1.234,50', '-$20', '12.5%', '3 orders', '5 单', '29.85', '1,234'];
const DATES = [
  '2024-03-05',
  '2024-03-05T10:00:00Z',
  '03/05/2024',
  '2024年3月5日',
  'Mar 5, 2024',
  '5 Mar 2024',
  'Tue, Mar 5, 2024',
  '2024/3/5',
  '5.3.2024',
  'Feb 30, 2024',
];

describe('throughput', () => {
  it('parses 100,000 numbers and 100,000 dates with every result right', () => {
    const n = 100_000;
    let numbersOk = 0;
    let datesOk = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      // A different string each time, so nothing can be cached by text.
      const suffix = i % 2 === 0 ? '' : ' ';
      if (parseNumber(NUMBERS[i % NUMBERS.length]! + suffix).ok) numbersOk++;
      if (parseDate(DATES[i % DATES.length]! + suffix).ok) datesOk++;
    }
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(`100,000 parseNumber + 100,000 parseDate: ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
    expect(numbersOk).toBe(n * 0.9); // "1,234" is ambiguous
    expect(datesOk).toBe(n * 0.8); // "03/05/2024" is ambiguous, Feb 30 impossible
  });
});
