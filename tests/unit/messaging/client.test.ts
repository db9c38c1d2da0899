import { describe, expect, it, vi } from 'vitest';
import { createClient, MessageError } from '@/lib/messaging/client';

describe('message client', () => {
  it('wraps the request in an envelope and returns the data of an ok reply', async () => {
    const raw = vi.fn().mockResolvedValue({ ok: true, data: { thresholds: [0.1] } });
    const send = createClient(raw);
    await expect(send('getTierThresholds', {})).resolves.toEqual({ thresholds: [0.1] });
    expect(raw).toHaveBeenCalledWith({ channel: 'churn-radar', type: 'getTierThresholds', payload: {} });
  });

  it('retries when the service worker was restarting, then succeeds', async () => {
    const raw = vi
      .fn()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValue({ ok: true, data: null });
    await expect(createClient(raw)('focusCustomer', { crmId: 'x' })).resolves.toBeNull();
    expect(raw).toHaveBeenCalledTimes(3);
  });

  it('gives up with a clear error after the retries', async () => {
    const raw = vi.fn().mockRejectedValue(new Error('Receiving end does not exist.'));
    const error = await createClient(raw)('focusCustomer', { crmId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe('unreachable');
    expect(raw).toHaveBeenCalledTimes(4);
  });

  it('does not retry other failures', async () => {
    const raw = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(createClient(raw)('focusCustomer', { crmId: 'x' })).rejects.toThrow(/Extension context invalidated/);
    expect(raw).toHaveBeenCalledTimes(1);
  });

  it('turns an error reply into a MessageError with its code', async () => {
    const raw = vi.fn().mockResolvedValue({ ok: false, error: { code: 'storage', message: 'disk full' } });
    await expect(createClient(raw)('getModelInfo', {})).rejects.toMatchObject({ code: 'storage', message: 'disk full' });
  });

  it('rejects a malformed reply instead of returning garbage', async () => {
    const raw = vi.fn().mockResolvedValue(undefined);
    await expect(createClient(raw)('getModelInfo', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
