import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '@/lib/model/base64';
import { sha256, sha256Bytes } from '@/lib/model/hash';

describe('sha256', () => {
  it('matches the standard test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto on UTF-8 text and on every padding length', () => {
    const text = '客户流失 churn ✓ '.repeat(50);
    expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    for (let n = 0; n < 140; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(sha256Bytes(bytes), `length ${n}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('base64', () => {
  it('round-trips and agrees with Buffer for every tail length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
    }
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base64ToBytes('ab$d')).toThrow(/invalid base64/);
    expect(() => base64ToBytes('abcde')).toThrow(/length/);
  });
});
