import type { SiteKey } from '../domain';
import type { ErrorCode, MessageType, Reply, RequestOf, ResponseOf } from '../messaging/protocol';
import { HandlerError, type HandlerContext, type RejectedRow } from '@/lib/messaging/commands';
import { messageAudience, requestSchemas } from '../messaging/schemas';
import { siteOriginOf } from '../sites/origins';
import { isQuotaError, isStorageError } from '@/lib/db/storage-errors';

/** The parts of runtime.MessageSender we rely on. */
export interface SenderInfo {
  id?: string;
  /** The sending frame's URL (a subframe's own, not the tab's). */
  url?: string;
  /** The sending frame's origin (Chrome; Firefox leaves it out). */
  origin?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Requests that carry a list of page rows: one bad row (a value longer than
 * the schema allows, a missing id) is dropped and counted, and the rest of the
 * page is still handled, rather than every badge on the page failing.
 */
const ROW_LISTS: Partial<Record<MessageType, string>> = { scanPage: 'customers' };

/**
 * The request without the rows its issues point at, when every issue is inside
 * one row; else null. `dropped` names each left-out row by its index in the
 * list as sent and its first problem, so the page marks exactly those rows.
 */
function withoutBadRows(
  payload: unknown,
  listKey: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): { payload: Record<string, unknown>; dropped: RejectedRow[] } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const list = (payload as Record<string, unknown>)[listKey];
  if (!Array.isArray(list)) return null;
  const bad = new Map<number, string>();
  for (const issue of issues) {
    const [key, index, ...where] = issue.path;
    if (key !== listKey || typeof index !== 'number') return null;
    if (!bad.has(index)) bad.set(index, `${where.map(String).join('.') || 'row'}: ${issue.message}`);
  }
  const dropped = [...bad].sort(([a], [b]) => a - b).map(([index, problem]) => ({ index, problem }));
  return { payload: { ...(payload as Record<string, unknown>), [listKey]: list.filter((_, i) => !bad.has(i)) }, dropped };
}

export { HandlerError, type HandlerContext };

export type Handlers = { [T in MessageType]: (payload: RequestOf<T>, context: HandlerContext) => Promise<ResponseOf<T>> };

export interface RouterOptions {
  extensionId: string;
  /** e.g. "chrome-extension://abcdef/" */
  extensionOrigin: string;
  isSiteEnabled: (origin: SiteKey) => boolean | Promise<boolean>;
  handlers: Handlers;
  onError?: (type: string, error: unknown) => void;
  /** Rows of a page were dropped as invalid (the first problem, for the log). */
  onRejectedRows?: (type: string, count: number, firstProblem: string) => void;
}

const fail = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/**
 * The site of the frame that sent the message. Scripts run in all frames, so the
 * tab's URL would file a cross-origin frame's customers under the top page's site.
 */
function senderSite(sender: SenderInfo): string | null {
  return siteOriginOf(sender.origin) ?? siteOriginOf(sender.url);
}

/**
 * Validates and dispatches one message. Returns undefined for traffic that is
 * not ours (other channels), so it can coexist with other listeners.
 */
export function createRouter(options: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown> | undefined> {
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== 'churn-radar') {
      return undefined;
    }
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
      return fail('bad-request', `Unknown message type ${JSON.stringify(type)}`);
    }
    const messageType = type as MessageType;
    if (sender.id !== options.extensionId) return fail('forbidden', 'Message from another extension');

    const context: HandlerContext = { site: null, tabId: sender.tab?.id ?? null };
    if (messageAudience[messageType] === 'content') {
      const origin = senderSite(sender);
      if (!sender.tab || !origin || !(await options.isSiteEnabled(origin))) {
        return fail('forbidden', `"${messageType}" is only accepted from an enabled CRM page`);
      }
      context.site = origin;
    } else if (!sender.url?.startsWith(options.extensionOrigin)) {
      return fail('forbidden', `"${messageType}" is only accepted from the extension's own pages`);
    }

    const schema = requestSchemas[messageType];
    let parsed = schema.safeParse(payload ?? {});
    const listKey = ROW_LISTS[messageType];
    if (!parsed.success && listKey) {
      const kept = withoutBadRows(payload, listKey, parsed.error.issues);
      const retried = kept && schema.safeParse(kept.payload);
      if (retried?.success) {
        const issue = parsed.error.issues[0]!;
        options.onRejectedRows?.(messageType, kept!.dropped.length, `${issue.path.join('.')}: ${issue.message}`);
        context.rejectedRows = kept!.dropped;
        parsed = retried;
      }
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('bad-request', `Invalid "${messageType}" request at ${issue?.path.join('.') || 'payload'}: ${issue?.message}`);
    }
    try {
      const handler = options.handlers[messageType] as (p: unknown, c: HandlerContext) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, context) };
    } catch (error) {
      options.onError?.(messageType, error);
      if (error instanceof HandlerError) return fail(error.code, error.message);
      return fail(isStorageError(error) ? 'storage' : 'internal', describe(error));
    }
  };
}

const isOurs = (message: unknown) => typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === 'churn-radar';

/**
 * The runtime.onMessage listener over a router. Every message on our channel
 * gets exactly one answer, even when routing itself throws (the router maps
 * handler errors, but a failure before that would leave the sender's promise
 * pending forever); other channels are left to their own listeners.
 */
export function messageListener(route: ReturnType<typeof createRouter>) {
  return (message: unknown, sender: SenderInfo, sendResponse: (reply: unknown) => void): boolean => {
    if (!isOurs(message)) return false;
    route(message, sender)
      .catch((error: unknown): Reply<never> => {
        console.error('[churn-radar] message routing failed', error);
        return fail('internal', describe(error));
      })
      .then((reply) => sendResponse(reply));
    return true;
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (isQuotaError(error)) {
      return 'The browser has no storage space left for Churn Radar. Free disk space, or erase old data in Options → Data.';
    }
    return error.message;
  }
  return String(error);
}
