import { z } from 'zod';
import { FILE_LIMITS } from '@/lib/files/limits';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../db/retention';
import { DATA_TABLES } from '../privacy/tables';

const keyPart = z.union([z.number(), z.string().max(2048)]);
/** A primary key the previous page ended at (lib/privacy/export-pages.ts PageKey). */
const pageKey = z.union([keyPart, z.array(keyPart).min(1).max(4)]);
import { ERASE_ALL_CONFIRMATION, type PrivacyProtocol } from './privacy-protocol';

const empty = z.strictObject({});

/** Runtime shapes of the data-control messages (see privacy-protocol.ts); merged into requestSchemas. */
export const privacyRequestSchemas = {
  getDataSummary: empty,
  exportTablePage: z.strictObject({ table: z.enum(DATA_TABLES), after: pageKey.optional(), limit: z.number().int().min(1).max(5000) }),
  exportSettings: empty,
  eraseSite: z.strictObject({ site: z.string().min(1).max(512), confirm: z.string().max(512) }),
  eraseAll: z.strictObject({ confirm: z.literal(ERASE_ALL_CONFIRMATION) }),
  // The same limit as the file picker and the parser (lib/files/limits.ts).
  importData: z.strictObject({ text: z.string().max(FILE_LIMITS.dataExport) }),
  setRetentionDays: z.strictObject({
    days: z
      .number()
      .int(`whole days`)
      .min(MIN_RETENTION_DAYS, `at least ${MIN_RETENTION_DAYS} days`)
      .max(MAX_RETENTION_DAYS, `at most ${MAX_RETENTION_DAYS} days`),
  }),
} satisfies Record<keyof PrivacyProtocol, z.ZodType>;

export const privacyAudience: Record<keyof PrivacyProtocol, 'extension'> = {
  getDataSummary: 'extension',
  exportTablePage: 'extension',
  exportSettings: 'extension',
  eraseSite: 'extension',
  eraseAll: 'extension',
  importData: 'extension',
  setRetentionDays: 'extension',
};
