import type { WriteBatch } from '../db/customers-repo';
import { emptyBatch, sizeOf } from './write-queue';

/**
 * Held rows (storage failed; see write-queue.ts) copied to storage.session, so
 * an MV3 worker stopped while they wait does not take them along: the next
 * worker re-queues them. storage.session lives in memory until the browser
 * quits; its quota is 10 MB (Chrome 112+; this extension needs 116). The copy
 * takes at most PARKED_ROWS_MAX_BYTES of it, leaving the rest to the other
 * session items (tab pages, focus, the storage problem). Rows past the bound
 * stay in memory only; if the worker stops with them, the next one counts them
 * as lost (storage-health.ts) and the banner says so.
 */
const PARKED_ROWS_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The copy as stored: the batch as JSON text, not as objects. storage.session
 * converts an object value field by field on the worker's thread (and back
 * again for every onChanged listener): measured in Chromium at load ≈ 12, a
 * 0.5 MB batch took 1.0 s as objects and 0.23 s as one string (2 MB: 3.7 s vs
 * 0.67 s), and while it ran the worker answered nothing (a full disk's banner
 * waited 8–12 s for it in the quota e2e).
 */
export interface ParkedRows {
  rows: string;
  /** Rows of the held batch that did not fit in the bound (kept in memory only). */
  dropped: number;
  savedAt: number;
}

/** UTF-8 bytes of a string (storage.session counts bytes of JSON), without copying it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Which tables keep their rows first when the held batch is larger than the
 * bound: a customer's latest row (what badges and the side panel show), then
 * activities, indicators and scores; observation history last. Within a
 * table the newest rows (last in the batch) are kept.
 */
const KEEP_ORDER: readonly (keyof WriteBatch)[] = ['customers', 'activities', 'indicators', 'scores', 'observations'];

/** The part of `batch` that fits in `maxBytes` of JSON (and that JSON), and how many rows did not. */
export function boundedBatch(batch: WriteBatch, maxBytes = PARKED_ROWS_MAX_BYTES): { batch: WriteBatch; text: string; bytes: number; dropped: number } {
  const text = JSON.stringify(batch);
  const whole = utf8Bytes(text);
  if (whole <= maxBytes) return { batch, text, bytes: whole, dropped: 0 };
  const kept = emptyBatch();
  let bytes = utf8Bytes(JSON.stringify(kept));
  let full = false;
  for (const table of KEEP_ORDER) {
    const rows = batch[table] as unknown[];
    const fitting: unknown[] = [];
    for (let i = rows.length - 1; i >= 0 && !full; i--) {
      const size = utf8Bytes(JSON.stringify(rows[i])) + 1; // and its comma
      if (bytes + size > maxBytes) full = true;
      else {
        bytes += size;
        fitting.push(rows[i]);
      }
    }
    (kept[table] as unknown[]) = fitting.reverse();
  }
  return { batch: kept, text: JSON.stringify(kept), bytes, dropped: sizeOf(batch) - sizeOf(kept) };
}

/** The JSON text of a parked copy, or undefined when it is not JSON. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A parked copy as read back from storage.session, or null when it is not
 * one: the session area is this extension's own (not readable by content
 * scripts), so this guards against another build's shape, not an attacker.
 * (The build before JSON text parked the batch as objects: `batch`.)
 */
export function parkedBatchOf(value: unknown): WriteBatch | null {
  if (typeof value !== 'object' || value === null) return null;
  const { rows, batch: legacy } = value as { rows?: unknown; batch?: unknown };
  const batch = typeof rows === 'string' ? parsed(rows) : legacy;
  if (typeof batch !== 'object' || batch === null) return null;
  const restored = emptyBatch();
  for (const table of KEEP_ORDER) {
    const rows = (batch as Record<string, unknown>)[table];
    if (rows === undefined) continue;
    if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'object' && row !== null && typeof (row as { site?: unknown }).site === 'string'))
      return null;
    (restored[table] as unknown[]) = rows;
  }
  return sizeOf(restored) ? restored : null;
}
