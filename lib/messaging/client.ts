import type { Envelope, ErrorCode, MessageType, Reply, RequestOf, ResponseOf } from './protocol';

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** The raw transport: browser.runtime.sendMessage in production, a fake in tests. */
export type RawSend = (message: unknown) => Promise<unknown>;

/**
 * Errors that mean the service worker was asleep or restarting while we asked:
 * the request never ran (or its answer was lost), so asking again is safe —
 * every handler is idempotent for the same payload.
 */
const TRANSIENT = [/Receiving end does not exist/i, /message port closed/i, /Could not establish connection/i];
const RETRY_DELAYS_MS = [50, 200, 800];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createClient(rawSend: RawSend) {
  return async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    const envelope: Envelope<T> = { channel: 'churn-radar', type, payload };
    for (let attempt = 0; ; attempt++) {
      let reply: unknown;
      try {
        reply = await rawSend(envelope);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay !== undefined && TRANSIENT.some((re) => re.test(text))) {
          await sleep(delay);
          continue;
        }
        throw new MessageError('unreachable', `Churn Radar background did not answer "${type}": ${text}`);
      }
      return unwrap<T>(type, reply);
    }
  };
}

function unwrap<T extends MessageType>(type: T, reply: unknown): ResponseOf<T> {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new MessageError('internal', `Malformed reply to "${type}"`);
  }
  const typed = reply as Reply<ResponseOf<T>>;
  if (typed.ok) return typed.data;
  throw new MessageError(typed.error.code, typed.error.message);
}

export type SendMessage = ReturnType<typeof createClient>;
