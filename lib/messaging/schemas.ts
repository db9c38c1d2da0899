import { z } from 'zod';
import { FILE_LIMITS } from '@/lib/files/limits';
import { ACTIVITY_KINDS, SNAPSHOT_LIMITS as LIMITS } from '../domain';
import { isSiteOrigin } from '../sites/origins';
import type { MessageType } from './protocol';
import { allCommands } from './all-commands';
import { audiencesOf, requestSchemasOf } from './commands';
import { experimentAudience, experimentRequestSchemas } from '../experiments/messages';

/**
 * Runtime shape of every request. The background parses each payload with
 * these before a handler runs; bounds keep a hostile page from making the
 * background allocate without limit.
 */
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(LIMITS.id);
const siteOrigin = z.string().max(512).refine(isSiteOrigin, 'a normalised origin such as https://crm.example.com');

const activitySnapshotSchema = z.strictObject({
  id: id.optional(),
  kind: z.enum(ACTIVITY_KINDS),
  date: text(LIMITS.activityPart),
  amount: text(LIMITS.activityPart).optional(),
  quantity: text(LIMITS.activityPart).optional(),
  status: text(LIMITS.activityStatus).optional(),
  text: text(LIMITS.activityText).optional(),
});

const customerSnapshotSchema = z.strictObject({
  crmId: id,
  name: text(LIMITS.name),
  fields: z.record(text(LIMITS.label), text(LIMITS.value)).refine((fields) => Object.keys(fields).length <= LIMITS.fields, 'too many fields'),
  activities: z.array(activitySnapshotSchema).max(LIMITS.activities).optional(),
});

/** "Today" of the page as an ISO date (yyyy-mm-dd), for CRMs that show data as of a date. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const empty = z.strictObject({});

export const requestSchemas = {
  scanPage: z.strictObject({
    url: text(4096),
    pageKind: z.enum(['list', 'detail']),
    adapter: text(64),
    customers: z.array(customerSnapshotSchema).max(LIMITS.customers),
    today: isoDate.optional(),
    // false: score only, record nothing (a setting changed; lib/content/scanner.ts forget).
    record: z.literal(false).optional(),
  }),
  getBadgeDetails: z.strictObject({ crmId: id }),
  focusCustomer: z.strictObject({ crmId: id }),
  openSidePanel: z.strictObject({ crmId: id }),
  getCustomerView: z.strictObject({ site: text(512).optional(), crmId: id.optional() }),
  getModelInfo: empty,
  getTierThresholds: empty,
  getStatus: empty,
  acknowledgeLostRows: empty,
  listModels: empty,
  getModel: z.strictObject({ id }),
  activateModel: z.strictObject({ id }),
  rollbackModel: z.strictObject({ id }),
  // The artifact is checked by parseModelArtifact in the handler, which names what is wrong.
  saveTrainedModel: z.strictObject({ artifact: z.record(z.string(), z.unknown()), parent: id.optional(), sites: z.array(siteOrigin).max(100).optional() }),
  assignModelSites: z.strictObject({ id, sites: z.array(siteOrigin).max(100) }),
  // The same limit as the file picker and the model parser (lib/files/limits.ts).
  importModel: z.strictObject({ text: text(FILE_LIMITS.model), fileName: text(1024).optional() }),
  exportModel: z.strictObject({ id }),
  deleteModel: z.strictObject({ id }),
  getTrainingRows: empty,
  getScorecard: empty,
  // Shape checked by the scorecard's own parser in the handler; null restores the default.
  saveScorecard: z.strictObject({ scorecard: z.union([z.record(z.string(), z.unknown()), z.null()]) }),
  ...experimentRequestSchemas,
  ...requestSchemasOf(allCommands),
} satisfies Record<MessageType, z.ZodType>;

/** Who may send each message: a CRM page's content script, or an extension page. */
export const messageAudience: Record<MessageType, 'content' | 'extension'> = {
  scanPage: 'content',
  getBadgeDetails: 'content',
  focusCustomer: 'content',
  openSidePanel: 'content',
  getCustomerView: 'extension',
  getModelInfo: 'extension',
  getTierThresholds: 'extension',
  getStatus: 'extension',
  acknowledgeLostRows: 'extension',
  ...experimentAudience,
  ...audiencesOf(allCommands),
  listModels: 'extension',
  getModel: 'extension',
  activateModel: 'extension',
  rollbackModel: 'extension',
  saveTrainedModel: 'extension',
  assignModelSites: 'extension',
  importModel: 'extension',
  exportModel: 'extension',
  deleteModel: 'extension',
  getTrainingRows: 'extension',
  getScorecard: 'extension',
  saveScorecard: 'extension',
};
