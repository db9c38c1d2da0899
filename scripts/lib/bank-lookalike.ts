/**
 * A streamed look-alike of the bank churn export (Kaggle "Churn_Modelling":
 * 13 columns and the Exited label) at any size: the same generative rules as
 * `bankChurn` in synthetic-churn.ts, row for row — for the same seed its
 * first n rows and labels equal bankChurn(n, seed)'s — but written line by
 * line, so 1,000,000 rows never sit in memory as objects. `extraColumns`
 * (0…7) appends usage columns a CRM export would carry (logins, tickets,
 * a plan level, a region; two of them move the churn odds), for the
 * 20-column memory test.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '@/lib/model/prng';
import { bankRow } from './synthetic-churn';

const EXTRA = ['DaysSinceLogin', 'SupportTickets', 'Plan', 'Region', 'MonthlyFee', 'DiscountPct', 'Referrals'] as const;
const PLANS = ['Basic', 'Plus', 'Premium'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];

export const BANK_LABEL = 'Exited';

export function bankColumns(extraColumns = 0): string[] {
  return [...BANK_COLUMNS, ...EXTRA.slice(0, extraColumns), BANK_LABEL];
}

const BANK_COLUMNS = [
  'RowNumber',
  'CustomerId',
  'Surname',
  'CreditScore',
  'Geography',
  'Gender',
  'Age',
  'Tenure',
  'Balance',
  'NumOfProducts',
  'HasCrCard',
  'IsActiveMember',
  'EstimatedSalary',
];

/** CSV lines (header first), `n` rows. */
export function* bankLookalikeLines(n: number, seed: number, extraColumns = 0): Generator<string> {
  if (extraColumns < 0 || extraColumns > EXTRA.length) throw new RangeError(`extraColumns must be 0…${EXTRA.length}`);
  const random = mulberry32(seed);
  const labels = mulberry32(seed ^ 0x5eed);
  const extra = mulberry32(seed ^ 0xe7a);
  yield bankColumns(extraColumns).join(',');
  for (let i = 0; i < n; i++) {
    const { row, logit } = bankRow(random, i);
    const cells = BANK_COLUMNS.map((c) => row[c]!);
    let z = logit;
    if (extraColumns > 0) {
      const login = Math.floor(-Math.log(Math.max(1e-9, extra())) * 12);
      const tickets = Math.floor(-Math.log(Math.max(1e-9, extra())) * 1.2);
      z += (login > 30 ? 0.8 : 0) + (tickets >= 3 ? 0.6 : 0);
      const values = [
        String(login),
        String(tickets),
        PLANS[Math.floor(extra() * PLANS.length)]!,
        REGIONS[Math.floor(extra() * REGIONS.length)]!,
        (9.99 + Math.floor(extra() * 5) * 5).toFixed(2),
        String(Math.floor(extra() * 4) * 5),
        String(Math.floor(-Math.log(Math.max(1e-9, extra())) * 0.5)),
      ];
      cells.push(...values.slice(0, extraColumns));
    }
    cells.push(labels() < 1 / (1 + Math.exp(-z)) ? '1' : '0');
    yield cells.join(',');
  }
}

/** Writes the look-alike CSV to `path`. */
export async function writeBankLookalike(path: string, n: number, seed: number, extraColumns = 0): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of bankLookalikeLines(n, seed, extraColumns)) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

// `npx tsx scripts/lib/bank-lookalike.ts FILE ROWS [SEED] [EXTRA_COLUMNS]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, rows, seed, extra] = process.argv.slice(2);
  if (!path || !rows) throw new Error('usage: bank-lookalike.ts FILE ROWS [SEED] [EXTRA_COLUMNS]');
  await writeBankLookalike(path, Number(rows), Number(seed ?? 1), Number(extra ?? 0));
}
