/**
 * Deterministic hashing and pseudo-randomness for the demo CRM. Everything the
 * demo synthesises (the history/current split, names, owners, timelines) is
 * seeded from the customerID through these functions, so every run, every
 * machine and every test sees the same CRM.
 */
import { fmix32 } from '@/lib/experiments/assignment';
import { mulberry32, type Random as Rng } from '@/lib/model/prng';

/** 32-bit FNV-1a over the UTF-8 bytes of `text`; an unsigned integer. */
const utf8 = new TextEncoder();

export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  // ASCII is its own UTF-8: hash the char codes without encoding (the seeds are ids, so this is the usual case).
  let ascii = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      ascii = false;
      break;
    }
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  }
  if (ascii) return hash >>> 0;
  hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Share of customers (in %) whose outcome is already known history. */
export const KNOWN_HISTORY_PERCENT = 80;

/**
 * A customer is "known history" (their Churn label is shown as Status and
 * exported for training) when fnv1a32(customerID) % 100 < 80. The others are
 * "current": shown as Active, their label hidden — the extension predicts it.
 */
export function isKnownHistory(customerId: string): boolean {
  return fnv1a32(customerId) % 100 < KNOWN_HISTORY_PERCENT;
}

/**
 * fnv1a32 followed by murmur3's finaliser. FNV-1a alone diffuses badly into
 * its low bits (the low k bits after a common suffix depend only on the low k
 * bits before it), so picks like `hash % 8` from `${id}|owner` would correlate
 * with each other and with the split. Use this for every seeded choice.
 */
export function seedHash(text: string): number {
  return fmix32(fnv1a32(text));
}

// The model's seeded generator (one implementation for the demo's data and the training folds).
export { mulberry32, type Rng };

/** A generator seeded by a string (e.g. `${customerID}|timeline`). */
export function rngFor(key: string): Rng {
  return mulberry32(seedHash(key));
}

/** The element of a non-empty list chosen by an unsigned hash. */
export function pickByHash<T>(list: readonly T[], hash: number): T {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[hash % list.length] as T;
}

/** A random element of a non-empty list. */
export function pickRandom<T>(list: readonly T[], rng: Rng): T {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[Math.min(Math.floor(rng() * list.length), list.length - 1)] as T;
}

/** A random integer in [min, max] (inclusive). */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.min(Math.floor(rng() * (max - min + 1)), max - min);
}
