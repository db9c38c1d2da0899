import type { EnrolmentRow } from '../db/schema';

/**
 * Which arm a customer is in: a pure function of the experiment id and the
 * customer's key, so every agent's browser puts the same customer in the
 * same group with no server and no shared state.
 *
 * The hash is 32-bit FNV-1a over the UTF-8 bytes of `id \u0000 key`, then
 * MurmurHash3's fmix32 finaliser: FNV alone leaves similar keys ("C-1001",
 * "C-1002") close in the high bits, the finaliser spreads every input bit
 * over the output (avalanche). Integer maths only (Math.imul), identical in
 * every JavaScript engine. Changing this function reshuffles every running
 * experiment: never change it; the golden values in the tests pin it.
 */
export type Arm = EnrolmentRow['arm'];

/** FNV-1a over the string's UTF-8 bytes, encoded on the fly (no allocation: 100k keys are hashed per results view). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const byte = (b: number) => {
    hash = Math.imul(hash ^ b, 0x01000193);
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = code <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd; // a lone surrogate, as TextEncoder encodes it
    }
    if (code < 0x80) byte(code);
    else if (code < 0x800) {
      byte(0xc0 | (code >> 6));
      byte(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      byte(0xe0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    } else {
      byte(0xf0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3f));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    }
  }
  return hash >>> 0;
}

export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A customer's position in [0, 1) for this experiment. */
export function assignmentUnit(experimentId: string, customerKey: string): number {
  return fmix32(fnv1a32(`${experimentId}\u0000${customerKey}`)) / 4294967296;
}

/** Control when the position falls below the control share (a 10 % share: positions in [0, 0.1)). */
export function armOf(experimentId: string, customerKey: string, controlShare: number): Arm {
  return assignmentUnit(experimentId, customerKey) < controlShare ? 'control' : 'treatment';
}
